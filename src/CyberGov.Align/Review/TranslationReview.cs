using System.Globalization;
using CyberGov.Align.Alignment;
using CyberGov.Align.Scoring;
using CyberGov.Align.Text;

namespace CyberGov.Align.Review;

/// <summary>What a finding is about.</summary>
public enum FindingKind
{
    /// <summary>A source sentence with no counterpart (1-0 bead).</summary>
    Omission,

    /// <summary>A target sentence with no counterpart (0-1 bead).</summary>
    Addition,

    /// <summary>Several source sentences rendered as one target sentence (n-1, n &gt; 1).</summary>
    Merge,

    /// <summary>One source sentence rendered as several target sentences (1-n, n &gt; 1), or n-m.</summary>
    Split,

    /// <summary>An omission that matches an addition elsewhere: the sentence was probably moved.</summary>
    ReorderSuspect,

    /// <summary>Both sides of a bead have numbers that the other side lacks (e.g. 30% against 13%).</summary>
    NumberMismatch,

    /// <summary>A bead whose confidence is below the threshold.</summary>
    LowConfidence,

    /// <summary>
    /// Inside a linked bead, items of a Chinese source enumeration (words between 、) that the translation leaves out
    /// while it renders the others: 淫秽 in 恐怖、淫秽、贩毒、洗钱、赌博 against "terrorism, drug trafficking, money
    /// laundering and gambling".
    /// </summary>
    PartialOmission,

    /// <summary>Inside a linked bead, items of a Chinese target enumeration that the English source does not have.</summary>
    PartialAddition,
}

/// <summary>One thing a reviewer should look at.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Bead">Index of the bead in <see cref="AlignmentResult.Beads"/>.</param>
/// <param name="Message">A short description.</param>
/// <param name="RelatedBead">For <see cref="FindingKind.ReorderSuspect"/>, the bead it matches; otherwise -1.</param>
public sealed record Finding(FindingKind Kind, int Bead, string Message, int RelatedBead = -1);

/// <summary>Settings of <see cref="TranslationReview.Analyze"/>.</summary>
public sealed record ReviewOptions
{
    /// <summary>The defaults.</summary>
    public static ReviewOptions Default { get; } = new();

    /// <summary>Beads below this confidence are findings. Default 0.5.</summary>
    public double LowConfidence { get; init; } = 0.5;

    /// <summary>Lexical similarity (share of dictionary-matched words) from which an omission and an addition are called a move. Default 0.35.</summary>
    public double ReorderSimilarity { get; init; } = 0.35;

    /// <summary>The dictionary used to match moved sentences (default: the bundled CC-CEDICT).</summary>
    public BilingualLexicon? Lexicon { get; init; }
}

/// <summary>
/// What someone checking a translation against its original wants listed: omissions, additions, merges and splits,
/// sentences that were probably moved (an omission matching an addition elsewhere), numbers that differ between the two
/// sides of a bead, and low-confidence beads.
/// </summary>
public sealed class TranslationReview
{
    private TranslationReview(AlignmentResult alignment, List<Finding> findings)
    {
        Alignment = alignment;
        Findings = findings;
    }

    /// <summary>The alignment reviewed.</summary>
    public AlignmentResult Alignment { get; }

    /// <summary>The findings, in bead order (a bead may have several).</summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>How many findings of a kind there are.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The count.</returns>
    public int Count(FindingKind kind) => Findings.Count(f => f.Kind == kind);

    /// <summary>Reviews an alignment.</summary>
    /// <param name="alignment">The alignment.</param>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <returns>The review.</returns>
    public static TranslationReview Analyze(AlignmentResult alignment, ReviewOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(alignment);
        options ??= ReviewOptions.Default;
        var findings = new List<Finding>();
        var omissions = new List<int>();
        var additions = new List<int>();
        var sourceNumbers = new List<long>();
        var targetNumbers = new List<long>();
        var sourceNames = new List<long>();
        var targetNames = new List<long>();
        var items = new EnumerationItems(options.Lexicon ?? BilingualLexicon.Default, Glossary.Empty);
        var missing = new List<string>();
        IReadOnlyList<Bead> beads = alignment.Beads;
        for (int k = 0; k < beads.Count; k++)
        {
            Bead b = beads[k];
            switch (b.SourceCount, b.TargetCount)
            {
                case (_, 0):
                    findings.Add(new Finding(FindingKind.Omission, k, $"source sentence {b.SourceStart} has no counterpart"));
                    omissions.Add(k);
                    break;
                case (0, _):
                    findings.Add(new Finding(FindingKind.Addition, k, $"target sentence {b.TargetStart} has no counterpart"));
                    additions.Add(k);
                    break;
                case (> 1, 1):
                    findings.Add(new Finding(FindingKind.Merge, k, $"{b.SourceCount} source sentences ({Range(b.SourceStart, b.SourceCount)}) in one target sentence ({b.TargetStart})"));
                    break;
                case (1, > 1):
                    findings.Add(new Finding(FindingKind.Split, k, $"source sentence {b.SourceStart} split into {b.TargetCount} target sentences ({Range(b.TargetStart, b.TargetCount)})"));
                    break;
                case ( > 1, > 1):
                    findings.Add(new Finding(FindingKind.Split, k, $"{b.SourceCount} source sentences ({Range(b.SourceStart, b.SourceCount)}) as {b.TargetCount} target sentences ({Range(b.TargetStart, b.TargetCount)})"));
                    break;
            }

            if (!b.IsNull)
            {
                string? numbers = NumberDifference(alignment, b, sourceNumbers, targetNumbers, sourceNames, targetNames);
                if (numbers is not null)
                {
                    findings.Add(new Finding(FindingKind.NumberMismatch, k, numbers));
                }

                if (DroppedItems(alignment, b, items, missing) is { } partial)
                {
                    findings.Add(new Finding(partial, k, $"{(partial == FindingKind.PartialOmission ? "list items left out of the translation" : "list items added in the translation")}: {string.Join("、", missing)}"));
                }
            }

            if (b.Confidence < options.LowConfidence)
            {
                findings.Add(new Finding(FindingKind.LowConfidence, k, string.Create(CultureInfo.InvariantCulture, $"confidence {b.Confidence:0.00}")));
            }
        }

        if (omissions.Count > 0 && additions.Count > 0)
        {
            findings.AddRange(Moves(alignment, omissions, additions, options));
        }

        findings.Sort((x, y) => x.Bead != y.Bead ? x.Bead.CompareTo(y.Bead) : x.Kind.CompareTo(y.Kind));
        return new TranslationReview(alignment, findings);
    }

    /// <summary>Pairs omissions with additions whose words match (at most 200 of each, the nearest first).</summary>
    private static IEnumerable<Finding> Moves(AlignmentResult alignment, List<int> omissions, List<int> additions, ReviewOptions options)
    {
        const int MaxEach = 200;
        BilingualLexicon lexicon = options.Lexicon ?? BilingualLexicon.Default;
        SentenceFeatures s = FeatureExtractor.Extract(alignment.Source, lexicon, Glossary.Empty);
        SentenceFeatures t = FeatureExtractor.Extract(alignment.Target, lexicon, Glossary.Empty);
        IReadOnlyList<Bead> beads = alignment.Beads;
        var used = new HashSet<int>();
        foreach (int o in omissions.Take(MaxEach))
        {
            int i = beads[o].SourceStart;
            int best = -1;
            double bestSimilarity = options.ReorderSimilarity;
            foreach (int a in additions.Take(MaxEach))
            {
                int j = beads[a].TargetStart;
                int keys = s.KeysOf(i).Length + t.KeysOf(j).Length;
                if (keys == 0 || used.Contains(a))
                {
                    continue;
                }

                int shared = SentenceFeatures.Overlap(s.KeysOf(i), t.KeysOf(j)) + SentenceFeatures.CompareNumbers(s.NumbersOf(i), t.NumbersOf(j)).Shared;
                double similarity = 2.0 * shared / keys;
                if (similarity > bestSimilarity)
                {
                    bestSimilarity = similarity;
                    best = a;
                }
            }

            if (best >= 0)
            {
                used.Add(best);
                string message = string.Create(CultureInfo.InvariantCulture, $"source sentence {i} seems to be target sentence {beads[best].TargetStart}, {(best > o ? "moved later" : "moved earlier")} (similarity {bestSimilarity:0.00})");
                yield return new Finding(FindingKind.ReorderSuspect, o, message, best);
            }
        }
    }

    /// <summary>
    /// The items of the Chinese side's enumerations that the other side of a linked bead leaves out (into
    /// <paramref name="missing"/>): <see cref="FindingKind.PartialOmission"/> when Chinese is the source,
    /// <see cref="FindingKind.PartialAddition"/> when it is the target; null when nothing is missing.
    /// </summary>
    private static FindingKind? DroppedItems(AlignmentResult alignment, Bead b, EnumerationItems items, List<string> missing)
    {
        bool chineseSource = alignment.Source.Language == Language.Chinese;
        if (chineseSource == (alignment.Target.Language == Language.Chinese))
        {
            return null;
        }

        (Document zh, int start, int count) = chineseSource ? (alignment.Source, b.SourceStart, b.SourceCount) : (alignment.Target, b.TargetStart, b.TargetCount);
        missing.Clear();
        bool englishSet = false;
        for (int i = start; i < start + count; i++)
        {
            if (!EnumerationItems.MayHaveItems(zh.SentenceSpan(i)))
            {
                continue;
            }

            if (!englishSet)
            {
                items.SetEnglish(chineseSource ? alignment.TargetText(b) : alignment.SourceText(b));
                englishSet = true;
            }

            items.AddDropped(zh.SentenceText(i), missing);
        }

        return missing.Count == 0 ? null : chineseSource ? FindingKind.PartialOmission : FindingKind.PartialAddition;
    }

    /// <summary>
    /// "30 ≠ 13"-style text when each side has a value the other lacks; null otherwise. Values are compared as sets (a
    /// figure restated is the same figure), large ones within rounding (0.5%), weights in jin (斤) also as tonnes and
    /// kilograms, and a year on one side is not a difference when the other says 今年/去年/明年 or "this/last/next year".
    /// </summary>
    private static string? NumberDifference(AlignmentResult alignment, Bead b, List<long> sourceNumbers, List<long> targetNumbers, List<long> sourceNames, List<long> targetNames)
    {
        bool sourceJin = Collect(alignment.Source, b.SourceStart, b.SourceCount, sourceNumbers, sourceNames);
        bool targetJin = Collect(alignment.Target, b.TargetStart, b.TargetCount, targetNumbers, targetNames);
        if (sourceNumbers.Count == 0 || targetNumbers.Count == 0)
        {
            return null;
        }

        sourceNames.AddRange(sourceNumbers);
        targetNames.AddRange(targetNumbers);
        List<long> onlySource = Missing(sourceNumbers, targetNames, sourceJin, RelativeYear(alignment.Target, b.TargetStart, b.TargetCount));
        List<long> onlyTarget = Missing(targetNumbers, sourceNames, targetJin, RelativeYear(alignment.Source, b.SourceStart, b.SourceCount));
        return onlySource.Count == 0 || onlyTarget.Count == 0
            ? null
            : $"numbers differ: {NumberExtractor.Show(onlySource)} ≠ {NumberExtractor.Show(onlyTarget)}";
    }

    /// <summary>The numbers of some sentences at their full value, without 1, and those in names (<see cref="NumberExtractor.ExtractFullValues"/>); whether they weigh in jin.</summary>
    private static bool Collect(Document doc, int start, int count, List<long> into, List<long> names)
    {
        into.Clear();
        names.Clear();
        bool jin = false;
        for (int i = start; i < start + count; i++)
        {
            NumberExtractor.ExtractFullValues(doc.SentenceSpan(i), into, names);
            jin |= doc.SentenceSpan(i).Contains('斤');
        }

        return jin;
    }

    private static readonly string[] RelativeYears = ["今年", "去年", "明年", "当年", "同年", "this year", "last year", "next year", "the year"];

    private static bool RelativeYear(Document doc, int start, int count)
    {
        for (int i = start; i < start + count; i++)
        {
            foreach (string word in RelativeYears)
            {
                if (doc.SentenceSpan(i).Contains(word, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The distinct values of <paramref name="a"/> that nothing in <paramref name="b"/> (the other side's figures and names) matches.</summary>
    private static List<long> Missing(List<long> a, List<long> b, bool jin, bool otherSaysRelativeYear)
    {
        var missing = new List<long>();
        foreach (long key in a.Distinct())
        {
            double v = NumberExtractor.ValueOf(key);
            bool year = v is >= 1900 and <= 2100 && v == Math.Floor(v);
            if ((year && otherSaysRelativeYear) || b.Any(k => Same(v, NumberExtractor.ValueOf(k)) || (jin && (Same(v / 2000, NumberExtractor.ValueOf(k)) || Same(v / 2, NumberExtractor.ValueOf(k))))))
            {
                continue;
            }

            missing.Add(key);
        }

        return missing;

        static bool Same(double x, double y) => x == y || (Math.Abs(x) >= 1000 && Math.Abs(x - y) <= 0.005 * Math.Max(Math.Abs(x), Math.Abs(y)));
    }

    private static string Range(int start, int count) => count == 1 ? start.ToString(CultureInfo.InvariantCulture) : $"{start}–{start + count - 1}";
}
