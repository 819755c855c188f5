using CyberGov.Align.Scoring;

namespace CyberGov.Align.Alignment;

/// <summary>
/// The omission model's view of how much a sentence shares with the other side of its bead. Per side, p is the share
/// of a sentence's content words matched by its real counterpart and q the share matched by chance (by a sentence two
/// places away), both estimated from the documents themselves. A sentence with c content words of which m are matched
/// carries m·ln(q/p) + (c − m)·ln((1 − q)/(1 − p)) nats of evidence that it was left out rather than translated
/// inside this bead (the binomial log-likelihood ratio). Free translation (p close to q) makes a poorly matched
/// sentence little evidence; close official translation (p well above q) makes it much. Matches within one sentence
/// are not independent (some sentences are rendered closely, others freely), so the evidence is divided by the
/// binomial's overdispersion 1 + (c − 1)·ρ, with ρ the intra-sentence correlation estimated from the same pairs (the
/// beta-binomial's variance). See <see cref="AlignerOptions.OmissionWeight"/>.
/// </summary>
/// <param name="SourceBase">ln((1 − q)/(1 − p)) for source sentences: evidence per content word.</param>
/// <param name="SourceSlope">ln(q/p) − <paramref name="SourceBase"/>: change per matched word (negative).</param>
/// <param name="TargetBase">The same for target sentences.</param>
/// <param name="TargetSlope">The same for target sentences.</param>
/// <param name="SourceCorrelation">ρ for source sentences.</param>
/// <param name="TargetCorrelation">ρ for target sentences.</param>
internal readonly record struct SupportModel(double SourceBase, double SourceSlope, double TargetBase, double TargetSlope, double SourceCorrelation, double TargetCorrelation)
{
    private const double PriorCorrelation = 0.2;

    private const double PriorMatched = 0.2;
    private const double PriorChance = 0.03;

    /// <summary>The model before any evidence from the documents.</summary>
    public static SupportModel Prior { get; } = FromShares(PriorMatched, PriorChance, PriorCorrelation, PriorMatched, PriorChance, PriorCorrelation);

    /// <summary>Evidence (nats) that a source sentence with <paramref name="content"/> content words, <paramref name="matched"/> of them matched, has no counterpart in its bead; negative when it is supported.</summary>
    public double SourceEvidence(int content, int matched) => ((content * SourceBase) + (Math.Min(matched, content) * SourceSlope)) / (1 + ((content - 1) * SourceCorrelation));

    /// <summary>The same for a target sentence.</summary>
    public double TargetEvidence(int content, int matched) => ((content * TargetBase) + (Math.Min(matched, content) * TargetSlope)) / (1 + ((content - 1) * TargetCorrelation));

    /// <summary>From the matched and chance shares and the correlation of each side (clamped so that 0 &lt; q &lt; p &lt; 1 and 0 ≤ ρ ≤ 1).</summary>
    public static SupportModel FromShares(double sourceMatched, double sourceChance, double sourceCorrelation, double targetMatched, double targetChance, double targetCorrelation)
    {
        (double sb, double ss) = Side(sourceMatched, sourceChance);
        (double tb, double ts) = Side(targetMatched, targetChance);
        return new SupportModel(sb, ss, tb, ts, Math.Clamp(sourceCorrelation, 0, 1), Math.Clamp(targetCorrelation, 0, 1));

        static (double Base, double Slope) Side(double p, double q)
        {
            p = Math.Clamp(p, 0.02, 0.8);
            q = Math.Clamp(q, 0.005, p / 1.5);
            double b = Math.Log((1 - q) / (1 - p));
            return (b, Math.Log(q / p) - b);
        }
    }

    /// <summary>
    /// Estimated from sentence pairs of a first pass (1-1 beads with content on both sides; each shared key counts as one
    /// matched content word on each side), with the chance matches of each pair's source against the target two places on;
    /// <paramref name="fallback"/> when fewer than 20 pairs. Overlaps are read through <paramref name="overlaps"/>, the
    /// first pass's cache (computed on demand where it holds none).
    /// </summary>
    public static SupportModel Estimate(SupportModel fallback, BeadScorer scorer, OverlapCache overlaps, IEnumerable<(int I, int J)> pairs)
    {
        SentenceFeatures s = scorer.Source, t = scorer.Target;
        var source = new Tally();
        var target = new Tally();
        foreach ((int i, int j) in pairs)
        {
            if (s.Content[i] == 0 || t.Content[j] == 0 || i + 2 >= s.Count || j + 2 >= t.Count)
            {
                continue;
            }

            int matches = overlaps.Get(i, j);
            source.Add(s.Content[i], matches, overlaps.Get(i, j + 2));
            target.Add(t.Content[j], matches, overlaps.Get(i + 2, j));
        }

        return source.Count < 20 ? fallback : From(source, target);
    }

    /// <summary>The model from the tallies of both sides.</summary>
    public static SupportModel From(Tally source, Tally target) =>
        FromShares(source.Matched, source.Chance, source.Correlation, target.Matched, target.Chance, target.Correlation);

    /// <summary>Sentences with their content words, matches in their counterpart and chance matches elsewhere.</summary>
    internal sealed class Tally
    {
        private readonly List<(int Content, int Matches)> _sentences = [];
        private long _content, _matches, _chance;

        public int Count => _sentences.Count;

        /// <summary>p: matched content words per content word.</summary>
        public double Matched => _content == 0 ? 0 : (double)_matches / _content;

        /// <summary>q: chance matches per content word.</summary>
        public double Chance => _content == 0 ? 0 : (double)_chance / _content;

        /// <summary>
        /// ρ by moments: Σ (m − c·p)² = Σ c·p(1 − p)·(1 + (c − 1)·ρ) (the beta-binomial variance).
        /// </summary>
        public double Correlation
        {
            get
            {
                double p = Math.Clamp(Matched, 0.02, 0.98), squares = 0, binomial = 0, excess = 0;
                foreach ((int c, int m) in _sentences)
                {
                    double d = Math.Min(m, c) - (c * p);
                    squares += d * d;
                    binomial += c * p * (1 - p);
                    excess += c * (c - 1) * p * (1 - p);
                }

                return excess == 0 ? PriorCorrelation : (squares - binomial) / excess;
            }
        }

        public void Add(int content, int matches, int chance)
        {
            _sentences.Add((content, matches));
            _content += content;
            _matches += Math.Min(matches, content);
            _chance += Math.Min(chance, content);
        }
    }
}
