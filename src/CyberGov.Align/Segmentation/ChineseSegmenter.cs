using CyberGov.Align.Text;
using static CyberGov.Align.Segmentation.SegmentationRules;

namespace CyberGov.Align.Segmentation;

/// <summary>
/// Chinese sentence splitter: ends sentences on 。！？, ……/… and half-width ! ? (and ；when enabled); closing quotes and
/// brackets stay with the sentence they close; never splits inside 《…》, 「…」 or 『…』; Latin text and numbers inside
/// Chinese are kept intact (an English period splits only before white space, as in English). Allocation-free.
/// </summary>
public sealed class ChineseSegmenter : ISentenceSegmenter
{
    private readonly AbbreviationSet _abbreviations;
    private readonly bool _semicolon;

    /// <summary>Creates the segmenter.</summary>
    /// <param name="options">Settings; null for defaults.</param>
    public ChineseSegmenter(SegmenterOptions? options = null)
    {
        options ??= SegmenterOptions.Default;
        _abbreviations = options.Abbreviations;
        _semicolon = options.ChineseSemicolonEndsSentence;
    }

    /// <inheritdoc/>
    public Language Language => Language.Chinese;

    /// <inheritdoc/>
    public void Segment(ReadOnlySpan<char> paragraph, int offset, ICollection<TextSpan> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        ReadOnlySpan<char> t = paragraph;
        int n = t.Length;
        int start = SkipSpace(t, 0);
        int titleDepth = 0; // inside 《》 「」 『』
        int i = start;
        while (i < n)
        {
            char c = t[i];
            switch (c)
            {
                case '《' or '「' or '『' or '〈':
                    titleDepth++;
                    i++;
                    continue;
                case '》' or '」' or '』' or '〉':
                    if (titleDepth > 0)
                    {
                        titleDepth--;
                    }

                    i++;
                    continue;
            }

            if (!IsTerminal(c) || titleDepth > 0)
            {
                i++;
                continue;
            }

            if (c == '.' && !LatinPeriodEnds(t, start, i))
            {
                i++;
                continue;
            }

            // Text with spaces between characters ("生 。 ”", web copies and tokenised corpora) segments as
            // without them: spaces before a further full-width terminal or a curly/full-width closer are skipped.
            int j = i + 1;
            while (true)
            {
                while (j < n && (IsTerminal(t[j]) || (t[j] == ' ' && t[j - 1] == '.' && j + 1 < n && t[j + 1] == '.')))
                {
                    j++; // a run of terminals, including a spaced ellipsis ". . ."
                }

                int spaced = SkipSpacesBefore(t, j, fullWidthTerminal: true);
                if (spaced == j)
                {
                    break;
                }

                j = spaced;
            }

            int k = SkipSpacesBefore(t, j, fullWidthTerminal: false);
            while (k < n && IsCloser(t[k]))
            {
                if (t[k] is '》' or '」' or '』' or '〉')
                {
                    if (titleDepth == 0)
                    {
                        break; // a stray closer; leave it
                    }

                    titleDepth--;
                }

                k++;
                k = SkipSpacesBefore(t, k, fullWidthTerminal: false);
            }

            int next = SkipSpace(t, k);
            if (next >= n)
            {
                break;
            }

            // ……， or ！” followed by a comma-like mark: the sentence goes on.
            if (t[next] is '，' or '、' or ',' or '：' or ':' or '；' or ';' or '—' or '）' or ')')
            {
                i = next;
                continue;
            }

            Emit(t, start, k, offset, output);
            start = next;
            i = next;
        }

        Emit(t, start, n, offset, output);
    }

    /// <summary>
    /// The position after the white space at <paramref name="i"/> when a full-width terminal (or, with
    /// <paramref name="fullWidthTerminal"/> false, a closer other than a straight quote) follows it; else <paramref name="i"/>.
    /// </summary>
    private int SkipSpacesBefore(ReadOnlySpan<char> t, int i, bool fullWidthTerminal)
    {
        int s = SkipSpace(t, i);
        if (s == i || s >= t.Length)
        {
            return i;
        }

        char c = t[s];
        bool take = fullWidthTerminal ? c != '.' && c > '\u007F' && IsTerminal(c) : IsCloser(c) && c is not ('"' or '\'');
        return take ? s : i;
    }

    private bool IsTerminal(char c) =>
        c is '。' or '！' or '？' or '!' or '?' or '…' or '｡' or '‼' or '⁇' or '⁈' or '⁉' or '.' || (_semicolon && c == '；');

    /// <summary>A half-width period in Chinese text ends a sentence only as in English: before white space, not after an abbreviation or inside a number.</summary>
    private bool LatinPeriodEnds(ReadOnlySpan<char> t, int sentenceStart, int dot)
    {
        int after = dot + 1;
        if (after < t.Length && t[after] == '.' || after + 1 < t.Length && t[after] == ' ' && t[after + 1] == '.')
        {
            return true; // "..." or ". . ." used as an ellipsis
        }

        if (dot > 0 && t[dot - 1] == '.')
        {
            return true;
        }

        if (after < t.Length && !CharClass.IsSpace(t[after]) && !CharClass.IsHan(t[after]))
        {
            return false; // 3.5, www.gov.cn
        }

        if (dot == 0 || !CharClass.IsAsciiLetter(t[dot - 1]))
        {
            return dot > 0 && CharClass.IsHan(t[dot - 1]) && (after >= t.Length || CharClass.IsSpace(t[after]));
        }

        ReadOnlySpan<char> token = TokenBefore(t, dot);
        int next = SkipSpace(t, after);
        ReadOnlySpan<char> nextWord = next < t.Length ? WordAt(t, next) : [];
        if (next < t.Length && CharClass.IsHan(t[next]))
        {
            // Before Chinese text only a plain word ends a sentence: not U.S., P.D.A.S. or an initial.
            return _abbreviations.Classify(token) == AbbreviationKind.None && token.Length > 1 && !token.Contains('.');
        }

        return PeriodEndsSentence(token, dot - token.Length <= sentenceStart, nextWord, _abbreviations);
    }
}
