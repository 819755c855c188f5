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
}
