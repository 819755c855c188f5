using System.IO.Compression;
using System.Reflection;
using System.Text;

namespace CyberGov.Align.Scoring;

/// <summary>
/// A Chinese→English dictionary reduced to what alignment needs: for each Chinese headword (simplified and
/// traditional), the normalised English content words of its glosses, as integer keys. English words of a document
/// map to the same keys (<see cref="KeyOf"/>), so a Chinese and an English sentence can be compared by counting
/// shared keys. The bundled dictionary is CC-CEDICT (CC BY-SA 4.0, see THIRD-PARTY-NOTICES.md). Immutable and thread-safe.
/// </summary>
public sealed class BilingualLexicon
{
    /// <summary>Keys not in the dictionary's vocabulary get hashed ids at or above this value.</summary>
    internal const int UnknownKeyBase = 1 << 30;

    private static readonly Lazy<BilingualLexicon> Bundled = new(LoadBundled, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<BilingualLexicon> EmptyDictionary = new(() => new BilingualLexicon(new(StringComparer.Ordinal), new(StringComparer.Ordinal), 0));

    private readonly Dictionary<string, int[]> _words;
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _wordLookup;
    private readonly Dictionary<string, int> _keys;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _keyLookup;

    /// <summary>For each character, the length of the longest headword it starts, capped at <see cref="MaxWordLength"/>: bounds the longest-match search.</summary>
    private readonly byte[] _longestFrom;

    private BilingualLexicon(Dictionary<string, int[]> words, Dictionary<string, int> keys, int maxWordLength)
    {
        _words = words;
        _keys = keys;
        _wordLookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
        _keyLookup = keys.GetAlternateLookup<ReadOnlySpan<char>>();
        MaxWordLength = maxWordLength;
        _longestFrom = new byte[char.MaxValue + 1];
        foreach (string word in words.Keys)
        {
            if (word.Length > 0)
            {
                _longestFrom[word[0]] = (byte)Math.Max(_longestFrom[word[0]], Math.Min(word.Length, Math.Min(maxWordLength, byte.MaxValue)));
            }
        }
    }

    /// <summary>Length of the longest headword that starts with <paramref name="first"/> (0 when none does).</summary>
    internal int LongestWordFrom(char first) => _longestFrom[first];

    /// <summary>The bundled CC-CEDICT dictionary, loaded once on first use.</summary>
    public static BilingualLexicon Default => Bundled.Value;

    /// <summary>A dictionary with no entries: alignment then uses length, numbers, Latin tokens and punctuation only.</summary>
    public static BilingualLexicon Empty => EmptyDictionary.Value;

    /// <summary>Number of headwords (simplified and traditional forms counted separately).</summary>
    public int Count => _words.Count;

    /// <summary>Length of the longest headword.</summary>
    public int MaxWordLength { get; }

    /// <summary>The English keys of a Chinese word, or null when the word is not in the dictionary.</summary>
    /// <param name="word">The Chinese word.</param>
    /// <returns>Key ids, most important first; null if absent.</returns>
    public int[]? Lookup(ReadOnlySpan<char> word) => _wordLookup.TryGetValue(word, out int[]? keys) ? keys : null;

    /// <summary>The key id of a normalised English word (see <see cref="EnglishWords.Normalize"/>); words outside the vocabulary get a stable hashed id.</summary>
    /// <param name="normalized">The normalised word.</param>
    /// <returns>Its key id.</returns>
    public int KeyOf(ReadOnlySpan<char> normalized) =>
        _keyLookup.TryGetValue(normalized, out int id) ? id : UnknownKeyBase | (string.GetHashCode(normalized) & (UnknownKeyBase - 1));

    /// <summary>Loads a dictionary in the compact form written by <see cref="CedictCompiler"/>.</summary>
    /// <param name="compact">The compact text.</param>
    /// <returns>The dictionary.</returns>
    public static BilingualLexicon Load(TextReader compact)
    {
        ArgumentNullException.ThrowIfNull(compact);
        var words = new Dictionary<string, int[]>(260_000, StringComparer.Ordinal);
        var keys = new Dictionary<string, int>(60_000, StringComparer.Ordinal);
        var keyLookup = keys.GetAlternateLookup<ReadOnlySpan<char>>();
        int maxLength = 0;
        Span<int> ids = stackalloc int[64];
        while (compact.ReadLine() is { } line)
        {
            ReadOnlySpan<char> rest = line;
            int t1 = rest.IndexOf('\t');
            if (t1 <= 0)
            {
                continue;
            }

            ReadOnlySpan<char> simp = rest[..t1];
            rest = rest[(t1 + 1)..];
            int t2 = rest.IndexOf('\t');
            if (t2 < 0)
            {
                continue;
            }

            ReadOnlySpan<char> trad = rest[..t2];
            ReadOnlySpan<char> keyText = rest[(t2 + 1)..];
            int count = 0;
            foreach (Range r in keyText.Split(' '))
            {
                ReadOnlySpan<char> key = keyText[r];
                if (key.IsEmpty || count == ids.Length)
                {
                    continue;
                }

                if (!keyLookup.TryGetValue(key, out int id))
                {
                    id = keys.Count;
                    keyLookup[key] = id;
                }

                ids[count++] = id;
            }

            if (count == 0)
            {
                continue;
            }

            int[] array = ids[..count].ToArray();
            string simpString = simp.ToString();
            words[simpString] = array;
            maxLength = Math.Max(maxLength, simp.Length);
            if (!trad.IsEmpty)
            {
                words.TryAdd(trad.ToString(), array);
                maxLength = Math.Max(maxLength, trad.Length);
            }
        }

        return new BilingualLexicon(words, keys, Math.Min(maxLength, 8));
    }

    /// <summary>Loads a dictionary from a CC-CEDICT file (plain or .gz), compiling it on the fly.</summary>
    /// <param name="path">The CC-CEDICT file.</param>
    /// <returns>The dictionary.</returns>
    public static BilingualLexicon LoadCedict(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using Stream file = File.OpenRead(path);
        using Stream input = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(input, Encoding.UTF8);
        var compact = new StringWriter();
        CedictCompiler.Compile(reader, compact);
        return Load(new StringReader(compact.ToString()));
    }

    internal static BilingualLexicon LoadBundled()
    {
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("CyberGov.Align.Scoring.cedict-compact.tsv.gz")
            ?? throw new InvalidOperationException("The bundled dictionary is missing from the assembly.");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8, false, 1 << 16);
        return Load(reader);
    }
}
