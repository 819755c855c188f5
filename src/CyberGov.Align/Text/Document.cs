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
    private readonly string[]? _origins;

    internal Document(string text, Language language, Paragraph[] paragraphs, Sentence[] sentences, string? name, string[]? origins = null)
    {
        Text = text;
        Language = language;
        _paragraphs = paragraphs;
        _sentences = sentences;
        Name = name;
        _origins = origins;
    }

    /// <summary>Whether the paragraphs know where they came from in a structured original (see <see cref="ParagraphOrigin"/>).</summary>
    public bool HasOrigins => _origins is not null;

    /// <summary>
    /// Where a paragraph came from in the original file, for a document read from a web page, Word file or PDF
    /// (e.g. <c>body/main/article/p[4]</c>, <c>body/tbl[1]/tr[2]/tc[1]/p[1]</c>, <c>page 3, line 12</c>); null for plain text, where
    /// <see cref="Paragraph.Line"/> says it.
    /// </summary>
    /// <param name="paragraph">Paragraph index.</param>
    /// <returns>The origin, or null.</returns>
    public string? ParagraphOrigin(int paragraph) => _origins?[paragraph];

    /// <summary>The origin (<see cref="ParagraphOrigin"/>) of a sentence's paragraph; null for plain text.</summary>
    /// <param name="sentence">Sentence index.</param>
    /// <returns>The origin, or null.</returns>
    public string? SentenceOrigin(int sentence) => _origins?[_sentences[sentence].Paragraph];

    /// <summary>The origins of a run of sentences, each once where neighbours share it (none for plain text).</summary>
    /// <param name="start">First sentence.</param>
    /// <param name="count">Number of sentences.</param>
    /// <returns>The origins in order.</returns>
    internal IEnumerable<string> SentenceOrigins(int start, int count) => SentenceOrigins(Enumerable.Range(start, count));

    /// <summary>The origins of some sentences, each once where consecutive sentences share one.</summary>
    internal IEnumerable<string> SentenceOrigins(IEnumerable<int> sentences)
    {
        if (_origins is null)
        {
            yield break;
        }

        string? last = null;
        foreach (int k in sentences)
        {
            string origin = _origins[_sentences[k].Paragraph];
            if (origin != last)
            {
                yield return origin;
                last = origin;
            }
        }
    }

    /// <summary>
    /// Builds a document from paragraphs read out of a structured file (web page, Word file, PDF), each with its origin.
    /// The paragraphs are joined with blank lines into <see cref="Text"/> and segmented as plain text is; a line break
    /// inside a paragraph is white space (joined without a space between Chinese characters by the reader).
    /// Empty paragraphs are dropped.
    /// </summary>
    /// <param name="paragraphs">The paragraphs, in reading order.</param>
    /// <param name="language">Their language, or <see cref="Language.Unknown"/> to detect it.</param>
    /// <param name="options">Segmenter settings and name; <see cref="DocumentOptions.ParagraphMode"/> is ignored.</param>
    /// <returns>The document, with <see cref="ParagraphOrigin"/> for every paragraph.</returns>
    /// <exception cref="InputFormatException">The language cannot be detected or contradicts the script.</exception>
    public static Document FromParagraphs(IEnumerable<SourceParagraph> paragraphs, Language language = Language.Unknown, DocumentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        options ??= DocumentOptions.Default;
        var text = new System.Text.StringBuilder();
        var origins = new List<string>();
        foreach (SourceParagraph p in paragraphs)
        {
            string body = JoinLines(p.Text);
            if (IsBlankParagraph(body))
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append("\n\n");
            }

            text.Append(body);
            origins.Add(p.Origin);
        }

        Document parsed = DocumentParser.Parse(text.ToString(), language, options with { ParagraphMode = ParagraphMode.BlankLines });
        if (parsed._paragraphs.Length != origins.Count)
        {
            // A safety net: every paragraph kept above holds text, so the parser finds as many.
            throw new InputFormatException(options.Name ?? "<text>", 0, -1, $"{origins.Count} paragraphs read but {parsed._paragraphs.Length} parsed");
        }

        return new Document(parsed.Text, parsed.Language, parsed._paragraphs, parsed._sentences, parsed.Name, [.. origins]);
    }

    /// <summary>
    /// This document with one sentence cut in two where segmentation missed a boundary: the first part ends before
    /// character <paramref name="at"/> of the sentence, the second starts after the white space there. Later sentences
    /// are numbered one higher.
    /// </summary>
    /// <param name="sentence">The sentence to cut.</param>
    /// <param name="at">A character offset inside it, with text on both sides.</param>
    /// <returns>The new document (this one is unchanged).</returns>
    /// <exception cref="ArgumentOutOfRangeException">No such sentence, or an offset that leaves one part without text.</exception>
    public Document WithSentenceSplit(int sentence, int at)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sentence);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(sentence, _sentences.Length);
        Sentence s = _sentences[sentence];
        int cut = s.Span.Start + at;
        int firstEnd = cut, secondStart = cut;
        while (firstEnd > s.Span.Start && CharClass.IsSpace(Text[firstEnd - 1]))
        {
            firstEnd--;
        }

        while (secondStart < s.Span.Start + s.Span.Length && CharClass.IsSpace(Text[secondStart]))
        {
            secondStart++;
        }

        if (at <= 0 || at >= s.Span.Length || firstEnd == s.Span.Start || secondStart == s.Span.Start + s.Span.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(at), $"sentence {sentence} cannot be cut at {at}: both parts need text");
        }

        int secondLine = s.Line + Text.AsSpan(s.Span.Start, secondStart - s.Span.Start).Count('\n');
        var sentences = new List<Sentence>(_sentences.Length + 1);
        sentences.AddRange(_sentences.AsSpan(0, sentence));
        sentences.Add(s with { Span = TextSpan.FromBounds(s.Span.Start, firstEnd) });
        sentences.Add(new Sentence(sentence + 1, s.Paragraph, TextSpan.FromBounds(secondStart, s.Span.Start + s.Span.Length), secondLine));
        foreach (Sentence later in _sentences.AsSpan(sentence + 1))
        {
            sentences.Add(later with { Index = later.Index + 1 });
        }

        return new Document(Text, Language, Renumber(s.Paragraph, +1), [.. sentences], Name, _origins);
    }

    /// <summary>
    /// This document with a sentence joined to the next one of its paragraph, where segmentation cut a sentence in
    /// two. Later sentences are numbered one lower.
    /// </summary>
    /// <param name="sentence">The first of the two sentences.</param>
    /// <returns>The new document (this one is unchanged).</returns>
    /// <exception cref="ArgumentOutOfRangeException">No such sentence, or the next one is in another paragraph.</exception>
    public Document WithSentencesJoined(int sentence)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sentence);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(sentence, _sentences.Length - 1);
        Sentence s = _sentences[sentence], next = _sentences[sentence + 1];
        if (s.Paragraph != next.Paragraph)
        {
            throw new ArgumentOutOfRangeException(nameof(sentence), $"sentences {sentence} and {sentence + 1} are in different paragraphs");
        }

        var sentences = new List<Sentence>(_sentences.Length - 1);
        sentences.AddRange(_sentences.AsSpan(0, sentence));
        sentences.Add(s with { Span = TextSpan.FromBounds(s.Span.Start, next.Span.Start + next.Span.Length) });
        foreach (Sentence later in _sentences.AsSpan(sentence + 2))
        {
            sentences.Add(later with { Index = later.Index - 1 });
        }

        return new Document(Text, Language, Renumber(s.Paragraph, -1), [.. sentences], Name, _origins);
    }

    /// <summary>The paragraphs with one more (or fewer) sentence in <paramref name="paragraph"/>.</summary>
    private Paragraph[] Renumber(int paragraph, int change)
    {
        var paragraphs = (Paragraph[])_paragraphs.Clone();
        paragraphs[paragraph] = paragraphs[paragraph] with { SentenceCount = paragraphs[paragraph].SentenceCount + change };
        for (int p = paragraph + 1; p < paragraphs.Length; p++)
        {
            paragraphs[p] = paragraphs[p] with { FirstSentence = paragraphs[p].FirstSentence + change };
        }

        return paragraphs;
    }

    /// <summary>
    /// Whether <see cref="FromParagraphs"/> drops a paragraph: nothing but white space as the parser sees it (a
    /// zero-width space, say), before or after its lines are joined. Readers that count paragraphs before making the
    /// document use the same rule.
    /// </summary>
    internal static bool IsBlankParagraph(string text) => text.All(CharClass.IsSpace);

    /// <summary>The lines of a paragraph as one line: a break between two CJK characters disappears, any other becomes a space.</summary>
    private static string JoinLines(string text)
    {
        string[] lines = text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length <= 1)
        {
            return lines.Length == 0 ? string.Empty : lines[0];
        }

        var joined = new System.Text.StringBuilder(text.Length);
        foreach (string line in lines)
        {
            if (joined.Length > 0 && !(CharClass.IsCjk(joined[^1]) && CharClass.IsCjk(line[0])))
            {
                joined.Append(' ');
            }

            joined.Append(line);
        }

        return joined.ToString();
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

/// <summary>A paragraph read from a structured file, and where it was found (see <see cref="Document.ParagraphOrigin"/>).</summary>
/// <param name="Text">The paragraph's text (line breaks inside are white space).</param>
/// <param name="Origin">Its place in the original: an element path, or a page and line.</param>
public readonly record struct SourceParagraph(string Text, string Origin);
