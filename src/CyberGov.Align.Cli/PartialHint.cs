using System.Globalization;
using CyberGov.Align.Alignment;
using CyberGov.Align.Text;

namespace CyberGov.Align.Cli;

/// <summary>
/// Tells a user who aligned a report against the speech it quotes (without <c>--partial</c>) that one side covers only
/// a small part of the other: its length is far from what a translation would have (English runs about 3.2–4.6
/// non-space characters per Chinese character in complete official translations; a news report quoting a speech, a
/// quarter of that or less).
/// </summary>
internal static class PartialHint
{
    /// <summary>English non-space characters per Chinese character in a complete translation (3.2–4.6 measured).</summary>
    private const double EnglishPerChinese = 4.0;

    /// <summary>Below this share of the expected length (or above its inverse), one side is not a translation of the whole other.</summary>
    private const double Fraction = 0.45;

    public static string? Describe(AlignmentResult result)
    {
        double source = Length(result.Source), target = Length(result.Target);
        if (Math.Min(source, target) < 100)
        {
            return null; // a few words: too short to judge
        }

        double expected = (result.Source.Language, result.Target.Language) switch
        {
            (Language.Chinese, Language.English) => EnglishPerChinese,
            (Language.English, Language.Chinese) => 1 / EnglishPerChinese,
            _ => 1,
        };
        double share = target / source / expected;
        if (share >= Fraction && share <= 1 / Fraction)
        {
            return null;
        }

        string smaller = share < 1 ? "the target" : "the source";
        double percent = 100 * (share < 1 ? share : 1 / share);
        return string.Create(CultureInfo.InvariantCulture,
            $"{smaller} is about {percent:0}% of the length a translation of the other would have; if it only quotes or paraphrases parts of it (a news report on a speech), align ORIGINAL REPORT with --partial");
    }

    private static double Length(Document doc)
    {
        long n = 0;
        foreach (char c in doc.Text)
        {
            n += char.IsWhiteSpace(c) ? 0 : 1;
        }

        return n;
    }
}
