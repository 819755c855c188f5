using CyberGov.Align.Text;

namespace CyberGov.Align.Segmentation;

/// <summary>Splits one paragraph into sentences.</summary>
public interface ISentenceSegmenter
{
    /// <summary>The language this segmenter is for.</summary>
    Language Language { get; }

    /// <summary>
    /// Appends the sentences of <paramref name="paragraph"/> to <paramref name="output"/>, as spans offset by
    /// <paramref name="offset"/>. The spans are in order, do not overlap, start and end on non-white-space characters,
    /// and cover every non-white-space character of the paragraph.
    /// </summary>
    /// <param name="paragraph">The paragraph's characters.</param>
    /// <param name="offset">Added to every span (the paragraph's position in its document).</param>
    /// <param name="output">Receives the spans.</param>
    void Segment(ReadOnlySpan<char> paragraph, int offset, ICollection<TextSpan> output);
}

/// <summary>Settings shared by the segmenters.</summary>
public sealed record SegmenterOptions
{
    /// <summary>Defaults: the bundled English abbreviations; semicolons do not end Chinese sentences.</summary>
    public static SegmenterOptions Default { get; } = new();

    /// <summary>English abbreviations (the bundled list unless replaced, e.g. by <see cref="AbbreviationSet.WithAdditions"/>).</summary>
    public AbbreviationSet Abbreviations { get; init; } = AbbreviationSet.Default;

    /// <summary>Whether the full-width semicolon ；ends a Chinese sentence (off by default).</summary>
    public bool ChineseSemicolonEndsSentence { get; init; }
}

/// <summary>Picks the segmenter for a language.</summary>
public static class Segmenters
{
    /// <summary>The segmenter for a language.</summary>
    /// <param name="language">English or Chinese.</param>
    /// <param name="options">Settings; null for defaults.</param>
    /// <returns>A thread-safe segmenter.</returns>
    public static ISentenceSegmenter For(Language language, SegmenterOptions? options = null)
    {
        options ??= SegmenterOptions.Default;
        return language switch
        {
            Language.Chinese => new ChineseSegmenter(options),
            Language.English => new EnglishSegmenter(options),
            _ => throw new ArgumentException("The language must be English or Chinese.", nameof(language)),
        };
    }
}
