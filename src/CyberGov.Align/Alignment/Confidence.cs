using CyberGov.Align.Scoring;

namespace CyberGov.Align.Alignment;

/// <summary>
/// The probability that each bead of a path is right. For an offline alignment it is the bead's posterior probability
/// (<see cref="BandedSearch.Posteriors"/>): how much of the probability of all alignments near the path, reading costs
/// as negative log-likelihoods, lies on alignments that contain the bead. It follows from the scorer and each
/// document's own models, with one number chosen on the development sets (the temperature), so it means the same in
/// close and in free translation. Where no posteriors are given (a first pass that only selects beads to learn
/// from, regions re-aligned with translations), logistic models over the bead's evidence and its neighbours' (one for
/// linked beads, one for translation-decided beads, one for omissions and additions) fitted on the development sets
/// against their gold alignments (scripts/fit-confidence.py). README "Confidence" has the calibration figures.
/// </summary>
internal static class Confidence
{
    /// <summary>Number of features of <see cref="Features"/>.</summary>
    public const int FeatureCount = 10;

    // Weights, bias first (order of Features). Linked: fitted by scripts/fit-confidence.py on 3,435 beads of aca, mag and
    // mac-dev (in-sample ECE 0.006). Translation: fitted on 2,073 re-aligned beads of aca and mag (21 wrong) with the
    // features bias, translation coverage, |length delta|, not 1-1 (too few wrong beads to fit more).
    // Null: the dev sets hold 8 null beads, 1 right; a fixed prior near that rate, lower for long sentences.
    internal static readonly double[] LinkWeights = [0.9476, 3.1685, -0.6882, 0.1411, -0.1829, -1.5205, -2.1210, 0.0000, 4.2333, 0.3695];
    internal static readonly double[] TranslationWeights = [5.538, 2.979, 0, -0.638, -2.868, 0, 0, 0, 0, 0];
    internal static readonly double[] NullWeights = [-1.6, -0.3, 0, 0, 0, 0, 0, 0, 0, 0];

    /// <summary>Beads with confidences: <paramref name="posteriors"/> (one per bead of the path) for the beads not decided by translation where given, else from the path's evidence.</summary>
    public static List<Bead> Assign(List<BandedSearch.PathBead> path, SentenceFeatures s, SentenceFeatures t, double[]? posteriors = null)
    {
        var beads = new List<Bead>(path.Count);
        Span<double> x = stackalloc double[FeatureCount];
        for (int k = 0; k < path.Count; k++)
        {
            BandedSearch.PathBead b = path[k];
            double confidence;
            if (posteriors is not null && Model(b) != 1)
            {
                confidence = posteriors[k];
            }
            else
            {
                Features(path, k, s, t, x);
                confidence = Sigmoid(Dot(WeightsFor(b), x));
            }

            AlignMethod method = b.Evidence.Translation >= 0 ? AlignMethod.Translation : AlignMethod.Offline;
            beads.Add(new Bead(b.I0, b.A, b.J0, b.B, confidence, method));
        }

        return beads;
    }

    /// <summary>Which model a bead belongs to: 0 linked, 1 translation, 2 null.</summary>
    public static int Model(BandedSearch.PathBead b) => b.A == 0 || b.B == 0 ? 2 : b.Evidence.Translation >= 0 ? 1 : 0;

    /// <summary>The features of bead <paramref name="k"/> of a path (bias first), for its model.</summary>
    public static void Features(List<BandedSearch.PathBead> path, int k, SentenceFeatures s, SentenceFeatures t, Span<double> x)
    {
        x.Clear();
        BandedSearch.PathBead b = path[k];
        BeadEvidence e = b.Evidence;
        double neighbours = NeighbourSimilarity(path, k);
        x[0] = 1;
        switch (Model(b))
        {
            case 2:
                int length = b.A == 0 ? t.Length[b.J0] : s.Length[b.I0];
                x[1] = Math.Min(length, 200) / 100.0;
                x[2] = neighbours;
                x[3] = Math.Min(e.UnmatchedNumbers, 3);
                break;
            case 1:
                x[1] = e.Translation;
                x[2] = e.Similarity;
                x[3] = Math.Min(Math.Abs(e.LengthDelta), 5);
                x[4] = b.A == 1 && b.B == 1 ? 0 : 1;
                x[5] = neighbours;
                break;
            default:
                x[1] = e.Similarity;
                x[2] = Math.Min(Math.Abs(e.LengthDelta), 5);
                x[3] = Math.Min(e.SharedNumbers, 3);
                x[4] = Math.Min(e.UnmatchedNumbers, 3);
                x[5] = (b.A, b.B) is (2, 1) or (1, 2) ? 1 : 0;
                x[6] = b.A + b.B > 3 ? 1 : 0;
                x[7] = e.ContentWords == 0 ? 1 : 0;
                x[8] = neighbours;
                x[9] = Math.Min(SideLength(b, s, t), 300) / 100.0;
                break;
        }
    }

    private static double[] WeightsFor(BandedSearch.PathBead b) => Model(b) switch
    {
        2 => NullWeights,
        1 => TranslationWeights,
        _ => LinkWeights,
    };

    /// <summary>Mean lexical (or translation) similarity of the nearest linked bead before and after.</summary>
    private static double NeighbourSimilarity(List<BandedSearch.PathBead> path, int k)
    {
        double sum = 0;
        int count = 0;
        for (int d = -1; d <= 1; d += 2)
        {
            for (int q = k + d; q >= 0 && q < path.Count; q += d)
            {
                BandedSearch.PathBead n = path[q];
                if (n.A > 0 && n.B > 0)
                {
                    sum += Math.Max(n.Evidence.Similarity, n.Evidence.Translation);
                    count++;
                    break;
                }
            }
        }

        return count == 0 ? 0 : sum / count;
    }

    private static int SideLength(BandedSearch.PathBead b, SentenceFeatures s, SentenceFeatures t)
    {
        int total = 0;
        for (int i = b.I0; i < b.I0 + b.A; i++)
        {
            total += s.Length[i];
        }

        for (int j = b.J0; j < b.J0 + b.B; j++)
        {
            total += t.Length[j];
        }

        return total;
    }

    private static double Dot(double[] w, ReadOnlySpan<double> x)
    {
        double z = 0;
        for (int i = 0; i < w.Length; i++)
        {
            z += w[i] * x[i];
        }

        return z;
    }

    private static double Sigmoid(double z) => 1.0 / (1.0 + Math.Exp(-z));
}
