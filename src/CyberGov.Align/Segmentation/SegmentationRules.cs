using System.Buffers;
using CyberGov.Align.Text;

namespace CyberGov.Align.Segmentation;

/// <summary>Character sets and helpers shared by the two segmenters.</summary>
internal static class SegmentationRules
{
    /// <summary>Closing quotes and brackets that stay with the sentence they close.</summary>
    public static readonly SearchValues<char> Closers = SearchValues.Create("\"'”’)]}»›」』）》】〕〉］｝〗〙\u300F");

    /// <summary>Capitalised words that usually open a sentence (after an ambiguous abbreviation or an initial).</summary>
    private static readonly HashSet<string> Openers = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "In", "It", "He", "She", "We", "They", "I", "This", "That", "These", "Those", "But", "And",
        "However", "On", "At", "For", "As", "If", "When", "There", "His", "Her", "Its", "Our", "Their", "What", "Why",
        "How", "Who", "After", "Before", "Since", "While", "Although", "Yet", "So", "Then", "Now", "Some", "Many",
        "Most", "One", "Such", "Also", "Today", "Still", "Meanwhile", "Each", "All", "Both", "Yes", "No", "You",
        "My", "Your", "Thus", "Moreover", "Furthermore", "Nevertheless", "Instead", "Under", "By", "With", "From",
        "Only", "Even", "Here", "Every", "To", "Despite", "Because", "Other", "Another", "Last", "Next", "Later",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> OpenerLookup = Openers.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsCloser(char c) => Closers.Contains(c);

    /// <summary>The word that starts at <paramref name="start"/> (letters, digits, apostrophes).</summary>
    public static ReadOnlySpan<char> WordAt(ReadOnlySpan<char> text, int start)
    {
        int end = start;
        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] == '\''))
        {
            end++;
        }

        return text[start..end];
    }

    public static bool IsOpener(ReadOnlySpan<char> word) => OpenerLookup.Contains(word);

    /// <summary>
    /// The token that ends just before a period at <paramref name="dot"/>: back to white space or an opening
    /// quote/bracket, e.g. <c>U.S</c> in "the U.S. economy" or <c>Mr</c> in "(Mr. Li".
    /// </summary>
    public static ReadOnlySpan<char> TokenBefore(ReadOnlySpan<char> text, int dot)
    {
        int s = dot;
        while (s > 0)
        {
            char p = text[s - 1];
            if (CharClass.IsSpace(p) || p is '(' or '[' or '{' or '"' or '“' or '‘' or '«' or '—' or '–' || CharClass.IsHan(p))
            {
                break;
            }

            s--;
        }

        return text[s..dot];
    }

    /// <summary>
    /// Whether a single period after <paramref name="token"/> ends a sentence, given the word that follows
    /// (empty at the end of the paragraph). Handles abbreviations, initials and list markers.
    /// </summary>
    public static bool PeriodEndsSentence(ReadOnlySpan<char> token, bool tokenStartsSentence, ReadOnlySpan<char> nextWord, AbbreviationSet abbreviations)
    {
        if (token.IsEmpty || nextWord.IsEmpty)
        {
            return true;
        }

        switch (abbreviations.Classify(token))
        {
            case AbbreviationKind.NonTerminal:
                return false;
            case AbbreviationKind.Ambiguous:
                return IsOpener(nextWord);
        }

        // A single letter is an initial (Jonas E. Smith) unless a typical opener follows.
        if (token.Length == 1 && char.IsLetter(token[0]))
        {
            return tokenStartsSentence ? false : IsOpener(nextWord);
        }

        // Letters separated by periods (U.S.A, e.g, Ph.D) are abbreviations.
        if (token.Contains('.') && IsDottedAbbreviation(token))
        {
            return IsOpener(nextWord);
        }

        // A list marker at the start of the sentence: "1. Introduction", "iv. Scope".
        if (tokenStartsSentence && (IsAllDigits(token) || IsRoman(token)) && token.Length <= 4)
        {
            return false;
        }

        return true;
    }

    private static bool IsDottedAbbreviation(ReadOnlySpan<char> token)
    {
        // Every dot-separated part is 1-3 letters.
        foreach (Range r in token.Split('.'))
        {
            ReadOnlySpan<char> part = token[r];
            if (part.Length is 0 or > 3)
            {
                return false;
            }

            foreach (char c in part)
            {
                if (!char.IsLetter(c))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private static bool IsAllDigits(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsRoman(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (c is not ('i' or 'v' or 'x' or 'I' or 'V' or 'X'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Appends the span [start, end) trimmed of white space, if not empty.</summary>
    public static void Emit(ReadOnlySpan<char> text, int start, int end, int offset, ICollection<TextSpan> output)
    {
        while (start < end && CharClass.IsSpace(text[start]))
        {
            start++;
        }

        while (end > start && CharClass.IsSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            output.Add(new TextSpan(offset + start, end - start));
        }
    }

    public static int SkipSpace(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && CharClass.IsSpace(text[i]))
        {
            i++;
        }

        return i;
    }
}
