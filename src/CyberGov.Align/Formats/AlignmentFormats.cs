namespace CyberGov.Align.Formats;

/// <summary>The output formats by name and file extension.</summary>
public static class AlignmentFormats
{
    private static readonly Dictionary<string, Func<WriterOptions?, AlignmentWriter>> Factories = new(StringComparer.OrdinalIgnoreCase)
    {
        ["tsv"] = o => new TsvWriter(o),
        ["index"] = o => new IndexWriter(o),
        ["tmx"] = o => new TmxWriter(o),
        ["jsonl"] = o => new JsonlWriter(o),
        ["ladder"] = o => new LadderWriter(o),
        ["html"] = o => new HtmlReportWriter(o),
        ["xliff"] = o => new Xliff12Writer(o),
        ["xliff2"] = o => new Xliff21Writer(o),
    };

    private static readonly Dictionary<string, string> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".tsv"] = "tsv",
        [".txt"] = "tsv",
        [".align"] = "index",
        [".idx"] = "index",
        [".index"] = "index",
        [".tmx"] = "tmx",
        [".jsonl"] = "jsonl",
        [".ndjson"] = "jsonl",
        [".ladder"] = "ladder",
        [".html"] = "html",
        [".htm"] = "html",
        [".xlf"] = "xliff",
        [".xliff"] = "xliff",
    };

    /// <summary>The names of the single-stream formats (Moses, which writes two files, is <see cref="MosesWriter"/>).</summary>
    public static IReadOnlyCollection<string> Names => Factories.Keys;

    /// <summary>A writer for a format name.</summary>
    /// <param name="name">tsv, index, tmx, jsonl, ladder, html, xliff (1.2) or xliff2 (2.1).</param>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <returns>The writer.</returns>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    public static AlignmentWriter Create(string name, WriterOptions? options = null) =>
        Factories.TryGetValue(name ?? throw new ArgumentNullException(nameof(name)), out var make)
            ? make(options)
            : throw new ArgumentException($"unknown format '{name}' (known: {string.Join(", ", Names)}, moses)", nameof(name));

    /// <summary>The format a file name's extension implies, if any.</summary>
    /// <param name="path">A file name.</param>
    /// <param name="format">The format name.</param>
    /// <returns>Whether the extension is known.</returns>
    public static bool TryFromExtension(string? path, out string format) =>
        Extensions.TryGetValue(Path.GetExtension(path ?? string.Empty), out format!);
}
