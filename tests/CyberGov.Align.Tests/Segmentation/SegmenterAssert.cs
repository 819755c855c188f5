using CyberGov.Align.Segmentation;
using CyberGov.Align.Text;

namespace CyberGov.Align.Tests.Segmentation;

internal static class SegmenterAssert
{
    public static string[] Split(Language language, string text, SegmenterOptions? options = null)
    {
        var spans = new List<TextSpan>();
        Segmenters.For(language, options).Segment(text, 0, spans);
        return spans.Select(s => text.Substring(s.Start, s.Length)).ToArray();
    }

    /// <summary>Puts a space on each side of every Han character and full-width mark, as web copies and tokenised corpora do.</summary>
    public static string SpaceOut(string text)
    {
        var sb = new System.Text.StringBuilder();
        foreach (char c in text)
        {
            bool wide = c > '\u2000';
            if (wide && sb.Length > 0 && sb[^1] != ' ')
            {
                sb.Append(' ');
            }

            sb.Append(c);
            if (wide)
            {
                sb.Append(' ');
            }
        }

        return sb.ToString().Trim();
    }

    /// <summary>The sentences with every space removed.</summary>
    public static string[] Unspaced(string[] sentences) => sentences.Select(s => s.Replace(" ", "")).ToArray();
}
