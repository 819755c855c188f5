using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace CyberGov.Align.Scoring;

/// <summary>
/// One learned translation: a Chinese word (as the dictionary segments text, or a character it does not know) and an
/// English word key (lower-cased and stemmed, see <see cref="EnglishWords.Normalize"/>).
/// </summary>
/// <param name="Chinese">The Chinese word.</param>
/// <param name="English">The English key.</param>
/// <param name="Probability">IBM Model 1 p(English | Chinese) after training.</param>
/// <param name="Count">Expected number of times the pair was aligned in the training text.</param>
/// <param name="Occurrences">Number of training beads the Chinese word occurs in.</param>
/// <param name="ReverseProbability">IBM Model 1 p(Chinese | English), trained the other way.</param>
public readonly record struct LearnedTranslation(string Chinese, string English, double Probability, double Count, int Occurrences, double ReverseProbability);

/// <summary>
/// A translation lexicon learned from aligned text (IBM Model 1 over the confident beads of a first alignment, see
/// <see cref="Alignment.Aligner.LearnLexicon"/>): it adds to a Chinese word the English words it was seen translated
/// by, so names, terms and usages the dictionary lacks count as evidence when the text is aligned again. It never
/// removes a dictionary or glossary translation. Saved as UTF-8 TSV (<see cref="Save"/>), reloaded with
/// <see cref="LoadFile"/> and given to <see cref="Alignment.AlignerBuilder.UseLearnedLexicon"/>. Immutable and
/// thread-safe.
/// </summary>
public sealed class LearnedLexicon
{
    /// <summary>The first line of a saved lexicon.</summary>
    internal const string Header = HeaderPrefix + " 1\tchinese\tenglish\tp(english|chinese)\tcount\toccurrences\tp(chinese|english)";

    /// <summary>What every version of the header starts with.</summary>
    private const string HeaderPrefix = "# cyberalign learned lexicon";

    private readonly LearnedTranslation[] _entries;

    internal LearnedLexicon(IEnumerable<LearnedTranslation> entries)
    {
        _entries = [.. entries];
        Array.Sort(_entries, Order);
    }

    private LearnedLexicon(LearnedTranslation[] sorted) => _entries = sorted;

    /// <summary>A lexicon over <paramref name="sorted"/> as it is (already in the lexicon's order, see <see cref="Entries"/>), without a copy.</summary>
    internal static LearnedLexicon FromSorted(LearnedTranslation[] sorted)
    {
        Debug.Assert(IsSorted(sorted), "entries out of order");
        return new LearnedLexicon(sorted);
    }

    private static bool IsSorted(LearnedTranslation[] entries)
    {
        for (int k = 1; k < entries.Length; k++)
        {
            if (Order(entries[k - 1], entries[k]) > 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A lexicon with no entries.</summary>
    public static LearnedLexicon Empty { get; } = new([]);

    /// <summary>The translations, by Chinese word (ordinal), then most probable first.</summary>
    public IReadOnlyList<LearnedTranslation> Entries => _entries;

    /// <summary>Number of translations.</summary>
    public int Count => _entries.Length;

    private static int Order(LearnedTranslation a, LearnedTranslation b)
    {
        int c = string.CompareOrdinal(a.Chinese, b.Chinese);
        if (c == 0)
        {
            c = b.Probability.CompareTo(a.Probability);
        }

        return c != 0 ? c : string.CompareOrdinal(a.English, b.English);
    }

    /// <summary>Writes the lexicon as TSV: a header line, then <c>chinese, english, p(english | chinese), count, occurrences, p(chinese | english)</c> per line.</summary>
    /// <param name="writer">The destination.</param>
    public void Save(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Header);
        writer.Write('\n');
        foreach (LearnedTranslation e in _entries)
        {
            writer.Write(e.Chinese);
            writer.Write('\t');
            writer.Write(e.English);
            writer.Write('\t');
            writer.Write(e.Probability.ToString("0.####", CultureInfo.InvariantCulture));
            writer.Write('\t');
            writer.Write(e.Count.ToString("0.##", CultureInfo.InvariantCulture));
            writer.Write('\t');
            writer.Write(e.Occurrences.ToString(CultureInfo.InvariantCulture));
            writer.Write('\t');
            writer.Write(e.ReverseProbability.ToString("0.####", CultureInfo.InvariantCulture));
            writer.Write('\n');
        }
    }

    /// <summary>Reads a lexicon written by <see cref="Save"/>.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="name">The file name for error messages.</param>
    /// <returns>The lexicon.</returns>
    /// <exception cref="InvalidDataException">A line that is not a learned translation (the message names the file and line).</exception>
    public static LearnedLexicon Load(TextReader reader, string name = "<lexicon>")
    {
        ArgumentNullException.ThrowIfNull(reader);
        var entries = new List<LearnedTranslation>();
        string? line = reader.ReadLine();
        if (line is not null && !line.StartsWith(HeaderPrefix, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{name}:1: not a learned lexicon (expected the header written by --lexicon-out)");
        }

        int lineNumber = 1;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            string[] f = line.Split('\t');
            if (f.Length != 6 || f[0].Length == 0 || f[1].Length == 0
                || !double.TryParse(f[2], NumberStyles.Float, CultureInfo.InvariantCulture, out double p) || p is < 0 or > 1
                || !double.TryParse(f[3], NumberStyles.Float, CultureInfo.InvariantCulture, out double count) || count < 0 || !double.IsFinite(count)
                || !int.TryParse(f[4], NumberStyles.None, CultureInfo.InvariantCulture, out int occurrences)
                || !double.TryParse(f[5], NumberStyles.Float, CultureInfo.InvariantCulture, out double reverse) || reverse is < 0 or > 1)
            {
                throw new InvalidDataException($"{name}:{lineNumber}: expected chinese<TAB>english<TAB>p(english|chinese) (0..1)<TAB>count<TAB>occurrences<TAB>p(chinese|english) (0..1)");
            }

            entries.Add(new LearnedTranslation(f[0], f[1], p, count, occurrences, reverse));
        }

        return new LearnedLexicon(entries);
    }

    /// <summary>Loads a lexicon file written by <c>--lexicon-out</c> (plain or .gz).</summary>
    /// <param name="path">The file.</param>
    /// <returns>The lexicon.</returns>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="InvalidDataException">The file is a directory or not a learned lexicon (the message names the file and line).</exception>
    public static LearnedLexicon LoadFile(string path)
    {
        LexiconFile.Check(path, "lexicon");
        using Stream input = LexiconFile.OpenRead(path);
        using var reader = new StreamReader(input, new UTF8Encoding(false, true));
        try
        {
            return Load(reader, path);
        }
        catch (DecoderFallbackException ex)
        {
            throw new InvalidDataException($"{path}: not UTF-8 text ({ex.Message})", ex);
        }
    }

    /// <summary>
    /// The translations that count as evidence, as key ids of <paramref name="lexicon"/>: those with probability at
    /// least <paramref name="minProbability"/> and reverse probability at least <paramref name="minReverse"/> (the two
    /// directions agree, which drops the frequent words a rare word's table collects) whose Chinese word occurred in
    /// at least <paramref name="minOccurrences"/> training beads.
    /// </summary>
    internal LexiconOverlay Bind(BilingualLexicon lexicon, double minProbability, double minReverse, int minOccurrences)
    {
        var words = new Dictionary<string, int[]>(StringComparer.Ordinal);
        var keys = new List<int>();
        for (int k = 0; k < _entries.Length;)
        {
            string chinese = _entries[k].Chinese;
            keys.Clear();
            for (; k < _entries.Length && _entries[k].Chinese == chinese; k++)
            {
                if (_entries[k].Probability >= minProbability && _entries[k].Occurrences >= minOccurrences && _entries[k].ReverseProbability >= minReverse)
                {
                    keys.Add(lexicon.KeyOf(_entries[k].English));
                }
            }

            if (keys.Count > 0)
            {
                words[chinese] = [.. keys];
            }
        }

        return new LexiconOverlay(words);
    }
}

/// <summary>Learned translations bound to a dictionary's key ids: the extra English keys of each Chinese word.</summary>
internal sealed class LexiconOverlay
{
    private readonly Dictionary<string, int[]> _words;
    private readonly Dictionary<string, int[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public LexiconOverlay(Dictionary<string, int[]> words)
    {
        _words = words;
        _lookup = words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Number of Chinese words with learned keys.</summary>
    public int Count => _words.Count;

    /// <summary>The learned keys of a word (empty when none).</summary>
    public ReadOnlySpan<int> KeysOf(ReadOnlySpan<char> word) => _lookup.TryGetValue(word, out int[]? keys) ? keys : default;

    /// <summary>Both overlays' keys for every word (null when both are null).</summary>
    public static LexiconOverlay? Combine(LexiconOverlay? a, LexiconOverlay? b)
    {
        if (a is null || b is null)
        {
            return a ?? b;
        }

        var words = new Dictionary<string, int[]>(a._words, StringComparer.Ordinal);
        foreach ((string word, int[] keys) in b._words)
        {
            words[word] = words.TryGetValue(word, out int[]? known) ? [.. known.Union(keys)] : keys;
        }

        return new LexiconOverlay(words);
    }
}
