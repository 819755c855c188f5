using System.Buffers;

namespace CyberGov.Align.Scoring;

/// <summary>
/// English word normalisation shared by the dictionary and the documents, so that both sides meet on the same keys:
/// lower case, a light suffix stripper (plural, -ed, -ing, -ly), and a stop list of function words.
/// </summary>
public static class EnglishWords
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "onto", "upon", "as", "and",
        "or", "but", "nor", "so", "if", "than", "then", "that", "this", "these", "those", "there", "here", "it", "its",
        "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "done", "have", "has", "had",
        "having", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "not", "no", "i", "me",
        "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her", "they", "them", "their", "what",
        "which", "who", "whom", "whose", "when", "where", "why", "how", "all", "any", "some", "such", "very", "too",
        "also", "just", "only", "about", "over", "under", "up", "down", "out", "off", "again", "once", "each", "both",
        "s", "sb", "sth", "etc", "esp", "lit", "fig", "e", "g", "i.e", "e.g", "one", "oneself", "used", "something",
        "someone", "somebody", "kind", "sort", "type", "person", "thing", "way", "make", "get", "go", "come", "take",
        "put", "give", "let", "abbr", "old", "variant", "see", "same", "as", "ie", "via", "per", "within", "without",
        "while", "though", "although", "because", "since", "until", "after", "before", "during", "between", "among",
        "through", "against", "toward", "towards", "cl", "measure", "word", "classifier", "particle", "etc.", "itself",
        "himself", "herself", "themselves", "ourselves", "yourself", "more", "most", "much", "many", "other", "another",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StopLookup = StopWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Whether a lower-case word is a function word that carries no alignment evidence.</summary>
    /// <param name="lower">The word in lower case.</param>
    /// <returns>True for stop words.</returns>
    public static bool IsStopWord(ReadOnlySpan<char> lower) => StopLookup.Contains(lower);

    /// <summary>
    /// The next word of <paramref name="text"/> from <paramref name="i"/> on: a run of ASCII letters and digits that
    /// starts with a letter. Returns false when there is none; otherwise <paramref name="start"/> is where it starts and
    /// <paramref name="i"/> where it ends.
    /// </summary>
    internal static bool NextWord(ReadOnlySpan<char> text, ref int i, out int start)
    {
        while (i < text.Length && !char.IsAsciiLetter(text[i]))
        {
            i++;
        }

        start = i;
        while (i < text.Length && char.IsAsciiLetterOrDigit(text[i]))
        {
            i++;
        }

        return i > start;
    }

    /// <summary>
    /// Lower-cases <paramref name="word"/> into <paramref name="buffer"/> and strips a regular suffix; returns the
    /// length of the key written, or 0 for a stop word or a word too short to count.
    /// </summary>
    /// <param name="word">A token of letters (and apostrophes).</param>
    /// <param name="buffer">At least <c>word.Length</c> characters.</param>
    /// <returns>The key's length in <paramref name="buffer"/>, 0 when the word is not a content word.</returns>
    public static int Normalize(ReadOnlySpan<char> word, Span<char> buffer)
    {
        int n = 0;
        foreach (char c in word)
        {
            if (c is '\'' or '’')
            {
                break; // drop 's, 't and other clitics
            }

            buffer[n++] = char.ToLowerInvariant(c);
        }

        Span<char> w = buffer[..n];
        if (n < 2 || IsStopWord(w))
        {
            return 0;
        }

        return Stem(w);
    }

    /// <summary>A light, deterministic stemmer: enough to meet "countries"/"country", "called"/"call".</summary>
    private static int Stem(Span<char> w)
    {
        int n = w.Length;
        if (n > 4 && w.EndsWith("ies"))
        {
            w[n - 3] = 'y';
            return n - 2;
        }

        if (n > 5 && w.EndsWith("ing"))
        {
            n -= 3;
            return n > 2 && w[n - 1] == w[n - 2] && !IsVowel(w[n - 1]) && w[n - 1] != 'l' && w[n - 1] != 's' ? n - 1 : n;
        }

        if (n > 4 && w.EndsWith("ied"))
        {
            w[n - 3] = 'y';
            return n - 2;
        }

        if (n > 4 && w.EndsWith("ed"))
        {
            n -= 2;
            if (n > 2 && w[n - 1] == w[n - 2] && !IsVowel(w[n - 1]) && w[n - 1] != 'l' && w[n - 1] != 's')
            {
                return n - 1;
            }

            return n;
        }

        if (n > 4 && w.EndsWith("ly"))
        {
            return n - 2;
        }

        if (n > 4 && (w.EndsWith("sses") || w.EndsWith("shes") || w.EndsWith("ches") || w.EndsWith("xes")))
        {
            return n - 2;
        }

        if (n > 3 && w[n - 1] == 's' && w[n - 2] is not ('s' or 'u' or 'i'))
        {
            n--;
        }

        // "make"/"made" and "use"/"used" meet at the stem without the final e.
        if (n > 3 && w[n - 1] == 'e')
        {
            n--;
        }

        return n;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    private static readonly SearchValues<char> WordChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'’");

    /// <summary>Calls <paramref name="onWord"/> for every run of ASCII letters/digits (with inner apostrophes) in a text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="state">State passed to the callback.</param>
    /// <param name="onWord">Receives (state, word, start index).</param>
    /// <typeparam name="TState">State type.</typeparam>
    public static void ForEachWord<TState>(ReadOnlySpan<char> text, TState state, WordAction<TState> onWord)
    {
        ArgumentNullException.ThrowIfNull(onWord);
        int i = 0;
        while (i < text.Length)
        {
            int s = text[i..].IndexOfAny(WordChars);
            if (s < 0)
            {
                return;
            }

            s += i;
            int e = s;
            while (e < text.Length && WordChars.Contains(text[e]))
            {
                e++;
            }

            onWord(state, text[s..e], s);
            i = e;
        }
    }
}

/// <summary>Receives one word found by <see cref="EnglishWords.ForEachWord{TState}"/>.</summary>
/// <typeparam name="TState">State type.</typeparam>
/// <param name="state">The state.</param>
/// <param name="word">The word.</param>
/// <param name="start">Its index in the text.</param>
public delegate void WordAction<in TState>(TState state, ReadOnlySpan<char> word, int start);
