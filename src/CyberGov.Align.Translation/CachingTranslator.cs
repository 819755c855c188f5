using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CyberGov.Align.Text;

namespace CyberGov.Align.Translation;

/// <summary>
/// Keeps every translation in a folder on disk, keyed by (text, from, to, category), and asks the inner translator only
/// for what it has not seen: a re-run costs nothing. The store is one append-only JSON-lines file
/// (<c>translations.jsonl</c>, one <c>{"k":SHA-256,"t":translation}</c> per line); a line cut short by a crash is ignored.
/// Thread-safe; several processes may share a folder (appends are whole lines).
/// </summary>
public sealed class CachingTranslator : ITranslator, IDisposable
{
    private const string FileName = "translations.jsonl";
    private readonly ITranslator _inner;
    private readonly string? _category;
    private readonly Dictionary<string, string> _cache = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly FileStream _file;
    private long _hits;

    /// <summary>Opens (or creates) a cache folder.</summary>
    /// <param name="inner">The translator to ask on a miss.</param>
    /// <param name="folder">The folder.</param>
    /// <param name="category">The translator's category (custom model), part of the key.</param>
    public CachingTranslator(ITranslator inner, string folder, string? category = null)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentException.ThrowIfNullOrEmpty(folder);
        _inner = inner;
        _category = category;
        Directory.CreateDirectory(folder);
        Path = System.IO.Path.Combine(folder, FileName);
        _file = new FileStream(Path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite);
        Load();
    }

    /// <summary>The cache file.</summary>
    public string Path { get; }

    /// <summary>Texts answered from the cache.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>Translations in the cache.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _cache.Count;
            }
        }
    }

    /// <summary>The inner translator's usage: what was really sent.</summary>
    public TranslationUsage Usage => _inner.Usage;

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> TranslateAsync(IReadOnlyList<string> texts, Language sourceLanguage, Language targetLanguage, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var result = new string[texts.Count];
        var keys = new string[texts.Count];
        var missing = new List<int>();
        lock (_gate)
        {
            for (int i = 0; i < texts.Count; i++)
            {
                keys[i] = Key(texts[i], sourceLanguage, targetLanguage, _category);
                if (_cache.TryGetValue(keys[i], out string? hit))
                {
                    result[i] = hit;
                }
                else
                {
                    missing.Add(i);
                }
            }
        }

        Interlocked.Add(ref _hits, texts.Count - missing.Count);
        if (missing.Count == 0)
        {
            return result;
        }

        // Each distinct missing text is asked for once.
        List<int> distinct = [.. missing.DistinctBy(i => keys[i])];
        IReadOnlyList<string> fresh = await _inner.TranslateAsync([.. distinct.Select(i => texts[i])], sourceLanguage, targetLanguage, cancellationToken).ConfigureAwait(false);
        var sb = new StringBuilder();
        lock (_gate)
        {
            for (int k = 0; k < distinct.Count; k++)
            {
                if (_cache.TryAdd(keys[distinct[k]], fresh[k]))
                {
                    sb.Append(JsonSerializer.Serialize(new Entry(keys[distinct[k]], fresh[k]), CacheJson.Default.Entry)).Append('\n');
                }
            }

            foreach (int i in missing)
            {
                result[i] = _cache[keys[i]];
            }

            if (sb.Length > 0)
            {
                _file.Seek(0, SeekOrigin.End);
                byte[] bytes = Encoding.UTF8.GetBytes(sb.ToString());
                _file.Write(bytes);
                _file.Flush(flushToDisk: true);
            }
        }

        return result;
    }

    /// <inheritdoc />
    public void Dispose() => _file.Dispose();

    /// <summary>The cache key: SHA-256 of from, to, category and text.</summary>
    internal static string Key(string text, Language from, Language to, string? category) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{from.ToCode()}\u0001{to.ToCode()}\u0001{category}\u0001{text}")));

    private void Load()
    {
        // A crash may have left a last line without its newline: end it, so the next append starts a line of its own.
        if (_file.Length > 0)
        {
            _file.Seek(-1, SeekOrigin.End);
            if (_file.ReadByte() != '\n')
            {
                _file.WriteByte((byte)'\n');
            }

            _file.Seek(0, SeekOrigin.Begin);
        }

        using var reader = new StreamReader(_file, Encoding.UTF8, false, 1 << 16, leaveOpen: true);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                if (JsonSerializer.Deserialize(line, CacheJson.Default.Entry) is { K: { } k, T: { } t })
                {
                    _cache[k] = t;
                }
            }
            catch (JsonException)
            {
                // a line cut short by a crash: skip it; the text will be asked for again
            }
        }
    }

    internal sealed record Entry([property: JsonPropertyName("k")] string K, [property: JsonPropertyName("t")] string T);
}

[JsonSerializable(typeof(CachingTranslator.Entry))]
internal sealed partial class CacheJson : JsonSerializerContext;
