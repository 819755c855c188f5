using CyberGov.Align.Segmentation;

namespace CyberGov.Align.Text;

/// <summary>Splits text into paragraphs by lines, then paragraphs into sentences.</summary>
internal static class DocumentParser
{
    public static Document Parse(string text, Language language, DocumentOptions options)
    {
        string name = options.Name ?? "<text>";
        language = ResolveLanguage(text, language, options, name);
        ISentenceSegmenter segmenter = Segmenters.For(language, options.Segmenter);

        var paragraphs = new List<Paragraph>();
        var sentences = new List<Sentence>();
        var spans = new List<TextSpan>();

        int line = 1;          // line number at position pos
        int pos = 0;
        int paraStart = -1, paraEnd = -1, paraLine = 0, paraFirstSentence = 0;

        while (pos <= text.Length)
        {
            int nl = pos < text.Length ? text.AsSpan(pos).IndexOfAny('\n', '\r') : -1;
            int lineEnd = nl < 0 ? text.Length : pos + nl;
            ReadOnlySpan<char> lineText = text.AsSpan(pos, lineEnd - pos);
            int first = IndexOfNonSpace(lineText);
            bool blank = first < 0;

            if (blank)
            {
                Flush();
            }
            else
            {
                int last = LastIndexOfNonSpace(lineText);
                int s = pos + first, e = pos + last + 1;
                if (options.ParagraphMode == ParagraphMode.BlankLines)
                {
                    StartParagraph(s);
                    paraEnd = e;
                }
                else if (options.ParagraphMode == ParagraphMode.Lines)
                {
                    StartParagraph(s);
                    paraEnd = e;
                    Flush();
                }
                else
                {
                    // Pre-split: the line is one sentence; consecutive lines share a paragraph.
                    StartParagraph(s);
                    paraEnd = e;
                    sentences.Add(new Sentence(sentences.Count, paragraphs.Count, TextSpan.FromBounds(s, e), line));
                }
            }

            if (nl < 0)
            {
                break;
            }

            // Step over \n, \r or \r\n.
            pos = lineEnd + (text[lineEnd] == '\r' && lineEnd + 1 < text.Length && text[lineEnd + 1] == '\n' ? 2 : 1);
            line++;
        }

        Flush();
        return new Document(text, language, paragraphs.ToArray(), sentences.ToArray(), options.Name);

        void Flush()
        {
            if (paraStart < 0)
            {
                return;
            }

            if (options.ParagraphMode != ParagraphMode.PreSplit)
            {
                spans.Clear();
                segmenter.Segment(text.AsSpan(paraStart, paraEnd - paraStart), paraStart, spans);
                int sentenceLine = paraLine;
                int lineCursor = paraStart;
                foreach (TextSpan span in spans)
                {
                    sentenceLine += text.AsSpan(lineCursor, span.Start - lineCursor).Count('\n');
                    lineCursor = span.Start;
                    sentences.Add(new Sentence(sentences.Count, paragraphs.Count, span, sentenceLine));
                }
            }

            paragraphs.Add(new Paragraph(paragraphs.Count, TextSpan.FromBounds(paraStart, paraEnd), paraFirstSentence, sentences.Count - paraFirstSentence, paraLine));
            paraStart = -1;
        }

        void StartParagraph(int start)
        {
            if (paraStart < 0)
            {
                paraStart = start;
                paraLine = line;
                paraFirstSentence = sentences.Count;
            }
        }
    }

    private static Language ResolveLanguage(string text, Language language, DocumentOptions options, string name)
    {
        LanguageDetector.CountScripts(text, out int han, out int latinWords);
        Language detected = LanguageDetector.Detect(han, latinWords);
        if (language == Language.Unknown)
        {
            if (detected == Language.Unknown && text.AsSpan().Trim().Length > 0)
            {
                throw new InputFormatException(name, 0, -1, "cannot tell the language: the text has neither Han nor Latin letters; give the language explicitly");
            }

            return detected == Language.Unknown ? Language.English : detected; // empty text: any segmenter will do
        }

        // Only a clear contradiction is refused: mixed text (an English text quoting Chinese, a Chinese one naming
        // products) keeps its declared language.
        bool contradicts = language == Language.Chinese ? han * 4L < latinWords : han > latinWords * 2L;
        if (!options.ForceLanguage && contradicts)
        {
            throw new InputFormatException(name, 0, -1,
                $"declared {language} but written in {Other(language)} script ({han:N0} Han characters, {latinWords:N0} Latin words); declare {Other(language).ToCode()}, or force the declared language (cyberalign: --force-lang)");
        }

        return language;
    }

    private static Language Other(Language language) => language == Language.Chinese ? Language.English : Language.Chinese;

    private static int IndexOfNonSpace(ReadOnlySpan<char> s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            if (!CharClass.IsSpace(s[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static int LastIndexOfNonSpace(ReadOnlySpan<char> s)
    {
        for (int i = s.Length - 1; i >= 0; i--)
        {
            if (!CharClass.IsSpace(s[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
