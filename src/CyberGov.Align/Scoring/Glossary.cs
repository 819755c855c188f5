namespace CyberGov.Align.Scoring;

/// <summary>
/// User term pairs (Chinese term, English term) that outrank the dictionary: a glossary term found on both sides of a
/// bead counts as two dictionary matches, and Chinese glossary terms win over dictionary words when the Chinese text
/// is split into words. Load from a TSV file: <c>中文术语&lt;TAB&gt;English term</c> per line, <c>#</c> comments.
/// </summary>
public sealed class Glossary
{
    private readonly Dictionary<string, int> _chinese;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _chineseLookup;

    private Glossary(List<(string Chinese, string English)> entries)
    {
        Entries = entries;
        _chinese = new Dictionary<string, int>(StringComparer.Ordinal);
        var english = new List<(string Term, int Id)>();
        for (int i = 0; i < entries.Count; i++)
        {
            _chinese.TryAdd(entries[i].Chinese, i);
            english.Add((entries[i].English.ToLowerInvariant(), i));
            MaxChineseLength = Math.Max(MaxChineseLength, entries[i].Chinese.Length);
        }

        _chineseLookup = _chinese.GetAlternateLookup<ReadOnlySpan<char>>();
        English = [.. english.OrderByDescending(e => e.Term.Length).ThenBy(e => e.Term, StringComparer.Ordinal)];
    }

    /// <summary>A glossary with no terms.</summary>
    public static Glossary Empty { get; } = new([]);

    /// <summary>The term pairs, in file order.</summary>
    public IReadOnlyList<(string Chinese, string English)> Entries { get; }

    internal int MaxChineseLength { get; }

    internal (string Term, int Id)[] English { get; }

    internal bool TryMatchChinese(ReadOnlySpan<char> word, out int id) => _chineseLookup.TryGetValue(word, out id);

    /// <summary>Makes a glossary from term pairs.</summary>
    /// <param name="pairs">(Chinese, English) pairs.</param>
    /// <returns>The glossary.</returns>
    public static Glossary FromPairs(IEnumerable<(string Chinese, string English)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        return new Glossary([.. pairs.Where(p => !string.IsNullOrWhiteSpace(p.Chinese) && !string.IsNullOrWhiteSpace(p.English)).Select(p => (p.Chinese.Trim(), p.English.Trim()))]);
    }

    /// <summary>Reads a TSV glossary; either column order is accepted (the Chinese column is the one with Han characters).</summary>
    /// <param name="reader">The TSV text.</param>
    /// <param name="name">File name for messages.</param>
    /// <returns>The glossary.</returns>
    /// <exception cref="Text.InputFormatException">A line without two tab-separated columns, or with no Chinese column.</exception>
    public static Glossary Load(TextReader reader, string name = "<glossary>")
    {
        ArgumentNullException.ThrowIfNull(reader);
        var entries = new List<(string, string)>();
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            string[] cols = line.Split('\t');
            if (cols.Length < 2 || string.IsNullOrWhiteSpace(cols[0]) || string.IsNullOrWhiteSpace(cols[1]))
            {
                throw new Text.InputFormatException(name, lineNumber, -1, "expected two tab-separated terms: Chinese<TAB>English");
            }

            string a = cols[0].Trim(), b = cols[1].Trim();
            bool aHan = Text.LanguageDetector.Detect(a) == Text.Language.Chinese;
            bool bHan = Text.LanguageDetector.Detect(b) == Text.Language.Chinese;
            if (aHan == bHan)
            {
                throw new Text.InputFormatException(name, lineNumber, -1, "one term must be Chinese and the other English");
            }

            entries.Add(aHan ? (a, b) : (b, a));
        }

        return new Glossary(entries);
    }

    /// <summary>Reads a TSV glossary file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The glossary.</returns>
    public static Glossary LoadFile(string path)
    {
        using var reader = new StreamReader(path);
        return Load(reader, path);
    }
}
