using System.Globalization;
using System.Text;
using CyberGov.Align.Text;

namespace CyberGov.Align.Documents;

/// <summary>The kind of an input file.</summary>
public enum InputFormat
{
    /// <summary>Decide from the content (the extension breaks ties).</summary>
    Auto = 0,

    /// <summary>Plain text (UTF-8, UTF-16 or GB18030).</summary>
    Text,

    /// <summary>A web page.</summary>
    Html,

    /// <summary>A Word file (.docx).</summary>
    Docx,

    /// <summary>A PDF with a text layer.</summary>
    Pdf,
}

/// <summary>
/// Reads plain text, web pages, Word files and PDFs into <see cref="Document"/>s, choosing the reader by the file's content
/// (the extension is a hint, <see cref="InputFormat"/> overrides both). Paragraphs of structured files remember where
/// they came from (<see cref="Document.ParagraphOrigin"/>).
/// </summary>
public static class DocumentLoader
{
    /// <summary>Reads a file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="language">Its language, or <see cref="Language.Unknown"/> to detect it (a web page's <c>lang</c> is used when the script says nothing).</param>
    /// <param name="options">Encoding, paragraph and segmenter settings (the paragraph mode applies to plain text only).</param>
    /// <param name="format">The file's kind, or <see cref="InputFormat.Auto"/>.</param>
    /// <param name="includeNotes">Word files: append footnotes and endnotes.</param>
    /// <returns>The document.</returns>
    /// <exception cref="InputFormatException">A folder, an unsupported or corrupt file, no text, or a language mismatch.</exception>
    public static Document LoadFile(string path, Language language = Language.Unknown, ReadOptions? options = null, InputFormat format = InputFormat.Auto, bool includeNotes = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            throw new InputFormatException(path, 0, -1, "is a directory, not a text file");
        }

        return Load(File.ReadAllBytes(path), path, language, options, format, includeNotes);
    }

    /// <summary>Reads a file's bytes (see <see cref="LoadFile"/>).</summary>
    /// <param name="bytes">The bytes.</param>
    /// <param name="name">The file name: for messages, and its extension as a hint.</param>
    /// <param name="language">Its language, or <see cref="Language.Unknown"/>.</param>
    /// <param name="options">Reading settings.</param>
    /// <param name="format">The file's kind, or <see cref="InputFormat.Auto"/>.</param>
    /// <param name="includeNotes">Word files: append footnotes and endnotes.</param>
    /// <returns>The document.</returns>
    public static Document Load(byte[] bytes, string name, Language language = Language.Unknown, ReadOptions? options = null, InputFormat format = InputFormat.Auto, bool includeNotes = false)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(name);
        options ??= ReadOptions.Default;
        if (format == InputFormat.Auto)
        {
            format = Sniff(bytes, name);
        }

        switch (format)
        {
            case InputFormat.Docx:
                return FromParagraphs(DocxReader.Read(bytes, name, includeNotes), Language.Unknown, name, language, options);
            case InputFormat.Pdf:
                return FromParagraphs(PdfReader.Read(bytes, name), Language.Unknown, name, language, options);
            case InputFormat.Html:
                (List<SourceParagraph> paragraphs, Language declared) = HtmlReader.Read(DocumentReader.Decode(bytes, name, options), name);
                return FromParagraphs(paragraphs, declared, name, language, options);
            default:
                return DocumentReader.Read(bytes, name, language, options);
        }
    }

    /// <summary>Reads a file's paragraphs (see <see cref="LoadParagraphs"/>).</summary>
    /// <param name="path">The file.</param>
    /// <param name="options">Reading settings.</param>
    /// <param name="format">The file's kind, or <see cref="InputFormat.Auto"/>.</param>
    /// <param name="includeNotes">Word files: append footnotes and endnotes.</param>
    /// <returns>The paragraphs.</returns>
    public static List<SourceParagraph> LoadFileParagraphs(string path, ReadOptions? options = null, InputFormat format = InputFormat.Auto, bool includeNotes = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            throw new InputFormatException(path, 0, -1, "is a directory, not a text file");
        }

        return LoadParagraphs(File.ReadAllBytes(path), path, options, format, includeNotes);
    }

    /// <summary>
    /// The paragraphs of a file with their origins, before they are made into a document (for a bilingual file, whose
    /// paragraphs are first sorted by language): a web page's or Word file's paragraphs, or a text file's blocks
    /// (lines with <see cref="ParagraphMode.Lines"/>), whose origin is their first line.
    /// </summary>
    /// <param name="bytes">The file's bytes.</param>
    /// <param name="name">The file name.</param>
    /// <param name="options">Reading settings (encoding; the paragraph mode for text).</param>
    /// <param name="format">The file's kind, or <see cref="InputFormat.Auto"/>.</param>
    /// <param name="includeNotes">Word files: append footnotes and endnotes.</param>
    /// <returns>The paragraphs.</returns>
    public static List<SourceParagraph> LoadParagraphs(byte[] bytes, string name, ReadOptions? options = null, InputFormat format = InputFormat.Auto, bool includeNotes = false)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        options ??= ReadOptions.Default;
        format = format == InputFormat.Auto ? Sniff(bytes, name) : format;
        List<SourceParagraph> paragraphs = format switch
        {
            InputFormat.Docx => DocxReader.Read(bytes, name, includeNotes),
            InputFormat.Pdf => PdfReader.Read(bytes, name),
            InputFormat.Html => HtmlReader.Read(DocumentReader.Decode(bytes, name, options), name).Paragraphs,
            _ => TextParagraphs(DocumentReader.Decode(bytes, name, options), options.ParagraphMode == ParagraphMode.BlankLines),
        };
        if (paragraphs.Count == 0)
        {
            throw new InputFormatException(name, 0, -1, "has no text");
        }

        return paragraphs;
    }

    private static List<SourceParagraph> TextParagraphs(string text, bool blankLines)
    {
        var paragraphs = new List<SourceParagraph>();
        var current = new StringBuilder();
        int first = 0, line = 0;
        foreach (string raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            line++;
            if (raw.Trim().Length == 0 || !blankLines)
            {
                Flush();
                if (raw.Trim().Length == 0)
                {
                    continue;
                }
            }

            if (current.Length == 0)
            {
                first = line;
            }

            current.Append(raw).Append('\n');
            if (!blankLines)
            {
                Flush();
            }
        }

        Flush();
        return paragraphs;

        void Flush()
        {
            if (current.Length > 0)
            {
                paragraphs.Add(new SourceParagraph(current.ToString().Trim(), string.Create(CultureInfo.InvariantCulture, $"line {first}")));
                current.Clear();
            }
        }
    }

    /// <summary>
    /// The kind of a file from its first bytes: a ZIP package with a Word document part is <see cref="InputFormat.Docx"/>,
    /// markup that starts like a web page (or any markup in a .htm/.html file) <see cref="InputFormat.Html"/>, a PDF
    /// <see cref="InputFormat.Pdf"/>, anything else <see cref="InputFormat.Text"/>. Legacy Word (.doc), RTF and other ZIP
    /// packages are refused by name.
    /// </summary>
    /// <param name="bytes">The file's bytes.</param>
    /// <param name="name">The file name (its extension is a hint).</param>
    /// <returns>The format.</returns>
    /// <exception cref="InputFormatException">A kind of file no reader handles.</exception>
    public static InputFormat Sniff(ReadOnlySpan<byte> bytes, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (bytes.StartsWith("PK\u0003\u0004"u8))
        {
            return bytes.IndexOf("word/"u8) >= 0
                ? InputFormat.Docx
                : throw new InputFormatException(name, 0, -1, "is a ZIP archive but not a Word (.docx) file");
        }

        if (bytes.StartsWith("%PDF-"u8))
        {
            return InputFormat.Pdf;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0]))
        {
            throw new InputFormatException(name, 0, -1, "is a legacy Word (.doc) or other OLE file: save it as .docx");
        }

        if (bytes.StartsWith(@"{\rtf"u8))
        {
            throw new InputFormatException(name, 0, -1, "is an RTF file: save it as .docx or text");
        }

        // Markup: the first non-blank character is '<' and a web page's tags appear early (ASCII, so any
        // ASCII-compatible encoding shows them; UTF-16 is decoded first).
        ReadOnlySpan<byte> head = bytes[..Math.Min(bytes.Length, 4096)];
        string start = head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
            ? Encoding.Unicode.GetString(head).Replace("\0", string.Empty, StringComparison.Ordinal)
            : Encoding.Latin1.GetString(head);
        string trimmed = start.TrimStart('\uFEFF', '\u00EF', '\u00BB', '\u00BF', ' ', '\t', '\r', '\n');
        if (trimmed.StartsWith('<'))
        {
            bool pageTags = trimmed.Contains("<!doctype html", StringComparison.OrdinalIgnoreCase)
                || trimmed.Contains("<html", StringComparison.OrdinalIgnoreCase)
                || trimmed.Contains("<body", StringComparison.OrdinalIgnoreCase)
                || trimmed.Contains("<head", StringComparison.OrdinalIgnoreCase);
            bool htmlName = name.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".htm", StringComparison.OrdinalIgnoreCase)
                || name.EndsWith(".xhtml", StringComparison.OrdinalIgnoreCase);
            if (pageTags || htmlName)
            {
                return InputFormat.Html;
            }
        }

        return InputFormat.Text;
    }

    internal static Document FromParagraphs(List<SourceParagraph> paragraphs, Language declared, string name, Language language, ReadOptions options)
    {
        if (language == Language.Unknown && declared != Language.Unknown)
        {
            // The script decides; a page's lang attribute only when the script says nothing. (Without a lang
            // attribute the parser detects the language itself: the text is not counted twice.)
            var all = new StringBuilder();
            foreach (SourceParagraph p in paragraphs)
            {
                all.Append(p.Text).Append('\n');
            }

            Language detected = LanguageDetector.Detect(all.ToString());
            language = detected != Language.Unknown ? detected : declared;
        }

        Document document = Document.FromParagraphs(paragraphs, language, new DocumentOptions { Name = name, Segmenter = options.Segmenter, ForceLanguage = options.ForceLanguage });
        if (document.Sentences.Count == 0 && !options.AllowEmpty)
        {
            throw new InputFormatException(name, 0, -1, "has no text");
        }

        return document;
    }
}
