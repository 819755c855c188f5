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
    /// <exception cref="InputFormatException">Invalid bytes, or a language mismatch.</exception>
    public static Document ReadFile(string path, Language language = Language.Unknown, ReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
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
        return Document.Parse(text, language, new DocumentOptions { Name = name, ParagraphMode = options.ParagraphMode, Segmenter = options.Segmenter });
    }

    /// <summary>Decodes bytes to text: a BOM (UTF-8, UTF-16 LE/BE) wins, else the configured encoding, else strict UTF-8.</summary>
    /// <param name="bytes">The bytes.</param>
    /// <param name="name">Label for messages.</param>
    /// <param name="options">Reading settings.</param>
    /// <returns>The text, without BOM.</returns>
    /// <exception cref="InputFormatException">Bytes that are not valid in the encoding (unless replacement was asked for).</exception>
    public static string Decode(ReadOnlySpan<byte> bytes, string name, ReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
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

            int line = 1 + bytes[..(int)Math.Min(offset, bytes.Length)].Count((byte)'\n');
            string hex = offset < bytes.Length ? $"0x{bytes[(int)offset]:X2}" : "end of file";
            throw new InputFormatException(name, line, offset,
                $"invalid {encoding.WebName} byte {hex}; pass the right encoding (e.g. --encoding gb18030) or allow replacement (--replace-invalid)", ex);
        }
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        System.Buffers.OperationStatus status = System.Text.Unicode.Utf8.ToUtf16(bytes, new char[bytes.Length], out int read, out _, false, true);
        return status == System.Buffers.OperationStatus.Done ? 0 : read;
    }
}
