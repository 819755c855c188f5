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

    /// <summary>About the number of headwords of the bundled dictionary (sizes its arrays once).</summary>
    private const int BundledWords = 230_000;

    /// <summary>Headwords longer than this are never matched (longer CC-CEDICT entries are phrases and idioms).</summary>
    private const int MatchLimit = 8;

    private static readonly Lazy<BilingualLexicon> Bundled = new(LoadBundled, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<BilingualLexicon> EmptyDictionary = new(() => new Builder(0).Build());

    private readonly HeadwordTable _words;
    private readonly Dictionary<string, int> _keys;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _keyLookup;

    private BilingualLexicon(HeadwordTable words, Dictionary<string, int> keys)
    {
        _words = words;
        _keys = keys;
        _keyLookup = keys.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The bundled CC-CEDICT dictionary, loaded once on first use.</summary>
    public static BilingualLexicon Default => Bundled.Value;

    /// <summary>A dictionary with no entries: alignment then uses length, numbers, Latin tokens and punctuation only.</summary>
    public static BilingualLexicon Empty => EmptyDictionary.Value;

    /// <summary>Number of headwords (simplified and traditional forms counted separately).</summary>
    public int Count => _words.WordCount;

    /// <summary>Length of the longest headword that can be matched in a text (at most 8).</summary>
    public int MaxWordLength => _words.MaxWordLength;

    /// <summary>The English keys of a Chinese word, or null when the word is not in the dictionary.</summary>
    /// <param name="word">The Chinese word.</param>
    /// <returns>Key ids, most important first (a new array); null if absent.</returns>
    public int[]? Lookup(ReadOnlySpan<char> word) => _words.Find(word) is int e and >= 0 && _words.IsWord(e) ? _words.KeysOf(e).ToArray() : null;

    /// <summary>Whether <paramref name="word"/> is a headword.</summary>
    internal bool Contains(ReadOnlySpan<char> word) => _words.Find(word) is int e and >= 0 && _words.IsWord(e);

    /// <summary>
    /// Forward maximum matching at the start of <paramref name="text"/>: the length of the longest headword (up to
    /// <see cref="MaxWordLength"/> characters) that <paramref name="text"/> starts with, and its keys; 0 when none.
    /// Walks up through prefixes of headwords, so it stops as soon as no longer headword can match.
    /// </summary>
    internal int LongestMatch(ReadOnlySpan<char> text, out ReadOnlySpan<int> keys)
    {
        keys = default;
        int matched = 0;
        int limit = Math.Min(_words.MaxWordLength, text.Length);
        for (int len = 1; len <= limit; len++)
        {
            int e = _words.Find(text[..len]);
            if (e < 0)
            {
                break;
            }

            if (_words.IsWord(e))
            {
                matched = len;
                keys = _words.KeysOf(e);
            }

            if (!_words.HasLonger(e))
            {
                break;
            }
        }

        return matched;
    }

    /// <summary>The key id of a normalised English word (see <see cref="EnglishWords.Normalize"/>); words outside the vocabulary get a stable hashed id.</summary>
    /// <param name="normalized">The normalised word.</param>
    /// <returns>Its key id.</returns>
    public int KeyOf(ReadOnlySpan<char> normalized) =>
        _keyLookup.TryGetValue(normalized, out int id) ? id : UnknownKeyBase | (int)(StableHash(normalized) & (UnknownKeyBase - 1));

    /// <summary>
    /// FNV-1a: a word outside the vocabulary gets the same id in every process (string hashing is randomised per
    /// process), so two words that happen to share an id do so in every run and results never depend on the run.
    /// </summary>
    private static uint StableHash(ReadOnlySpan<char> text)
    {
        uint h = 2166136261;
        foreach (char c in text)
        {
            h = (h ^ c) * 16777619;
        }

        return h ^ (h >> 13);
    }

    /// <summary>Loads a dictionary in the compact form written by <see cref="CedictCompiler"/>.</summary>
    /// <param name="compact">The compact text.</param>
    /// <returns>The dictionary.</returns>
    public static BilingualLexicon Load(TextReader compact) => Load(compact, 1024);

    /// <summary><see cref="Load(TextReader)"/> with arrays sized for about <paramref name="expectedWords"/> headwords.</summary>
    private static BilingualLexicon Load(TextReader compact, int expectedWords)
    {
        ArgumentNullException.ThrowIfNull(compact);

        // Lines are cut from a reused block of characters: no string per line.
        var builder = new Builder(expectedWords);
        char[] block = new char[1 << 16];
        int kept = 0;
        while (true)
        {
            int read = compact.Read(block, kept, block.Length - kept);
            int filled = kept + read;
            ReadOnlySpan<char> rest = block.AsSpan(0, filled);
            int end;
            while ((end = rest.IndexOf('\n')) >= 0)
            {
                builder.AddLine(rest[..end].TrimEnd('\r'));
                rest = rest[(end + 1)..];
            }

            if (read == 0)
            {
                builder.AddLine(rest.TrimEnd('\r'));
                return builder.Build();
            }

            if (rest.Length == block.Length)
            {
                Array.Resize(ref block, block.Length * 2); // a line longer than the block
            }

            rest.CopyTo(block);
            kept = rest.Length;
        }
    }

    /// <summary>Collects the lines of the compact form: headwords, their keys, and the key vocabulary.</summary>
    private sealed class Builder(int expectedWords)
    {
        private readonly Dictionary<string, int> _keys = new(Math.Max(16, expectedWords / 4), StringComparer.Ordinal);
        private readonly HeadwordTable.Builder _words = new(MatchLimit, expectedWords);
        private readonly int[] _ids = new int[64];

        public void AddLine(ReadOnlySpan<char> rest)
        {
            int t1 = rest.IndexOf('\t');
            if (t1 <= 0)
            {
                return;
            }

            ReadOnlySpan<char> simp = rest[..t1];
            rest = rest[(t1 + 1)..];
            int t2 = rest.IndexOf('\t');
            if (t2 < 0)
            {
                return;
            }

            ReadOnlySpan<char> trad = rest[..t2];
            ReadOnlySpan<char> keyText = rest[(t2 + 1)..];
            var keyLookup = _keys.GetAlternateLookup<ReadOnlySpan<char>>();
            int count = 0;
            foreach (Range r in keyText.Split(' '))
            {
                ReadOnlySpan<char> key = keyText[r];
                if (key.IsEmpty || count == _ids.Length)
                {
                    continue;
                }

                if (!keyLookup.TryGetValue(key, out int id))
                {
                    id = _keys.Count;
                    keyLookup[key] = id;
                }

                _ids[count++] = id;
            }

            if (count == 0)
            {
                return;
            }

            // A later line replaces the keys of a simplified headword; a traditional form never replaces one.
            (int Start, int Count) keyRange = _words.AddKeys(_ids.AsSpan(0, count));
            _words.Add(simp, keyRange, replace: true);
            if (!trad.IsEmpty)
            {
                _words.Add(trad, keyRange, replace: false);
            }
        }

        public BilingualLexicon Build() => new(_words.Build(), _keys);
    }

    /// <summary>
    /// Loads a dictionary file: the compact form written by <c>cyberalign dictionary build</c> (plain or .gz), or a
    /// CC-CEDICT file (plain or .gz, recognised by its <c>traditional simplified [pinyin] /gloss/</c> lines and compiled on
    /// the fly).
    /// </summary>
    /// <param name="path">The file.</param>
    /// <returns>The dictionary.</returns>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">The file holds no dictionary entries in either form (the message names the file).</exception>
    public static BilingualLexicon LoadFile(string path)
    {
        LexiconFile.Check(path, "dictionary");

        BilingualLexicon lexicon;
        try
        {
            string? first;
            using (Stream input = LexiconFile.OpenRead(path))
            using (var peek = new StreamReader(input, Encoding.UTF8))
            {
                do
                {
                    first = peek.ReadLine();
                }
                while (first is not null && (first.Length == 0 || first[0] == '#'));
            }

            if (first is not null && first.Contains(" [", StringComparison.Ordinal) && first.Contains('/', StringComparison.Ordinal) && !first.Contains('\t', StringComparison.Ordinal))
            {
                lexicon = LoadCedict(path);
            }
            else
            {
                using Stream input = LexiconFile.OpenRead(path);
                using var reader = new StreamReader(input, Encoding.UTF8, false, 1 << 16);
                lexicon = Load(reader, BundledWords);
            }
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"{path}: not a dictionary file ({ex.Message})", ex);
        }

        return lexicon.Count > 0
            ? lexicon
            : throw new InvalidDataException($"{path}: no dictionary entries (expected the compact form written by 'cyberalign dictionary build', or a CC-CEDICT file)");
    }

    /// <summary>Loads a dictionary from a CC-CEDICT file (plain or .gz), compiling it on the fly.</summary>
    /// <param name="path">The CC-CEDICT file.</param>
    /// <returns>The dictionary.</returns>
    public static BilingualLexicon LoadCedict(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using Stream input = LexiconFile.OpenRead(path);
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
        return Load(reader, BundledWords);
    }
}
