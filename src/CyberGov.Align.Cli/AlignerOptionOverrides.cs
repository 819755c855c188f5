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
        ["paragraph-break"] = (o, v) => o with { ParagraphBreakCost = v },
        ["unsupported"] = (o, v) => o with { UnsupportedSentenceCost = v },
        ["translation"] = (o, v) => o with { TranslationWeight = v },
        ["refine-band"] = (o, v) => o with { RefineBandWidth = (int)v },
        ["max-band"] = (o, v) => o with { MaxBandWidth = (int)v },
    };

    public static IEnumerable<string> Names => Setters.Keys;

    public static AlignerOptions Apply(AlignerOptions options, string assignment)
    {
        int eq = assignment.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0 || !Setters.TryGetValue(assignment[..eq].Trim(), out var set)
            || !double.TryParse(assignment[(eq + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            throw new ArgumentException($"--weight '{assignment}': expected NAME=NUMBER with NAME one of {string.Join(", ", Names)}");
        }

        return set(options, value);
    }
}
