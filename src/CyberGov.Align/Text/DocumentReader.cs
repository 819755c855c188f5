using System.Text;

namespace CyberGov.Align.Text;

/// <summary>Settings for reading a text file.</summary>
public sealed record ReadOptions
{
    /// <summary>Defaults: UTF-8 (a BOM selects UTF-8/UTF-16), invalid bytes rejected, blank-line paragraphs.</summary>
    public static ReadOptions Default { get; } = new();

    /// <summary>
    /// Encoding to use when the file has no byte-order mark; null means UTF-8.
    /// Use <see cref="DocumentReader.GB18030"/> for GB18030/GBK files.
    /// </summary>
    public Encoding? Encoding { get; init; }

    /// <summary>Replace invalid bytes with U+FFFD instead of failing.</summary>
    public bool ReplaceInvalidBytes { get; init; }

    /// <summary>How lines make paragraphs and sentences.</summary>
    public ParagraphMode ParagraphMode { get; init; } = ParagraphMode.BlankLines;

    /// <summary>Segmenter settings.</summary>
    public Segmentation.SegmenterOptions Segmenter { get; init; } = Segmentation.SegmenterOptions.Default;

    /// <summary>Use the declared language even when the text's script says otherwise (see <see cref="DocumentOptions.ForceLanguage"/>).</summary>
    public bool ForceLanguage { get; init; }

    /// <summary>Accept a file with no text (by default it is an <see cref="InputFormatException"/>: "is empty").</summary>
    public bool AllowEmpty { get; init; }
}

/// <summary>Reads text files into <see cref="Document"/>s, with errors that name the file, line and byte.</summary>
public static class DocumentReader
{
    private static readonly Lazy<Encoding> Gb18030 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    });

    /// <summary>The GB18030 encoding (a superset of GBK and GB2312), strict.</summary>
    public static Encoding GB18030 => Gb18030.Value;

    /// <summary>Reads and parses a file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="language">Its language, or <see cref="Language.Unknown"/> to detect it.</param>
    /// <param name="options">Reading settings; null for defaults.</param>
    /// <returns>The document.</returns>
    /// <exception cref="InputFormatException">A folder, binary data, invalid bytes, no text, or a language mismatch.</exception>
    public static Document ReadFile(string path, Language language = Language.Unknown, ReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            throw new InputFormatException(path, 0, -1, "is a directory, not a text file");
        }

        byte[] bytes = File.ReadAllBytes(path);
        return Read(bytes, path, language, options);
    }

    /// <summary>Decodes and parses bytes.</summary>
    /// <param name="bytes">The file's bytes.</param>
    /// <param name="name">Label for messages (the file name).</param>
    /// <param name="language">Language, or <see cref="Language.Unknown"/>.</param>
    /// <param name="options">Reading settings; null for defaults.</param>
    /// <returns>The document.</returns>
    public static Document Read(ReadOnlySpan<byte> bytes, string name, Language language = Language.Unknown, ReadOptions? options = null)
    {
        options ??= ReadOptions.Default;
        string text = Decode(bytes, name, options);
        Document document = Document.Parse(text, language, new DocumentOptions { Name = name, ParagraphMode = options.ParagraphMode, Segmenter = options.Segmenter, ForceLanguage = options.ForceLanguage });
        if (document.Sentences.Count == 0 && !options.AllowEmpty)
        {
            throw new InputFormatException(name, 0, -1, bytes.IsEmpty ? "is empty" : "is empty (only white space)");
        }

        return document;
    }

    /// <summary>
    /// Decodes bytes to text: a BOM (UTF-8, UTF-16 LE/BE) wins, else the configured encoding, else UTF-8 — or GB18030
    /// when the bytes are not valid UTF-8 but are valid GB18030 with Han text (the usual legacy Chinese file).
    /// </summary>
    /// <param name="bytes">The bytes.</param>
    /// <param name="name">Label for messages.</param>
    /// <param name="options">Reading settings.</param>
    /// <returns>The text, without BOM.</returns>
    /// <exception cref="InputFormatException">Binary data, or bytes that are not valid in the encoding (unless replacement was asked for).</exception>
    public static string Decode(ReadOnlySpan<byte> bytes, string name, ReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        bool utf16 = bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);
        if (!utf16)
        {
            RejectBinary(bytes, name);
        }

        Encoding encoding;
        int skip = 0;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            encoding = new UTF8Encoding(false, !options.ReplaceInvalidBytes);
            skip = 3;
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            encoding = new UnicodeEncoding(false, false, !options.ReplaceInvalidBytes);
            skip = 2;
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            encoding = new UnicodeEncoding(true, false, !options.ReplaceInvalidBytes);
            skip = 2;
        }
        else if (options.Encoding is { } e)
        {
            encoding = options.ReplaceInvalidBytes
                ? Encoding.GetEncoding(e.CodePage, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback)
                : Encoding.GetEncoding(e.CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        }
        else if (!System.Text.Unicode.Utf8.IsValid(bytes) && TryDecodeGb18030Chinese(bytes, out string gb18030Text))
        {
            return gb18030Text;
        }
        else
        {
            encoding = new UTF8Encoding(false, !options.ReplaceInvalidBytes);
        }

        ReadOnlySpan<byte> body = bytes[skip..];
        try
        {
            return encoding.GetString(body);
        }
        catch (DecoderFallbackException ex)
        {
            long offset = skip + (encoding is UTF8Encoding ? FirstInvalidUtf8(body) : Math.Max(0, ex.Index));

            int line = LineAt(bytes, (int)Math.Min(offset, bytes.Length));
            string hex = offset < bytes.Length ? $"0x{bytes[(int)offset]:X2}" : "end of file";
            string hint = encoding.CodePage == GB18030.CodePage
                ? "is the file UTF-8 or UTF-16? (cyberalign: --source-encoding/--target-encoding utf-8) or allow replacement (--replace-invalid)"
                : "pass the file's encoding (cyberalign: --source-encoding/--target-encoding gb18030) or allow replacement (--replace-invalid)";
            throw new InputFormatException(name, line, offset, $"invalid {encoding.WebName} byte {hex}; {hint}", ex);
        }
    }

    /// <summary>Known binary formats by their first bytes, for a message that says what the file is.</summary>
    private static readonly (byte[] Magic, string Kind)[] Signatures =
    [
        ("%PDF"u8.ToArray(), "a PDF document"),
        ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (a Word .docx file is one)"),
        ([0xD0, 0xCF, 0x11, 0xE0], "an old Office document (.doc)"),
        ([0x1F, 0x8B], "a gzip file"),
        ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        ([0x7F, 0x45, 0x4C, 0x46], "a program (ELF)"),
    ];

    /// <summary>Refuses binary data: a known signature, or a NUL byte in the first 64 KiB (text never has one).</summary>
    private static void RejectBinary(ReadOnlySpan<byte> bytes, string name)
    {
        foreach ((byte[] magic, string kind) in Signatures)
        {
            if (bytes.StartsWith(magic))
            {
                throw new InputFormatException(name, 0, -1, $"is not text: it looks like {kind}; give a plain-text file");
            }
        }

        int nul = bytes[..Math.Min(bytes.Length, 1 << 16)].IndexOf((byte)0);
        if (nul >= 0)
        {
            int line = LineAt(bytes, nul);
            throw new InputFormatException(name, line, nul, "is not text: binary data (a NUL byte); give a plain-text file (UTF-16 files need a byte-order mark)");
        }
    }

    /// <summary>The 1-based line of a byte offset.</summary>
    private static int LineAt(ReadOnlySpan<byte> bytes, int offset) => 1 + bytes[..offset].Count((byte)'\n');

    /// <summary>
    /// Decodes bytes as strict GB18030 and keeps the text when it is Chinese: at least a few Han characters, and more
    /// Han than symbols that a mis-decoding would produce. The text is returned so that it is decoded only once.
    /// </summary>
    private static bool TryDecodeGb18030Chinese(ReadOnlySpan<byte> bytes, out string text)
    {
        try
        {
            text = GB18030.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            text = string.Empty;
            return false;
        }

        int han = 0, other = 0;
        foreach (char c in text)
        {
            if (CharClass.IsHan(c))
            {
                han++;
            }
            else if (c >= '\u0080' && !(c >= '\u3000' && c <= '\u303F') && !(c >= '\uFF00' && c <= '\uFFEF') && c != '\u2014' && c != '\u2026' && !(c >= '\u2018' && c <= '\u201D'))
            {
                other++;
            }
        }

        return han >= 2 && han >= other * 4;
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        System.Buffers.OperationStatus status = System.Text.Unicode.Utf8.ToUtf16(bytes, new char[bytes.Length], out int read, out _, false, true);
        return status == System.Buffers.OperationStatus.Done ? 0 : read;
    }
}
