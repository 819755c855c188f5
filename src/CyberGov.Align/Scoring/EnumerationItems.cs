using CyberGov.Align.Text;

namespace CyberGov.Align.Scoring;

/// <summary>
/// Items of a Chinese enumeration (words between 、) that the English text leaves out while it renders the others:
/// 淫秽 in 恐怖、淫秽、贩毒、洗钱、赌博 rendered as "terrorism, drug trafficking, money laundering and gambling". Used by
/// the translation review (inside a bead) and the quote finder (inside a quote).
/// </summary>
/// <remarks>
/// A dictionary misses many renderings (医疗 as "healthcare", 地震 as "seismology"), so an item without a dictionary
/// counterpart is reported only when the English list is also shorter: the English words that render the other items
/// are found, and the items of the English list around them (separated by commas, "and", "or") are counted; when there
/// are as many as the Chinese list has, every item is taken as rendered.
/// </remarks>
internal sealed class EnumerationItems(BilingualLexicon lexicon, Glossary glossary)
{
    private static readonly char[] ClauseEnds = ['，', '。', '；', '：', '！', '？', ',', ';', ':'];

    private const int MinRendered = 2;
    private readonly List<int> _keys = new(16);
    private readonly List<long> _numbers = new(4);
    private readonly HashSet<int> _englishKeys = [];
    private readonly List<(int Start, int End, int Key)> _words = new(64);
    private readonly List<int[]> _renderedItems = new(8);
    private string _english = string.Empty;
    private List<Piece> _pieces = [];
    private char[] _lower = new char[64];

    /// <summary>Whether <paramref name="chinese"/> can hold an enumeration at all (the cheap test before <see cref="AddDropped"/>).</summary>
    /// <param name="chinese">Chinese text.</param>
    /// <returns>True when it has two 、 or more.</returns>
    public static bool MayHaveItems(ReadOnlySpan<char> chinese) => chinese.Count('、') >= 2;

    /// <summary>Sets the English text that <see cref="AddDropped"/> checks against.</summary>
    /// <param name="english">The English text (a bead's sentences, a quote).</param>
    public void SetEnglish(string english)
    {
        _english = english;
        FeatureExtractor.TextKeys(english, false, lexicon, glossary, _keys, _numbers, ref _lower);
        _englishKeys.Clear();
        _englishKeys.UnionWith(_keys);
        _words.Clear();
        Span<char> buffer = stackalloc char[64];
        int end = 0;
        while (EnglishWords.NextWord(english, ref end, out int start))
        {
            if (end - start <= buffer.Length)
            {
                int len = EnglishWords.Normalize(english.AsSpan(start, end - start), buffer);
                if (len > 0)
                {
                    _words.Add((start, end, lexicon.KeyOf(buffer[..len])));
                }
            }
        }

        _pieces = Pieces(english);
    }

    /// <summary>
    /// Adds to <paramref name="missing"/> the one item of an 、-enumeration in <paramref name="chinese"/> that the
    /// English text (<see cref="SetEnglish"/>) leaves out: an inner item with no key in it, when every other item (at
    /// least two) has one, the item is a term of its own (two to four Han characters, not a clause running into the
    /// list), and the English list around the rendered items has fewer items than the Chinese one.
    /// </summary>
    /// <param name="chinese">The Chinese text.</param>
    /// <param name="missing">Receives the items left out, in order.</param>
    public void AddDropped(string chinese, List<string> missing)
    {
        foreach (string clause in chinese.Split(ClauseEnds))
        {
            string[] items = clause.Split('、');
            if (items.Length < 3)
            {
                continue;
            }

            _renderedItems.Clear();
            string? candidate = null;
            int unrendered = 0, counted = 0;
            for (int t = 0; t < items.Length; t++)
            {
                ItemKeys(items, t);
                if (_keys.Count == 0)
                {
                    continue;
                }

                counted++;
                if (_keys.Exists(_englishKeys.Contains))
                {
                    _renderedItems.Add([.. _keys]);
                }
                else
                {
                    unrendered++;
                    string word = items[t].Trim();

                    // The first and last items run into the clause around them (新设广东 in 新设广东、天津、福建自贸试验区):
                    // only an inner item is told apart.
                    candidate = t > 0 && t < items.Length - 1 && IsTerm(word) ? word : null;
                }
            }

            if (unrendered == 1 && candidate is not null && _renderedItems.Count >= MinRendered && EnglishItems() < counted)
            {
                missing.Add(candidate);
            }
        }
    }

    /// <summary>
    /// The items of the English list that renders the rendered Chinese items: the shortest run of words holding a
    /// rendering of each, and the list items in and around it (<see cref="ListItems(string, int, int)"/>).
    /// </summary>
    private int EnglishItems()
    {
        // The shortest window of words that holds a word of every rendered item.
        int need = _renderedItems.Count;
        Span<int> inWindow = need <= 64 ? stackalloc int[need] : new int[need];
        int covered = 0, bestFrom = -1, bestTo = -1, from = 0;
        for (int to = 0; to < _words.Count; to++)
        {
            covered += Enter(_words[to].Key, inWindow, +1);
            while (covered == need)
            {
                if (bestFrom < 0 || _words[to].End - _words[from].Start < _words[bestTo].End - _words[bestFrom].Start)
                {
                    (bestFrom, bestTo) = (from, to);
                }

                covered -= Enter(_words[from].Key, inWindow, -1);
                from++;
            }
        }

        if (bestFrom < 0)
        {
            return 0;
        }

        return ListItems(_pieces, _words[bestFrom].Start, _words[bestTo].End);
    }

    /// <summary>
    /// The items of the English list that overlaps [<paramref name="start"/>, <paramref name="end"/>) in
    /// <paramref name="text"/>: the pieces (<see cref="Pieces"/>) overlapping the span count, and so do the pieces a list
    /// separator joins to them on either side, going on outward while the pieces are short (four words or fewer: list
    /// items, not clauses).
    /// </summary>
    internal static int ListItems(string text, int start, int end) => ListItems(Pieces(text), start, end);

    /// <inheritdoc cref="ListItems(string, int, int)"/>
    private static int ListItems(List<Piece> pieces, int start, int end)
    {
        const int ShortItem = 4;
        int first = pieces.FindIndex(p => p.End > start), last = pieces.FindLastIndex(p => p.Start < end);
        if (first < 0 || last < first)
        {
            return 0;
        }

        // "and"/"or" without a comma joins two words of one item ("food and drug safety") unless it ends the list.
        int count = 1;
        bool commaAfter = false;
        for (int k = last; k > first; k--)
        {
            count += !pieces[k].ConjunctionOnly || !commaAfter ? 1 : 0;
            commaAfter |= !pieces[k].ConjunctionOnly;
        }

        // One short piece more on each side that a list separator joins.
        count += first > 0 && pieces[first].ListBefore && pieces[first - 1].Words <= ShortItem ? 1 : 0;
        count += last + 1 < pieces.Count && pieces[last + 1].ListBefore && pieces[last + 1].Words <= ShortItem ? 1 : 0;
        return count;
    }

    /// <summary>A stretch of English between separators; <see cref="ListBefore"/> when a list separator (comma, "and", "or") and no other punctuation joins it to the piece before.</summary>
    internal readonly record struct Piece(int Start, int End, bool ListBefore, int Words, bool ConjunctionOnly = false);

    /// <summary>English text cut at commas, "and", "or" (list separators) and at other punctuation (ends of a list).</summary>
    internal static List<Piece> Pieces(string text)
    {
        var pieces = new List<Piece>();
        int from = 0;
        bool listSeparator = false, hardSeparator = false, comma = false;
        for (int i = 0; i <= text.Length; i++)
        {
            int skip = 1;
            bool list = false, hard = i == text.Length;
            if (!hard)
            {
                char c = text[i];
                list = c is ',' or '，';
                hard = c is ';' or '.' or ':' or '!' or '?' or '(' or ')' or '；' or '。' or '：';
                if (c == ' ' && (At(text, i, " and ") || At(text, i, " or ")))
                {
                    list = true;
                    skip = At(text, i, " and ") ? 5 : 4;
                }
            }

            if (!list && !hard)
            {
                continue;
            }

            ReadOnlySpan<char> piece = text.AsSpan(from, i - from);
            if (!piece.Trim().IsEmpty)
            {
                bool joined = pieces.Count > 0 && listSeparator && !hardSeparator;
                pieces.Add(new Piece(from, i, joined, Words(piece), joined && !comma));
                listSeparator = hardSeparator = comma = false;
            }

            comma |= list && skip == 1;
            listSeparator |= list;
            hardSeparator |= hard;
            from = i + skip;
            i += skip - 1;
        }

        return pieces;

        static bool At(string text, int i, string word) => string.CompareOrdinal(text, i, word, 0, word.Length) == 0;

        static int Words(ReadOnlySpan<char> piece)
        {
            int words = 0;
            bool inWord = false;
            foreach (char c in piece)
            {
                bool letter = !char.IsWhiteSpace(c);
                words += letter && !inWord ? 1 : 0;
                inWord = letter;
            }

            return words;
        }
    }

    /// <summary>
    /// For the deletion benchmark: each term item of each enumeration in <paramref name="chinese"/> whose every item
    /// the English text (<see cref="SetEnglish"/>) renders, with that English text less the one list piece that renders
    /// the item (a piece holding a rendering of it and of no other item), with its separator.
    /// </summary>
    /// <param name="chinese">The Chinese text.</param>
    /// <returns>The item and the damaged English, per item that has such a piece.</returns>
    internal List<(string Item, string English)> ItemDeletions(string chinese)
    {
        var deletions = new List<(string Item, string English)>();
        List<Piece> pieces = _pieces;
        foreach (string clause in chinese.Split(ClauseEnds))
        {
            string[] items = clause.Split('、');
            if (items.Length < 3)
            {
                continue;
            }

            var keys = new List<int[]>();
            for (int t = 0; t < items.Length; t++)
            {
                ItemKeys(items, t);
                keys.Add([.. _keys]);
            }

            if (keys.Exists(k => k.Length == 0 || !Array.Exists(k, _englishKeys.Contains)))
            {
                continue;
            }

            for (int t = 1; t < items.Length - 1; t++)
            {
                if (!IsTerm(items[t].Trim()))
                {
                    continue;
                }

                int only = -1, found = 0;
                for (int p = 0; p < pieces.Count; p++)
                {
                    if (Renders(pieces[p], keys[t]) && !keys.Where((_, o) => o != t).Any(k => Renders(pieces[p], k)))
                    {
                        only = p;
                        found++;
                    }
                }

                if (found != 1 || !(pieces[only].ListBefore || (only + 1 < pieces.Count && pieces[only + 1].ListBefore)))
                {
                    continue;
                }

                // Remove the piece with the separator before it (or, for a list's first item, after it).
                (int cut, int cutEnd) = pieces[only].ListBefore ? (pieces[only - 1].End, pieces[only].End) : (pieces[only].Start, pieces[only + 1].Start);
                deletions.Add((items[t].Trim(), string.Concat(_english.AsSpan(0, cut), _english.AsSpan(cutEnd))));
            }
        }

        return deletions;
    }

    private bool Renders(Piece piece, int[] keys) =>
        _words.Exists(w => w.Start >= piece.Start && w.End <= piece.End && Array.IndexOf(keys, w.Key) >= 0);

    /// <summary>Enters (+1) or leaves (−1) a word into the window: the number of rendered items that become covered or uncovered.</summary>
    private int Enter(int key, Span<int> inWindow, int step)
    {
        int changed = 0;
        for (int k = 0; k < _renderedItems.Count; k++)
        {
            if (Array.IndexOf(_renderedItems[k], key) >= 0)
            {
                int before = inWindow[k];
                inWindow[k] += step;
                if ((before == 0) != (inWindow[k] == 0))
                {
                    changed++;
                }
            }
        }

        return changed;
    }

    /// <summary>
    /// The keys of item <paramref name="t"/> into <c>_keys</c>. The last item keeps what comes before 等 ("and so on") or
    /// its first four characters, so that the clause after the list (交通等领域发生了…事故) does not count as its rendering.
    /// </summary>
    private void ItemKeys(string[] items, int t)
    {
        ReadOnlySpan<char> item = items[t].AsSpan().Trim();
        if (t == items.Length - 1)
        {
            // The last item runs on into the clause (缓建煤电产能… after 淘汰、停建): it is cut at 等, or to the length of
            // the longest inner item (items of one list are alike), at most four characters.
            int etc = item.IndexOf('等');
            int inner = 0;
            for (int k = 1; k < items.Length - 1; k++)
            {
                inner = Math.Max(inner, items[k].AsSpan().Trim().Length);
            }

            item = etc > 0 ? item[..etc] : item[..Math.Min(item.Length, Math.Clamp(inner, 2, 4))];
        }

        FeatureExtractor.TextKeys(item, true, lexicon, glossary, _keys, _numbers, ref _lower);
    }

    /// <summary>A list item that is a term on its own: two to four Han characters.</summary>
    private static bool IsTerm(string item)
    {
        if (item.Length is < 2 or > 4)
        {
            return false;
        }

        foreach (char c in item)
        {
            if (!CharClass.IsHan(c))
            {
                return false;
            }
        }

        return true;
    }
}
