using CyberGov.Align.Formats;

namespace CyberGov.Align.Evaluation;

/// <summary>Precision, recall and F1 with their counts.</summary>
/// <param name="Hits">Matching beads (true positives).</param>
/// <param name="TestBeads">Beads in the test alignment that count for precision.</param>
/// <param name="GoldBeads">Beads in the gold alignment that count for recall.</param>
/// <param name="RecallHits">Gold beads found (may differ from <paramref name="Hits"/> in the lax measure).</param>
public readonly record struct Score(int Hits, int TestBeads, int GoldBeads, int RecallHits)
{
    /// <summary>Hits / test beads.</summary>
    public double Precision => TestBeads == 0 ? 0 : (double)Hits / TestBeads;

    /// <summary>Gold beads found / gold beads.</summary>
    public double Recall => GoldBeads == 0 ? 0 : (double)RecallHits / GoldBeads;

    /// <summary>Harmonic mean of precision and recall.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Adds counts (pooling over files).</summary>
    /// <param name="a">First.</param>
    /// <param name="b">Second.</param>
    /// <returns>The sum.</returns>
    public static Score operator +(Score a, Score b) => new(a.Hits + b.Hits, a.TestBeads + b.TestBeads, a.GoldBeads + b.GoldBeads, a.RecallHits + b.RecallHits);

    /// <summary>Adds counts.</summary>
    /// <param name="other">The other score.</param>
    /// <returns>The sum.</returns>
    public Score Add(Score other) => this + other;
}

/// <summary>Strict and lax scores of one test alignment against its gold alignment.</summary>
/// <param name="Strict">Exact bead matches, null beads included.</param>
/// <param name="Lax">Overlap matches (Vecalign's lax measure): recall ignores 1-0 and 0-1 gold beads.</param>
public readonly record struct EvaluationResult(Score Strict, Score Lax)
{
    /// <summary>Adds counts (pooling over files).</summary>
    /// <param name="a">First.</param>
    /// <param name="b">Second.</param>
    /// <returns>The sum.</returns>
    public static EvaluationResult operator +(EvaluationResult a, EvaluationResult b) => new(a.Strict + b.Strict, a.Lax + b.Lax);

    /// <summary>Adds counts.</summary>
    /// <param name="other">The other result.</param>
    /// <returns>The sum.</returns>
    public EvaluationResult Add(EvaluationResult other) => this + other;
}

/// <summary>Scores a test alignment against a gold alignment.</summary>
public static class AlignmentEvaluator
{
    /// <summary>
    /// Strict: a test bead is a hit when the gold has exactly the same bead (same source and target indices), null
    /// beads included; P = hits / test beads, R = hits / gold beads.
    /// Lax: a test bead is a hit when one of its target sentences is among the gold targets of one of its source
    /// sentences; null test beads are hits when the gold has the same null bead; recall counts the non-null gold beads
    /// that overlap some test bead in the same way.
    /// </summary>
    /// <param name="gold">Gold beads.</param>
    /// <param name="test">Test beads.</param>
    /// <returns>Both scores.</returns>
    public static EvaluationResult Evaluate(IReadOnlyList<IndexBead> gold, IReadOnlyList<IndexBead> test)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(test);
        var goldKeys = new HashSet<string>(gold.Select(Key), StringComparer.Ordinal);
        int strictHits = test.Count(b => goldKeys.Contains(Key(b)));
        var strict = new Score(strictHits, test.Count, gold.Count, strictHits);

        // Lax: source sentence -> gold target sentences, and the reverse from the test side.
        var goldTargets = Links(gold);
        var testTargets = Links(test);
        int laxHits = test.Count(b => b.Source.Length == 0 || b.Target.Length == 0 ? goldKeys.Contains(Key(b)) : Overlaps(b, goldTargets));
        var goldNonNull = gold.Where(b => b.Source.Length > 0 && b.Target.Length > 0).ToList();
        int laxRecall = goldNonNull.Count(b => Overlaps(b, testTargets));
        var lax = new Score(laxHits, test.Count, goldNonNull.Count, laxRecall);
        return new EvaluationResult(strict, lax);
    }

    private static Dictionary<int, HashSet<int>> Links(IReadOnlyList<IndexBead> beads)
    {
        var links = new Dictionary<int, HashSet<int>>();
        foreach (IndexBead b in beads)
        {
            foreach (int s in b.Source)
            {
                if (!links.TryGetValue(s, out HashSet<int>? set))
                {
                    links[s] = set = [];
                }

                set.UnionWith(b.Target);
            }
        }

        return links;
    }

    private static bool Overlaps(IndexBead bead, Dictionary<int, HashSet<int>> targetsOf)
    {
        foreach (int s in bead.Source)
        {
            if (targetsOf.TryGetValue(s, out HashSet<int>? targets) && bead.Target.Any(targets.Contains))
            {
                return true;
            }
        }

        return false;
    }

    private static string Key(IndexBead b) => string.Join(',', b.Source) + ":" + string.Join(',', b.Target);
}
