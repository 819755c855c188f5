using System.Runtime.CompilerServices;
using CyberGov.Align.Text;

namespace CyberGov.Align.Scoring;

/// <summary>
/// Per-sentence features of one document, computed once and stored flat (struct of arrays) so the search touches
/// only arrays: length, sorted unique lexical keys (dictionary translations, English words, Latin tokens, numbers,
/// glossary terms), content-word count, number keys and punctuation counts.
/// </summary>
internal sealed class SentenceFeatures
{
    public SentenceFeatures(int count, int[] length, int[] keyStart, int[] keys, int[] content, int[] numberStart, long[] numbers, int[] punctuation, int[] paragraph, bool[]? condensed = null)
    {
        Condensed = condensed ?? new bool[count];
        Paragraph = paragraph;
        Count = count;
        Length = length;
        KeyStart = keyStart;
        Keys = keys;
        Content = content;
        NumberStart = numberStart;
        Numbers = numbers;
        Punctuation = punctuation;
        BuildPrefixes();
    }

    public int Count { get; }

    /// <summary>
    /// Per sentence: it holds a quoted numbered abbreviation (“两学一做”, “四风”, “两免一补”), which an official English
    /// translation spells out, often in a sentence of its own that the dictionary cannot link to it.
    /// </summary>
    public bool[] Condensed { get; }

    /// <summary>Prefix sums (index i = sum over sentences before i) of <see cref="Length"/>, <see cref="Content"/> and number counts, for O(1) sums over runs.</summary>
    public int[] LengthPrefix { get; private set; } = [];

    /// <inheritdoc cref="LengthPrefix"/>
    public int[] ContentPrefix { get; private set; } = [];

    /// <summary>Per sentence, a 64-bit set of its keys modulo 64: two sentences whose signatures share no bit share no key.</summary>
    public ulong[] KeySignature { get; private set; } = [];

    /// <summary>Prefix sums of each punctuation class ((Count + 1) positions × 5 classes, position-major).</summary>
    public int[] PunctuationPrefix { get; private set; } = [];

    /// <summary>The punctuation signature of sentences [i, i + count): per class the sum, capped at 15 (as <see cref="AddPunctuation"/> over the run).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int PunctuationOf(int i, int count)
    {
        // The classes of one position sit side by side, so the two positions are two short reads.
        ReadOnlySpan<int> first = PunctuationPrefix.AsSpan(i * PunctuationClasses, PunctuationClasses);
        ReadOnlySpan<int> last = PunctuationPrefix.AsSpan((i + count) * PunctuationClasses, PunctuationClasses);
        int r = 0;
        for (int k = 0; k < PunctuationClasses; k++)
        {
            r |= Math.Min(15, last[k] - first[k]) << (4 * k);
        }

        return r;
    }

    private const int PunctuationClasses = 5;

    private void BuildPrefixes()
    {
        int n = Count;
        LengthPrefix = new int[n + 1];
        ContentPrefix = new int[n + 1];
        PunctuationPrefix = new int[PunctuationClasses * (n + 1)];
        KeySignature = new ulong[n];
        for (int i = 0; i < n; i++)
        {
            LengthPrefix[i + 1] = LengthPrefix[i] + Length[i];
            foreach (int key in KeysOf(i))
            {
                KeySignature[i] |= 1UL << (key & 63);
            }

            ContentPrefix[i + 1] = ContentPrefix[i] + Content[i];
            for (int k = 0; k < PunctuationClasses; k++)
            {
                PunctuationPrefix[((i + 1) * PunctuationClasses) + k] = PunctuationPrefix[(i * PunctuationClasses) + k] + ((Punctuation[i] >> (4 * k)) & 15);
            }
        }
    }

    /// <summary>Paragraph index of each sentence (all 0 for pre-split text or paragraph-level features).</summary>
    public int[] Paragraph { get; }

    /// <summary>Non-white-space characters.</summary>
    public int[] Length { get; }

    /// <summary>Keys of sentence i are <c>Keys[KeyStart[i]..KeyStart[i+1]]</c>, sorted, unique.</summary>
    public int[] KeyStart { get; }

    public int[] Keys { get; }

    /// <summary>Content words (keys that can match) per sentence.</summary>
    public int[] Content { get; }

    public int[] NumberStart { get; }

    /// <summary>Number keys, sorted (duplicates kept).</summary>
    public long[] Numbers { get; }

    /// <summary>Packed punctuation counts: 4 bits each for ? ! quotes colon parentheses.</summary>
    public int[] Punctuation { get; }

    public ReadOnlySpan<int> KeysOf(int i) => Keys.AsSpan(KeyStart[i], KeyStart[i + 1] - KeyStart[i]);

    public ReadOnlySpan<long> NumbersOf(int i) => Numbers.AsSpan(NumberStart[i], NumberStart[i + 1] - NumberStart[i]);

    /// <summary>Shared keys of two sorted unique key lists.</summary>
    public static int Overlap(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        int i = 0, j = 0, n = 0;
        while (i < a.Length && j < b.Length)
        {
            int x = a[i], y = b[j];
            if (x == y)
            {
                n++;
                i++;
                j++;
            }
            else if (x < y)
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return n;
    }

    /// <summary>Shared numbers of two sorted lists, and the numbers left unmatched on either side.</summary>
    public static (int Shared, int Unmatched) CompareNumbers(ReadOnlySpan<long> a, ReadOnlySpan<long> b)
    {
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                shared++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return (shared, a.Length + b.Length - 2 * shared);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int PunctuationDifference(int a, int b)
    {
        int d = 0;
        for (int shift = 0; shift < 20; shift += 4)
        {
            d += Math.Abs(((a >> shift) & 15) - ((b >> shift) & 15));
        }

        return d;
    }

    public static int AddPunctuation(int a, int b)
    {
        int r = 0;
        for (int shift = 0; shift < 20; shift += 4)
        {
            r |= Math.Min(15, ((a >> shift) & 15) + ((b >> shift) & 15)) << shift;
        }

        return r;
    }
}

/// <summary>Computes <see cref="SentenceFeatures"/> for a document.</summary>
internal static class FeatureExtractor
{
    private const int NumberKeyBase = BilingualLexicon.UnknownKeyBase;

    private static readonly System.Buffers.SearchValues<char> ChineseFunctionChars =
        System.Buffers.SearchValues.Create("的了是在和与也就都而及着把被这那他她它们我你之其等或但并又为以于从对将让给个地得所则即该此");

    /// <summary>Sentences per block of the parallel extraction (blocks are joined in order, so the result never depends on scheduling).</summary>
    private const int BlockSentences = 2048;

    public static SentenceFeatures Extract(Document doc, BilingualLexicon lexicon, Glossary glossary, CancellationToken cancellationToken = default) =>
        Extract(doc, lexicon, glossary, null, cancellationToken);

    /// <summary>The features of every sentence of <paramref name="doc"/>; a Chinese document's words also get their learned translations from <paramref name="learned"/>.</summary>
    public static SentenceFeatures Extract(Document doc, BilingualLexicon lexicon, Glossary glossary, LexiconOverlay? learned, CancellationToken cancellationToken)
    {
        int n = doc.Sentences.Count;
        var length = new int[n];
        var keyStart = new int[n + 1];
        var content = new int[n];
        var numberStart = new int[n + 1];
        var punctuation = new int[n];
        var paragraph = new int[n];
        var condensed = new bool[n];
        int blocks = (n + BlockSentences - 1) / BlockSentences;
        var blockKeys = new int[blocks][];
        var blockNumbers = new long[blocks][];
        Parallel.For(0, blocks, new ParallelOptions { CancellationToken = cancellationToken }, block =>
        {
            // keyStart/numberStart hold each sentence's counts here; they become offsets below.
            int first = block * BlockSentences, last = Math.Min(n, first + BlockSentences);
            var keys = new List<int>((last - first) * 12);
            var numbers = new List<long>(last - first);
            var sentenceKeys = new List<int>(64);
            var sentenceNumbers = new List<long>(8);
            bool chinese = doc.Language == Language.Chinese;
            char[] lower = new char[256];
            for (int s = first; s < last; s++)
            {
                if ((s & 511) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                ReadOnlySpan<char> text = doc.SentenceSpan(s);
                length[s] = CountNonSpace(text);
                content[s] = TextKeys(text, chinese, lexicon, glossary, sentenceKeys, sentenceNumbers, ref lower, learned);
                numbers.AddRange(sentenceNumbers);
                numberStart[s + 1] = sentenceNumbers.Count;
                int before = keys.Count;
                keys.AddRange(sentenceKeys);
                keyStart[s + 1] = keys.Count - before;
                content[s] = Math.Max(content[s], keys.Count - before > 0 ? 1 : 0);
                punctuation[s] = Punctuation(text);
                paragraph[s] = doc.Sentences[s].Paragraph;
                condensed[s] = chinese && HasCondensedTerm(text);
            }

            blockKeys[block] = [.. keys];
            blockNumbers[block] = [.. numbers];
        });

        for (int s = 0; s < n; s++)
        {
            keyStart[s + 1] += keyStart[s];
            numberStart[s + 1] += numberStart[s];
        }

        return new SentenceFeatures(n, length, keyStart, Join(blockKeys, keyStart[n]), content, numberStart, Join(blockNumbers, numberStart[n]), punctuation, paragraph, condensed);

        static T[] Join<T>(T[][] parts, int total)
        {
            var all = new T[total];
            int at = 0;
            foreach (T[] part in parts)
            {
                part.CopyTo(all, at);
                at += part.Length;
            }

            return all;
        }
    }

    /// <summary>
    /// The keys of any text as <see cref="Extract(Document, BilingualLexicon, Glossary, LexiconOverlay?, CancellationToken)"/> computes them for a sentence: <paramref name="keys"/> receives the
    /// sorted unique lexical and number keys, <paramref name="numbers"/> the sorted numbers; returns the content-word count.
    /// </summary>
    internal static int TextKeys(ReadOnlySpan<char> text, bool chinese, BilingualLexicon lexicon, Glossary glossary, List<int> keys, List<long> numbers, ref char[] lower, LexiconOverlay? learned = null)
    {
        keys.Clear();
        numbers.Clear();
        int content = chinese
            ? ChineseKeys(text, lexicon, glossary, learned, keys)
            : EnglishKeys(text, lexicon, glossary, keys, ref lower);
        NumberExtractor.Extract(text, numbers);
        foreach (long number in numbers)
        {
            keys.Add(NumberKey(number));
        }

        numbers.Sort();
        keys.Sort();
        int unique = 0;
        for (int k = 0; k < keys.Count; k++)
        {
            if (k == 0 || keys[k] != keys[unique - 1])
            {
                keys[unique++] = keys[k];
            }
        }

        keys.RemoveRange(unique, keys.Count - unique);
        return content;
    }

    /// <summary>The lexical key of a number (<see cref="NumberExtractor.Key"/>), as <see cref="TextKeys"/> adds it.</summary>
    internal static int NumberKey(long number) => NumberKeyBase | (int)((ulong)number.GetHashCode() & (NumberKeyBase - 1));

    private static readonly System.Buffers.SearchValues<char> ChineseNumerals = System.Buffers.SearchValues.Create("一二两三四五六七八九十百千");

    /// <summary>Pronouns and particles: a quoted phrase with one is speech (“我们一起努力”), not an abbreviation.</summary>
    private static readonly System.Buffers.SearchValues<char> SpeechChars = System.Buffers.SearchValues.Create("我你他她它们的了吗呢吧啊是");

    /// <summary>
    /// A quoted term of two to six Han characters with a numeral among other characters (“两学一做”, “四风”,
    /// “约法三章”, “两不愁三保障”), not a number or plan name alone (“十三五”) nor quoted speech (“我们一起努力”).
    /// </summary>
    internal static bool HasCondensedTerm(ReadOnlySpan<char> text)
    {
        int open;
        while ((open = text.IndexOf('“')) >= 0)
        {
            text = text[(open + 1)..];
            int close = text.IndexOf('”');
            if (close < 0)
            {
                return false;
            }

            ReadOnlySpan<char> term = text[..close];
            text = text[(close + 1)..];
            if (IsCondensedTerm(term))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the text between a pair of Chinese quotation marks is a numbered abbreviation (see <see cref="HasCondensedTerm"/>).</summary>
    internal static bool IsCondensedTerm(ReadOnlySpan<char> term)
    {
        if (term.Length is < 2 or > 6 || !term.ContainsAny(ChineseNumerals) || term.IndexOfAnyExcept(ChineseNumerals) < 0 || term.ContainsAny(SpeechChars))
        {
            return false;
        }

        foreach (char c in term)
        {
            if (!CharClass.IsHan(c))
            {
                return false;
            }
        }

        return true;
    }

    private static int CountNonSpace(ReadOnlySpan<char> text)
    {
        int count = 0;
        foreach (char c in text)
        {
            if (!char.IsWhiteSpace(c) && !char.IsLowSurrogate(c))
            {
                count++;
            }
        }

        return count;
    }

    private static int EnglishKeys(ReadOnlySpan<char> text, BilingualLexicon lexicon, Glossary glossary, List<int> keys, ref char[] lower)
    {
        int contentWords = 0;
        Span<char> buffer = stackalloc char[64];
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiLetter(text[i]))
            {
                i++;
                continue;
            }

            int e = i;
            while (e < text.Length && (char.IsAsciiLetterOrDigit(text[e]) || (text[e] is '\'' or '’' && e + 1 < text.Length && char.IsAsciiLetter(text[e + 1]))))
            {
                e++;
            }

            ReadOnlySpan<char> word = text[i..e];
            if (word.Length <= buffer.Length)
            {
                int len = EnglishWords.Normalize(word, buffer);
                if (len > 0)
                {
                    keys.Add(lexicon.KeyOf(buffer[..len]));
                    contentWords++;
                }
            }

            i = e;
        }

        if (glossary.English.Length > 0)
        {
            if (lower.Length < text.Length)
            {
                lower = new char[text.Length * 2];
            }

            Span<char> l = lower.AsSpan(0, text.Length);
            text.ToLowerInvariant(l);
            foreach ((string term, int id) in glossary.English)
            {
                if (ContainsWord(l, term))
                {
                    AddGlossaryKeys(keys, id);
                }
            }
        }

        return contentWords;
    }

    private static bool ContainsWord(ReadOnlySpan<char> text, string term)
    {
        int from = 0;
        while (from < text.Length)
        {
            int at = text[from..].IndexOf(term, StringComparison.Ordinal);
            if (at < 0)
            {
                return false;
            }

            at += from;
            int end = at + term.Length;
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return true;
            }

            from = at + 1;
        }

        return false;
    }

    // Glossary terms get two keys each, so a glossary match weighs twice a dictionary match.
    private static void AddGlossaryKeys(List<int> keys, int id)
    {
        keys.Add(-2 * id - 1);
        keys.Add(-2 * id - 2);
    }

    /// <summary>Forward maximum matching against the glossary and the dictionary; Latin tokens keep their English key; learned translations (<paramref name="learned"/>) add to a word's keys.</summary>
    private static int ChineseKeys(ReadOnlySpan<char> text, BilingualLexicon lexicon, Glossary glossary, LexiconOverlay? learned, List<int> keys)
    {
        int contentWords = 0;
        Span<char> buffer = stackalloc char[64];
        int i = 0;
        while (NextChineseToken(text, ref i, lexicon, glossary, out int start, out ChineseToken kind, out ReadOnlySpan<int> wordKeys, out int gid))
        {
            ReadOnlySpan<char> word = text[start..i];
            switch (kind)
            {
                case ChineseToken.Latin:
                    if (word.Length <= buffer.Length && EnglishWords.Normalize(word, buffer) is int len and > 0)
                    {
                        keys.Add(lexicon.KeyOf(buffer[..len]));
                        contentWords++;
                    }

                    break;
                case ChineseToken.Glossary:
                    AddGlossaryKeys(keys, gid);
                    contentWords++;
                    break;
                default:
                    // A dictionary word, or a Han character the dictionary does not know (evidence only when learned).
                    ReadOnlySpan<int> extra = learned is null ? default : learned.KeysOf(word);
                    if (kind == ChineseToken.Word || !extra.IsEmpty)
                    {
                        keys.AddRange(wordKeys);
                        keys.AddRange(extra);
                        contentWords++;
                    }

                    break;
            }
        }

        return contentWords;
    }

    /// <summary>What <see cref="NextChineseToken"/> found.</summary>
    internal enum ChineseToken
    {
        /// <summary>A run of ASCII letters and digits (a Latin name or acronym).</summary>
        Latin,

        /// <summary>A dictionary headword (the longest at this place).</summary>
        Word,

        /// <summary>A glossary term.</summary>
        Glossary,

        /// <summary>A Han character that starts no headword.</summary>
        Unknown,
    }

    /// <summary>
    /// The next token of Chinese text from <paramref name="i"/> on, as the features read it: forward maximum matching
    /// against the glossary and the dictionary (at equal length the glossary wins), Latin runs, and Han characters
    /// the dictionary does not know; function characters alone (的, 了, 是 …) and other characters are skipped.
    /// Returns false at the end; otherwise the token is <c>text[start..i]</c>.
    /// </summary>
    internal static bool NextChineseToken(ReadOnlySpan<char> text, ref int i, BilingualLexicon lexicon, Glossary glossary, out int start, out ChineseToken kind, out ReadOnlySpan<int> wordKeys, out int glossaryId)
    {
        wordKeys = default;
        glossaryId = 0;
        while (i < text.Length)
        {
            char c = text[i];
            start = i;
            if (char.IsAsciiLetter(c))
            {
                while (i < text.Length && char.IsAsciiLetterOrDigit(text[i]))
                {
                    i++;
                }

                kind = ChineseToken.Latin;
                return true;
            }

            if (!Text.CharClass.IsHan(c) || (ChineseFunctionChars.Contains(c) && (i + 1 >= text.Length || !lexicon.Contains(text.Slice(i, 2)))))
            {
                i++; // 的, 了, 是 … alone carry no alignment evidence
                continue;
            }

            ReadOnlySpan<char> rest = text[i..];
            int matched = lexicon.LongestMatch(rest, out wordKeys);
            for (int len = Math.Min(glossary.MaxChineseLength, rest.Length); len >= Math.Max(1, matched); len--)
            {
                if (glossary.TryMatchChinese(rest[..len], out glossaryId))
                {
                    i += len;
                    kind = ChineseToken.Glossary;
                    wordKeys = default;
                    return true;
                }
            }

            i += Math.Max(1, matched);
            kind = matched > 0 ? ChineseToken.Word : ChineseToken.Unknown;
            return true;
        }

        start = i;
        kind = default;
        return false;
    }

    private static int Punctuation(ReadOnlySpan<char> text)
    {
        int q = 0, x = 0, quote = 0, colon = 0, paren = 0;
        foreach (char c in text)
        {
            switch (c)
            {
                case '?' or '？': q++; break;
                case '!' or '！': x++; break;
                case '“' or '「' or '『' or '"': quote++; break;
                case ':' or '：': colon++; break;
                case '(' or '（': paren++; break;
            }
        }

        return Math.Min(q, 15) | (Math.Min(x, 15) << 4) | (Math.Min(quote, 15) << 8) | (Math.Min(colon, 15) << 12) | (Math.Min(paren, 15) << 16);
    }
}
