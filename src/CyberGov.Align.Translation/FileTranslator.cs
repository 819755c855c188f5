using System.Text;
using CyberGov.Align.Text;

namespace CyberGov.Align.Translation;

/// <summary>
/// Translations read from a file made in advance: line i translates source sentence i (the layout of the
/// development sets' <c>*.trans</c> files). For offline runs and tests; it sends nothing anywhere.
/// </summary>
public sealed class FileTranslator : ITranslator
{
    private readonly Dictionary<string, string> _translations;
    private readonly string _name;

    private FileTranslator(Dictionary<string, string> translations, string name)
    {
        _translations = translations;
        _name = name;
    }

    /// <inheritdoc />
    public TranslationUsage Usage { get; } = new();

    /// <summary>Pairs the lines of a translation file with the sentences of the source document, in order.</summary>
    /// <param name="path">The translations, one line per source sentence (UTF-8).</param>
    /// <param name="source">The source document (its sentences must correspond to the file's lines, e.g. read with pre-split lines).</param>
    /// <returns>The translator.</returns>
    /// <exception cref="InputFormatException">The file has a different number of lines than the document has sentences.</exception>
    public static FileTranslator Load(string path, Document source)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(source);
        string[] lines = File.ReadAllLines(path, Encoding.UTF8);
        int count = lines.Length;
        if (count != source.Sentences.Count)
        {
            throw new InputFormatException(path, Math.Min(count, source.Sentences.Count) + 1, -1, $"{count} translation lines for {source.Sentences.Count} source sentences of {source.Name ?? "the source"}: the file must have one line per sentence (read the source with --presplit)");
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            map.TryAdd(Key(source.SentenceText(i)), lines[i]);
        }

        return new FileTranslator(map, path);
    }

    /// <summary>A translator from (text, translation) pairs.</summary>
    /// <param name="pairs">The pairs.</param>
    /// <param name="name">A name for messages.</param>
    /// <returns>The translator.</returns>
    public static FileTranslator FromPairs(IEnumerable<(string Text, string Translation)> pairs, string name = "<pairs>")
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string text, string translation) in pairs)
        {
            map.TryAdd(Key(text), translation);
        }

        return new FileTranslator(map, name);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> TranslateAsync(IReadOnlyList<string> texts, Language sourceLanguage, Language targetLanguage, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        cancellationToken.ThrowIfCancellationRequested();
        var result = new string[texts.Count];
        long characters = 0;
        for (int i = 0; i < texts.Count; i++)
        {
            if (!_translations.TryGetValue(Key(texts[i]), out string? translation))
            {
                string head = texts[i].Length > 40 ? texts[i][..40] + "…" : texts[i];
                throw new TranslatorException(TranslatorErrorKind.MissingTranslation, $"{_name}: no translation for \"{head}\"");
            }

            result[i] = translation;
            characters += texts[i].Length;
        }

        Usage.Add(texts.Count, characters);
        return Task.FromResult<IReadOnlyList<string>>(result);
    }

    private static string Key(string text) => text.Trim();
}
