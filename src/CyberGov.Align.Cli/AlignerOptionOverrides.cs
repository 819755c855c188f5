using System.Globalization;
using CyberGov.Align.Alignment;

namespace CyberGov.Align.Cli;

/// <summary>Applies <c>--weight NAME=VALUE</c> to <see cref="AlignerOptions"/>.</summary>
internal static class AlignerOptionOverrides
{
    private static readonly Dictionary<string, Func<AlignerOptions, double, AlignerOptions>> Setters = new(StringComparer.OrdinalIgnoreCase)
    {
        ["length"] = (o, v) => o with { LengthWeight = v },
        ["lexical"] = (o, v) => o with { LexicalWeight = v },
        ["number"] = (o, v) => o with { NumberWeight = v },
        ["number-mismatch"] = (o, v) => o with { NumberMismatchWeight = v },
        ["punctuation"] = (o, v) => o with { PunctuationWeight = v },
        ["null"] = (o, v) => o with { NullCost = v },
        ["merge"] = (o, v) => o with { MergeCost = v },
        ["two-two"] = (o, v) => o with { TwoTwoCost = v },
        ["three-one"] = (o, v) => o with { ThreeOneCost = v },
        ["four-one"] = (o, v) => o with { FourOneCost = v },
        ["wide-step"] = (o, v) => o with { WideBeadStepCost = v },
        ["paragraph-agreement"] = (o, v) => o with { ParagraphAgreementReward = v },
        ["paragraph-break"] = (o, v) => o with { ParagraphBreakCost = v },
        ["unsupported"] = (o, v) => o with { UnsupportedSentenceCost = v },
        ["omission"] = (o, v) => o with { OmissionWeight = v },
        ["omission-cap"] = (o, v) => o with { OmissionEvidenceCap = v },
        ["omission-margin"] = (o, v) => o with { OmissionMargin = v },
        ["translation"] = (o, v) => o with { TranslationWeight = v },
        ["refine-band"] = (o, v) => o with { RefineBandWidth = (int)v },
        ["max-band"] = (o, v) => o with { MaxBandWidth = (int)v },
        ["partial-quote"] = (o, v) => o with { PartialQuoteEvidence = v },
        ["partial-paraphrase"] = (o, v) => o with { PartialParaphraseEvidence = v },
        ["partial-quote-margin"] = (o, v) => o with { PartialQuoteMargin = v },
        ["partial-paraphrase-margin"] = (o, v) => o with { PartialParaphraseMargin = v },
        ["partial-max-sources"] = (o, v) => o with { PartialMaxSources = (int)v },
        ["learned-min"] = (o, v) => o with { LearnedMinProbability = v },
    };

    public static IEnumerable<string> Names => Setters.Keys;

    private static string Range(string name) => name switch
    {
        "null" => "must be more than 0",
        "refine-band" => "must be 3 to 1000",
        "max-band" => "must be at least refine-band and at most 100000",
        "partial-quote" or "partial-paraphrase" => "must be more than 0",
        "partial-quote-margin" or "partial-paraphrase-margin" => "must be 1 or more",
        "partial-max-sources" => "must be 1 to 16",
        "learned-min" => "must be more than 0 and at most 1",
        _ => "must be 0 or more",
    };

    /// <summary>The default options with every <c>--weight NAME=VALUE</c> applied in order (the evaluation commands' options).</summary>
    public static AlignerOptions ApplyAll(IEnumerable<string>? assignments)
    {
        AlignerOptions options = AlignerOptions.Default;
        foreach (string assignment in assignments ?? [])
        {
            options = Apply(options, assignment);
        }

        return options;
    }

    public static AlignerOptions Apply(AlignerOptions options, string assignment)
    {
        int eq = assignment.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0 || !Setters.TryGetValue(assignment[..eq].Trim(), out var set)
            || !double.TryParse(assignment[(eq + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            throw new ArgumentException($"--weight '{assignment}': expected NAME=NUMBER with NAME one of {string.Join(", ", Names)}");
        }

        string name = assignment[..eq].Trim().ToLowerInvariant();
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"--weight {name}: {assignment[(eq + 1)..]} is not a finite number");
        }

        AlignerOptions changed = set(options, value);
        try
        {
            changed.Validate();
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new ArgumentException($"--weight {name}={value.ToString(CultureInfo.InvariantCulture)} is out of range ({Range(name)})");
        }

        return changed;
    }
}
