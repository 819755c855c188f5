using CyberGov.Align.Text;
using static CyberGov.Align.Segmentation.SegmentationRules;

namespace CyberGov.Align.Segmentation;

/// <summary>
/// Rule-based English sentence splitter: ends sentences on . ! ? and ellipses followed by white space, keeps closing
/// quotes and brackets with their sentence, and does not split after abbreviations, initials, list markers, inside
/// numbers, URLs and e-mail addresses, or before a lower-case word ("…," she said). Allocation-free.
/// </summary>
public sealed class EnglishSegmenter : ISentenceSegmenter
{
    /// <summary>Characters that make a token part of a dotted name, address or code rather than a word.</summary>
    private static readonly System.Buffers.SearchValues<char> DottedNameMarks = System.Buffers.SearchValues.Create(@".@/:\_=<>");

    private readonly AbbreviationSet _abbreviations;

    /// <summary>Creates the segmenter.</summary>
    /// <param name="options">Settings; null for defaults.</param>
    public EnglishSegmenter(SegmenterOptions? options = null)
    {
        _abbreviations = (options ?? SegmenterOptions.Default).Abbreviations;
    }

    /// <inheritdoc/>
    public Language Language => Language.English;

    /// <inheritdoc/>
    public void Segment(ReadOnlySpan<char> paragraph, int offset, ICollection<TextSpan> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ReadOnlySpan<char> t = paragraph;
        int n = t.Length;
        int start = SkipSpace(t, 0);
        int i = start;
        while (i < n)
        {
            int found = t[i..].IndexOfAny(".!?…‽");
            if (found < 0)
            {
                break;
            }

            i += found;
            int runStart = i;
            int j = ScanTerminalRun(t, i, out bool hasDots, out bool strong);
            int k = j;
            while (k < n && IsCloser(t[k]))
            {
                k++;
            }

            // A boundary needs white space (or the end) after the punctuation and its closers, except where a
            // copy lost the space between two sentences ("abroad.However,").
            if (k < n && !CharClass.IsSpace(t[k]))
            {
                if (IsGluedBoundary(t, runStart, j, k))
                {
                    Emit(t, start, k, offset, output);
                    start = k;
                }

                i = j;
                continue;
            }

            int next = SkipSpace(t, k);
            if (next >= n)
            {
                break; // end of paragraph: emitted below
            }

            if (IsBoundary(t, start, runStart, j, k, next, hasDots, strong))
            {
                Emit(t, start, k, offset, output);
                start = next;
            }

            i = next;
        }

        Emit(t, start, n, offset, output);
    }

    /// <summary>Consumes . ! ? … and spaced ellipses (". . .") from <paramref name="i"/>.</summary>
    private static int ScanTerminalRun(ReadOnlySpan<char> t, int i, out bool ellipsis, out bool strong)
    {
        int n = t.Length;
        int dots = 0;
        ellipsis = false;
        strong = false;
        int j = i;
        while (j < n)
        {
            char c = t[j];
            if (c == '.')
            {
                dots++;
                j++;
            }
            else if (c is '!' or '?' or '‽')
            {
                strong = true;
                j++;
            }
            else if (c == '…')
            {
                ellipsis = true;
                j++;
            }
            else if (c == ' ' && dots > 0 && j + 1 < n && t[j + 1] == '.' && (dots > 1 || (j + 2 < n && t[j + 2] == ' ')))
            {
                // ". . ." — a spaced ellipsis
                j++;
            }
            else
            {
                break;
            }
        }

        if (dots >= 2)
        {
            ellipsis = true;
        }

        return j;
    }

    /// <summary>
    /// A sentence end that lost its following space: one . ! ? or … right after a plain word of two or more letters
    /// (or a number), then a capitalised word in lower case after its first letter ("abroad.However,",
    /// "in 2016.The", "said.”We", "conventions…No"). Not inside dotted names, URLs or code ("e.g.The", "www.Example", "System.Text",
    /// "Console.WriteLine"), and not after an abbreviation.
    /// </summary>
    private bool IsGluedBoundary(ReadOnlySpan<char> t, int runStart, int runEnd, int next)
    {
        if (runEnd - runStart != 1 || runStart < 2 || !char.IsUpper(t[next]))
        {
            return false;
        }

        ReadOnlySpan<char> word = WordAt(t, next);
        if (word.Length < 2 || word.Length > 1 && !char.IsLower(word[1]) || HasInnerUpper(word))
        {
            return false;
        }

        int after = next + word.Length;
        if (after < t.Length && t[after] is '.' or '(' or '/' or '_' or '=' or '<')
        {
            return false; // System.Text.Json, Console.WriteLine(, paths and markup
        }

        ReadOnlySpan<char> token = TokenBefore(t, runStart);
        if (token.Length < 2 || token.ContainsAny(DottedNameMarks) || HasInnerUpper(token))
        {
            return false;
        }

        char last = token[^1];
        bool plain = char.IsLower(last) || (char.IsDigit(last) && token.Length >= 2 && !char.IsLetter(token[0]));
        return plain && _abbreviations.Classify(token) == AbbreviationKind.None;

        static bool HasInnerUpper(ReadOnlySpan<char> w)
        {
            for (int x = 1; x < w.Length; x++)
            {
                if (char.IsUpper(w[x]))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>One letter or up to three digits followed by "." or ")" and a space: <c>b.</c>, <c>2)</c>.</summary>
    private static bool IsListMarker(ReadOnlySpan<char> t, int at)
    {
        int end = at;
        while (end < t.Length && end - at < 3 && char.IsAsciiDigit(t[end]))
        {
            end++;
        }

        if (end == at && end < t.Length && char.IsAsciiLetterLower(t[end]))
        {
            end++;
        }

        return end > at && end + 1 < t.Length && t[end] is '.' or ')' && CharClass.IsSpace(t[end + 1]);
    }

    private bool IsBoundary(ReadOnlySpan<char> t, int sentenceStart, int runStart, int runEnd, int closersEnd, int next, bool ellipsis, bool strong)
    {
        char nc = t[next];

        // A straight quote standing alone after the punctuation ("It works. " at the end) closes this sentence.
        if (nc is '"' or '\'' && (next + 1 >= t.Length || CharClass.IsSpace(t[next + 1])))
        {
            return false;
        }

        // "a. First. b. Second." — a list marker opens the next item.
        if (IsListMarker(t, next) && _abbreviations.Classify(TokenBefore(t, runStart)) != AbbreviationKind.NonTerminal)
        {
            return true;
        }

        // "…," she said / "Why?" he asked / a list continues in lower case.
        if (char.IsLower(nc))
        {
            return false;
        }

        if (strong || ellipsis)
        {
            return true;
        }

        // A single period.
        if (closersEnd > runEnd)
        {
            // ." or .) — the closer confirms a sentence end unless an abbreviation sits inside the quote: rare.
            return true;
        }

        ReadOnlySpan<char> token = TokenBefore(t, runStart);
        bool tokenStartsSentence = runStart - token.Length <= sentenceStart;
        ReadOnlySpan<char> nextWord = WordAt(t, next);
        if (nextWord.IsEmpty)
        {
            // Followed by a quote, bracket, bullet or symbol: a new sentence unless the period closed an abbreviation.
            return _abbreviations.Classify(token) != AbbreviationKind.NonTerminal && !(token.Length == 1 && char.IsUpper(token[0]));
        }

        if (char.IsDigit(nextWord[0]))
        {
            // "No. 5", "p. 12", "Fig. 3" are caught as abbreviations; otherwise a number may open a sentence.
            return _abbreviations.Classify(token) == AbbreviationKind.None && token.Length > 1;
        }

        return PeriodEndsSentence(token, tokenStartsSentence, nextWord, _abbreviations);
    }
}
