using System.Reflection;

namespace CyberGov.Align.Segmentation;

/// <summary>What kind of abbreviation a word is, for sentence splitting.</summary>
public enum AbbreviationKind
{
    /// <summary>Not an abbreviation.</summary>
    None = 0,

    /// <summary>Never ends a sentence: titles and words that need a following word (Mr., Dr., No., e.g., vs.).</summary>
    NonTerminal,

    /// <summary>May end a sentence (etc., Inc., U.S.): a boundary only when a typical sentence opener follows.</summary>
    Ambiguous,
}

/// <summary>
/// English abbreviations, case-insensitive, written without their final period (<c>u.s</c>, <c>mr</c>).
/// The bundled list is data (Segmentation/english-abbreviations.txt); add your own with <see cref="WithAdditions"/> or <see cref="Load"/>.
/// </summary>
public sealed class AbbreviationSet
{
    private readonly Dictionary<string, AbbreviationKind> _map;
    private readonly Dictionary<string, AbbreviationKind>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private AbbreviationSet(Dictionary<string, AbbreviationKind> map)
    {
        _map = map;
        _lookup = map.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The bundled list.</summary>
    public static AbbreviationSet Default { get; } = LoadBundled();

    /// <summary>Number of entries.</summary>
    public int Count => _map.Count;

    /// <summary>The kind of a word (without its final period).</summary>
    /// <param name="word">The word, e.g. <c>Mr</c> or <c>U.S</c>.</param>
    /// <returns>Its kind.</returns>
    public AbbreviationKind Classify(ReadOnlySpan<char> word) => _lookup.TryGetValue(word, out AbbreviationKind k) ? k : AbbreviationKind.None;

    /// <summary>A copy with more entries.</summary>
    /// <param name="words">Words without final period.</param>
    /// <param name="kind">Their kind.</param>
    /// <returns>The new set.</returns>
    public AbbreviationSet WithAdditions(IEnumerable<string> words, AbbreviationKind kind = AbbreviationKind.NonTerminal)
    {
        ArgumentNullException.ThrowIfNull(words);
        var map = new Dictionary<string, AbbreviationKind>(_map, StringComparer.OrdinalIgnoreCase);
        foreach (string w in words)
        {
            string word = w.Trim().TrimEnd('.');
            if (word.Length > 0)
            {
                map[word] = kind;
            }
        }

        return new AbbreviationSet(map);
    }

    /// <summary>
    /// Reads a list: one abbreviation per line, optionally followed by a tab or space and <c>ambiguous</c>;
    /// <c>#</c> starts a comment.
    /// </summary>
    /// <param name="reader">The list.</param>
    /// <param name="baseSet">Entries to start from (null for none).</param>
    /// <returns>The set.</returns>
    public static AbbreviationSet Load(TextReader reader, AbbreviationSet? baseSet = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var map = baseSet is null
            ? new Dictionary<string, AbbreviationKind>(StringComparer.OrdinalIgnoreCase)
            : new Dictionary<string, AbbreviationKind>(baseSet._map, StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            int hash = line.IndexOf('#', StringComparison.Ordinal);
            ReadOnlySpan<char> content = (hash >= 0 ? line.AsSpan(0, hash) : line.AsSpan()).Trim();
            if (content.IsEmpty)
            {
                continue;
            }

            int sep = content.IndexOfAny(' ', '\t');
            ReadOnlySpan<char> word = (sep < 0 ? content : content[..sep]).TrimEnd('.');
            AbbreviationKind kind = sep >= 0 && content[(sep + 1)..].Trim().Equals("ambiguous", StringComparison.OrdinalIgnoreCase)
                ? AbbreviationKind.Ambiguous
                : AbbreviationKind.NonTerminal;
            if (!word.IsEmpty)
            {
                map[word.ToString()] = kind;
            }
        }

        return new AbbreviationSet(map);
    }

    internal static AbbreviationSet LoadBundled()
    {
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("CyberGov.Align.Segmentation.english-abbreviations.txt")
            ?? throw new InvalidOperationException("The bundled abbreviation list is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return Load(reader);
    }
}
