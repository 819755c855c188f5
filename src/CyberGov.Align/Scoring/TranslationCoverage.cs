using System.Buffers;

namespace CyberGov.Align.Scoring;

/// <summary>
/// Character n-gram profiles of many texts in one flat array (n = 1..<see cref="MaxN"/>, lower-cased, white space
/// removed), each profile a sorted run of keys whose top bits hold n; with a dictionary, also the text's content words
/// (keys marked <see cref="WordN"/>): Chinese as the features segment it (dictionary words, Latin runs, Han
/// characters the dictionary lacks), English as stems without stop words. Built once; read without allocation.
/// </summary>
internal sealed class CharNGrams
{
    /// <summary>Longest n-gram.</summary>
    public const int MaxN = 4;

    private readonly int[] _start;
    private readonly ulong[] _keys;
    private readonly bool[] _present;

    private CharNGrams(int[] start, ulong[] keys, bool[] present)
    {
        _start = start;
        _keys = keys;
        _present = present;
    }

    public int Count => _present.Length;

    /// <summary>The n of a word key (content words, not character n-grams).</summary>
    public const int WordN = 7;

    /// <summary>Profiles of the texts; a null text has no profile (<see cref="Has"/> is false).</summary>
    public static CharNGrams Build(IReadOnlyList<string?> texts) => Build(texts, null, null);

    /// <summary>Profiles of the texts with their content words read through <paramref name="lexicon"/> (none when null).</summary>
    public static CharNGrams Build(IReadOnlyList<string?> texts, BilingualLexicon? lexicon, Glossary? glossary)
    {
        var start = new int[texts.Count + 1];
        var present = new bool[texts.Count];
        var keys = new List<ulong>();
        Span<char> window = stackalloc char[MaxN];
        for (int i = 0; i < texts.Count; i++)
        {
            string? text = texts[i];
            present[i] = text is not null;
            int first = keys.Count;
            int filled = 0;
            foreach (char raw in text ?? string.Empty)
            {
                if (char.IsWhiteSpace(raw))
                {
                    continue;
                }

                // shift the window of the last MaxN characters
                if (filled == MaxN)
                {
                    window[1..].CopyTo(window);
                    filled--;
                }

                window[filled++] = char.ToLowerInvariant(raw);
                for (int n = 1; n <= filled; n++)
                {
                    keys.Add(Key(window[(filled - n)..filled], n));
                }
            }

            if (lexicon is not null && text is not null)
            {
                AddWords(text, lexicon, glossary ?? Glossary.Empty, keys);
            }

            keys.Sort(first, keys.Count - first, null);
            start[i + 1] = keys.Count;
        }

        return new CharNGrams(start, [.. keys], present);
    }

    /// <summary>Adds a key per content word of <paramref name="text"/>: the word's characters hashed (a Chinese word as the dictionary segments it, an English word as its stem).</summary>
    private static void AddWords(string text, BilingualLexicon lexicon, Glossary glossary, List<ulong> keys)
    {
        Span<char> buffer = stackalloc char[64];
        ReadOnlySpan<char> span = text;
        if (span.ContainsAnyInRange('\u4E00', '\u9FFF'))
        {
            int i = 0;
            while (FeatureExtractor.NextChineseToken(span, ref i, lexicon, glossary, out int start, out FeatureExtractor.ChineseToken kind, out _, out _))
            {
                ReadOnlySpan<char> word = span[start..i];
                if (kind != FeatureExtractor.ChineseToken.Latin)
                {
                    keys.Add(Key(word, WordN));
                }
                else if (word.Length <= buffer.Length && EnglishWords.Normalize(word, buffer) is int len and > 0)
                {
                    keys.Add(Key(buffer[..len], WordN));
                }
            }

            return;
        }

        EnglishWords.ForEachWord(span, keys, static (list, word, _) =>
        {
            Span<char> stem = stackalloc char[64];
            if (word.Length <= stem.Length && EnglishWords.Normalize(word, stem) is int len and > 0)
            {
                list.Add(Key(stem[..len], WordN));
            }
        });
    }

    public bool Has(int i) => _present[i];

    public ReadOnlySpan<ulong> Of(int i) => _keys.AsSpan(_start[i], _start[i + 1] - _start[i]);

    /// <summary>The n of a key.</summary>
    public static int N(ulong key) => (int)(key >> 61);

    /// <summary>The key of a character gram (<paramref name="n"/> its length) or a word (<paramref name="n"/> = <see cref="WordN"/>): its lower-cased characters hashed (FNV-1a), n in the top bits.</summary>
    private static ulong Key(ReadOnlySpan<char> text, int n)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in text)
        {
            h = (h ^ char.ToLowerInvariant(c)) * 1099511628211UL;
        }

        return ((ulong)n << 61) | (h & ((1UL << 61) - 1));
    }
}

/// <summary>
/// How well a machine translation of a bead's source side and the bead's target side cover each other, sentence by
/// sentence: for each target sentence, the share of its content words (or, without any, of its character n-grams,
/// n = 2..4) found in the translation of the bead's source sentences; for each source sentence, the share of its
/// translation's words found in the bead's target sentences. Summed over the sentences, so every sentence counts once,
/// in the bead that holds it: a sentence put in the wrong bead scores low, whatever the bead's shape.
/// </summary>
internal static class TranslationCoverage
{
    /// <summary>Sum of the sentences' coverages and their mean, for the translations [h0, h0 + hc) and the targets [r0, r0 + rc).</summary>
    public static (double Sum, double Mean) Score(CharNGrams translations, int h0, int hc, CharNGrams targets, int r0, int rc)
    {
        ulong[]? rentedH = null, rentedR = null;
        try
        {
            ReadOnlySpan<ulong> h = Joined(translations, h0, hc, ref rentedH);
            ReadOnlySpan<ulong> r = Joined(targets, r0, rc, ref rentedR);
            double sum = 0;
            for (int k = h0; k < h0 + hc; k++)
            {
                sum += Covered(translations.Of(k), r);
            }

            for (int k = r0; k < r0 + rc; k++)
            {
                sum += Covered(targets.Of(k), h);
            }

            return (sum, sum / (hc + rc));
        }
        finally
        {
            if (rentedH is not null)
            {
                ArrayPool<ulong>.Shared.Return(rentedH);
            }

            if (rentedR is not null)
            {
                ArrayPool<ulong>.Shared.Return(rentedR);
            }
        }
    }

    /// <summary>
    /// How much of <paramref name="sentence"/> is found in <paramref name="other"/> (both sorted): the share of its
    /// content words found when it has words (profiles built with a dictionary), otherwise the share of its n ≥ 2
    /// character grams found (with multiplicity). Words count what the n-grams blur: in English, grams of common endings
    /// and fragments ("nations"/"station") match across unrelated sentences and grams across word boundaries depend on
    /// word order; in Chinese a two-character word is one unit, not three grams. (Measured: the n-grams averaged with
    /// the words changed no bead on aca or mag; the words alone gained two beads on mag.)
    /// </summary>
    private static double Covered(ReadOnlySpan<ulong> sentence, ReadOnlySpan<ulong> other)
    {
        int grams = 0, gramsFound = 0, words = 0, wordsFound = 0, i = 0, j = 0;
        while (i < sentence.Length)
        {
            ulong a = sentence[i];
            int n = CharNGrams.N(a);
            if (n < 2)
            {
                i++;
                continue;
            }

            bool word = n == CharNGrams.WordN;
            grams += word ? 0 : 1;
            words += word ? 1 : 0;
            while (j < other.Length && other[j] < a)
            {
                j++;
            }

            if (j < other.Length && other[j] == a)
            {
                gramsFound += word ? 0 : 1;
                wordsFound += word ? 1 : 0;
                j++;
            }

            i++;
        }

        double share = grams == 0 ? 0 : (double)gramsFound / grams;
        return words == 0 ? share : (double)wordsFound / words;
    }

    private static ReadOnlySpan<ulong> Joined(CharNGrams profiles, int start, int count, ref ulong[]? rented)
    {
        if (count == 1)
        {
            return profiles.Of(start);
        }

        int total = 0;
        for (int k = start; k < start + count; k++)
        {
            total += profiles.Of(k).Length;
        }

        rented = ArrayPool<ulong>.Shared.Rent(Math.Max(1, total));
        int at = 0;
        for (int k = start; k < start + count; k++)
        {
            ReadOnlySpan<ulong> run = profiles.Of(k);
            run.CopyTo(rented.AsSpan(at));
            at += run.Length;
        }

        Span<ulong> joined = rented.AsSpan(0, total);
        joined.Sort();
        return joined;
    }
}
