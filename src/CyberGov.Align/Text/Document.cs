using CyberGov.Align.Segmentation;

namespace CyberGov.Align.Text;

/// <summary>How the lines of a text make paragraphs and sentences.</summary>
public enum ParagraphMode
{
    /// <summary>Paragraphs are separated by blank lines; a single line break inside a paragraph is just white space.</summary>
    BlankLines = 0,

    /// <summary>Every non-blank line is a paragraph.</summary>
    Lines,

    /// <summary>Every non-blank line is already one sentence (no segmentation); blank lines separate paragraphs.</summary>
    PreSplit,
}

/// <summary>
/// A text split into paragraphs and sentences. Every sentence keeps its character span into <see cref="Text"/>:
/// the sentences of a paragraph cover it in order, with only white space between them, so nothing is lost or reordered.
/// Immutable and safe to share between threads.
/// </summary>
public sealed class Document
{
    private readonly Sentence[] _sentences;
    private readonly Paragraph[] _paragraphs;

    internal Document(string text, Language language, Paragraph[] paragraphs, Sentence[] sentences, string? name)
    {
        Text = text;
        Language = language;
        _paragraphs = paragraphs;
        _sentences = sentences;
        Name = name;
    }

    /// <summary>The whole original text.</summary>
    public string Text { get; }

    /// <summary>The language of the text.</summary>
    public Language Language { get; }

    /// <summary>File name or other label, used in messages; may be null.</summary>
    public string? Name { get; }

    /// <summary>The paragraphs, in order.</summary>
    public IReadOnlyList<Paragraph> Paragraphs => _paragraphs;

    /// <summary>All sentences, in order.</summary>
    public IReadOnlyList<Sentence> Sentences => _sentences;

    /// <summary>Whether the text had more than one paragraph.</summary>
    public bool HasParagraphs => _paragraphs.Length > 1;

    /// <summary>The characters of a sentence, without allocating.</summary>
    /// <param name="index">Sentence index.</param>
    /// <returns>The sentence's characters.</returns>
    public ReadOnlySpan<char> SentenceSpan(int index)
    {
        TextSpan s = _sentences[index].Span;
        return Text.AsSpan(s.Start, s.Length);
    }

    /// <summary>The text of a sentence, as a new string.</summary>
    /// <param name="index">Sentence index.</param>
    /// <returns>The sentence's text.</returns>
    public string SentenceText(int index) => SentenceSpan(index).ToString();

    /// <summary>The text of a paragraph, as a new string.</summary>
    /// <param name="index">Paragraph index.</param>
    /// <returns>The paragraph's text.</returns>
    public string ParagraphText(int index)
    {
        TextSpan s = _paragraphs[index].Span;
        return Text.Substring(s.Start, s.Length);
    }

    /// <summary>Splits a text into paragraphs and sentences.</summary>
    /// <param name="text">The text.</param>
    /// <param name="language">Its language; <see cref="Language.Unknown"/> detects it from the script.</param>
    /// <param name="options">Paragraph mode and segmenter settings; null for defaults.</param>
    /// <returns>The document.</returns>
    /// <exception cref="InputFormatException">The language cannot be detected, or a Chinese text has no Han characters.</exception>
    public static Document Parse(string text, Language language = Language.Unknown, DocumentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return DocumentParser.Parse(text, language, options ?? DocumentOptions.Default);
    }
}

/// <summary>Settings for turning text into a <see cref="Document"/>.</summary>
public sealed record DocumentOptions
{
    /// <summary>Defaults: blank-line paragraphs, default segmenters.</summary>
    public static DocumentOptions Default { get; } = new();

    /// <summary>How lines make paragraphs and sentences.</summary>
    public ParagraphMode ParagraphMode { get; init; } = ParagraphMode.BlankLines;

    /// <summary>Segmenter settings (abbreviations, semicolons).</summary>
    public SegmenterOptions Segmenter { get; init; } = SegmenterOptions.Default;

    /// <summary>Label for messages, usually the file name.</summary>
    public string? Name { get; init; }

    /// <summary>
    /// Use the language given to <see cref="Document.Parse"/> even when the script says otherwise (by default a declared
    /// language that contradicts the text's script is an <see cref="InputFormatException"/>).
    /// </summary>
    public bool ForceLanguage { get; init; }
}
