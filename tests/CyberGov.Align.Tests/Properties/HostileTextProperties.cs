using System.Text;
using CsCheck;
using CyberGov.Align.Alignment;
using CyberGov.Align.Segmentation;
using CyberGov.Align.Tests.Alignment;
using CyberGov.Align.Text;

namespace CyberGov.Align.Tests.Properties;

/// <summary>
/// Property tests over readers, segmenters and the aligner with hostile text: random Unicode, mixed scripts, control
/// characters, lone surrogates, megabyte lines and deep repetition. Every run must end in a clear
/// <see cref="InputFormatException"/> or in a result that keeps every character (segmenters) and covers every sentence
/// exactly once, in order (aligner), with work linear in the input (counted as searched grid cells, never timed).
/// Cases come from CsCheck generators driven by a fixed PCG stream, so the suite is deterministic; a failure names its
/// case number and seed.
/// </summary>
public sealed class HostileTextProperties
{
    /// <summary>Pieces of text as found in the wild, weighted towards the troublesome ones.</summary>
    private static readonly Gen<string> Piece = Gen.Frequency(
        (6, Gen.Char['\u4E00', '\u9FA5'].Array[1, 12].Select(c => new string(c))),                      // Han
        (5, Gen.Char['a', 'z'].Array[1, 9].Select(c => new string(c))),                                   // Latin words
        (2, Gen.Char['A', 'Z'].Select(c => c.ToString())),
        (8, Gen.OneOf(Gen.Const("。"), Gen.Const(". "), Gen.Const("? "), Gen.Const("！"), Gen.Const("…"), Gen.Const("\n\n"), Gen.Const(".\n"))), // sentence ends
        (3, Gen.Char["。！？；，、：“”‘’《》「」（）…—"].Select(c => c.ToString())),                       // Chinese marks
        (4, Gen.Char[".!?,;:'\"()[]-/@%$"].Select(c => c.ToString())),                                   // ASCII marks
        (4, Gen.Char[" \t\u3000\u00A0\u2028\n\r"].Select(c => c.ToString())),                             // white space, breaks
        (2, Gen.Int[0, 99999].Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))), // numbers
        (1, Gen.Char['\0', '\u001F'].Select(c => c.ToString())),                                         // control characters
        (1, Gen.Char['\uD800', '\uDFFF'].Select(c => c.ToString())),                                     // lone surrogates
        (1, Gen.Const("😀")),                                                                             // a surrogate pair
        (1, Gen.Char['\u0300', '\u036F'].Select(c => c.ToString())),                                     // combining marks
        (1, Gen.Char['\u0600', '\u06FF'].Select(c => c.ToString())),                                     // another script
        (1, Gen.Const("https://www.gov.cn/zhengce/2017.htm")),
        (1, Gen.Const("\uFEFF")));

    private static readonly Gen<string> Texts = Piece.Array[0, 120].Select(p => string.Concat(p));

    /// <summary>Runs <paramref name="check"/> on <paramref name="count"/> cases drawn from a fixed PCG stream.</summary>
    private static void ForAll<T>(Gen<T> gen, int count, Action<T> check, Func<T, string>? describe = null)
    {
        for (int k = 0; k < count; k++)
        {
            var pcg = new PCG(20261126, (ulong)k);
            T value = gen.Generate(pcg, null, out _);
            try
            {
                check(value);
            }
            catch (Exception e)
            {
                string shown = describe?.Invoke(value) ?? value?.ToString() ?? "null";
                throw new Xunit.Sdk.XunitException($"case {k} (PCG stream 20261126, seed {k}) failed: {e.Message}\ninput: {Escape(shown)}");
            }
        }
    }

    private static string Escape(string s)
    {
        var sb = new StringBuilder();
        foreach (char c in s.Length > 400 ? s[..400] : s)
        {
            sb.Append(c < ' ' || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString());
        }

        return sb.ToString();
    }

    /// <summary>Spans in order, inside the text, trimmed, and together holding every non-white-space character.</summary>
    private static void AssertCoverage(string text, List<TextSpan> spans)
    {
        int covered = 0, end = 0;
        foreach (TextSpan s in spans)
        {
            Assert.True(s.Length > 0, "empty sentence");
            Assert.True(s.Start >= end, $"sentence at {s.Start} overlaps or precedes the one ending at {end}");
            Assert.True(s.Start + s.Length <= text.Length, "sentence past the end");
            Assert.False(char.IsWhiteSpace(text[s.Start]) || char.IsWhiteSpace(text[s.Start + s.Length - 1]), "sentence not trimmed");
            for (int i = end; i < s.Start; i++)
            {
                Assert.True(CharClass.IsSpace(text[i]) || char.IsWhiteSpace(text[i]), $"character U+{(int)text[i]:X4} at {i} lost between sentences");
            }

            covered += s.Length;
            end = s.Start + s.Length;
        }

        for (int i = end; i < text.Length; i++)
        {
            Assert.True(CharClass.IsSpace(text[i]) || char.IsWhiteSpace(text[i]), $"character U+{(int)text[i]:X4} at {i} lost after the last sentence");
        }
    }

    [Theory]
    [InlineData(Language.Chinese)]
    [InlineData(Language.English)]
    public void Segmenters_keep_every_character_in_order(Language language)
    {
        ISentenceSegmenter segmenter = Segmenters.For(language);
        var spans = new List<TextSpan>();
        int sentences = 0, multi = 0;
        ForAll(Texts, 400, text =>
        {
            spans.Clear();
            segmenter.Segment(text, 0, spans);
            AssertCoverage(text, spans);
            sentences += spans.Count;
            multi += spans.Count > 1 ? 1 : 0;
        });
        Assert.True(sentences > 1000 && multi > 100, $"the generator is too tame: {sentences} sentences, {multi} texts with several");
    }

    [Fact]
    public void Reading_random_bytes_gives_a_document_or_a_clear_error_naming_the_file()
    {
        var gb18030 = (Encoding)DocumentReader.GB18030.Clone();
        gb18030.EncoderFallback = EncoderFallback.ReplacementFallback; // lone surrogates become '?'
        Gen<byte[]> bytes = Gen.Frequency(
            (3, Gen.Byte.Array[0, 2000]),
            (5, Texts.Select(t => Encoding.UTF8.GetBytes(t))),
            (1, Texts.Select(t => gb18030.GetBytes(t))),
            (1, Texts.Select(t => Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(t)).ToArray())));
        int documents = 0, errors = 0;
        ForAll(bytes, 400, data =>
        {
            try
            {
                Document doc = DocumentReader.Read(data, "input.txt", Language.Unknown, new ReadOptions { AllowEmpty = true });
                documents++;
                Assert.All(doc.Sentences, s => Assert.InRange(s.Span.Start + s.Span.Length, 0, doc.Text.Length));
                for (int k = 1; k < doc.Sentences.Count; k++)
                {
                    Assert.True(doc.Sentences[k].Span.Start >= doc.Sentences[k - 1].Span.Start + doc.Sentences[k - 1].Span.Length);
                    Assert.True(doc.Sentences[k].Line >= doc.Sentences[k - 1].Line);
                }
            }
            catch (InputFormatException e)
            {
                Assert.Contains("input.txt", e.Message, StringComparison.Ordinal);
                errors++;
            }
        }, d => Convert.ToHexString(d.AsSpan(0, Math.Min(d.Length, 200))));
        Assert.True(documents > 100 && errors > 20, $"{documents} documents, {errors} refused: both outcomes must be exercised");
    }

    [Fact]
    public void Any_two_texts_align_with_every_sentence_exactly_once()
    {
        Aligner aligner = new AlignerBuilder().Build();
        var options = new DocumentOptions { ForceLanguage = true };
        long beads = 0;
        ForAll(Gen.Select(Texts, Texts), 150, pair =>
        {
            Document zh = Document.Parse(pair.Item1, Language.Chinese, options);
            Document en = Document.Parse(pair.Item2, Language.English, options);
            AlignmentResult r = aligner.Align(zh, en);
            AlignmentAssert.CoversEverySentenceOnceInOrder(r);
            beads += r.Beads.Count;
        }, p => p.Item1 + " ||| " + p.Item2);
        Assert.True(beads > 500, $"only {beads} beads over all cases");
    }

    [Fact]
    public void A_megabyte_line_without_punctuation_aligns_and_keeps_every_character()
    {
        string zh = string.Concat(Enumerable.Repeat("我们要发展经济和改善民生", 90_000)); // ~1.1 M characters, one line
        string en = string.Concat(Enumerable.Repeat("we must develop the economy and improve lives ", 23_000));
        Document z = Document.Parse(zh, Language.Chinese), e = Document.Parse(en, Language.English);
        Assert.Equal(zh.Length, z.Sentences.Sum(s => s.Span.Length));
        AlignmentResult r = new AlignerBuilder().Build().Align(z, e);
        AlignmentAssert.CoversEverySentenceOnceInOrder(r);
    }

    [Theory]
    [InlineData(ParagraphMode.PreSplit)]
    [InlineData(ParagraphMode.BlankLines)]
    public void Deep_repetition_costs_work_linear_in_its_length(ParagraphMode mode)
    {
        // The same tiny sentence thousands of times (nothing to anchor on, every pair alike), as lines or paragraphs.
        Aligner aligner = new AlignerBuilder().Build();
        long Cells(int n)
        {
            string sep = mode == ParagraphMode.PreSplit ? "\n" : "\n\n";
            var options = new DocumentOptions { ParagraphMode = mode };
            Document zh = Document.Parse(string.Concat(Enumerable.Repeat("好。" + sep, n)), Language.Chinese, options);
            Document en = Document.Parse(string.Concat(Enumerable.Repeat("Good." + sep, n + (n / 10))), Language.English, options);
            AlignmentResult r = aligner.Align(zh, en);
            AlignmentAssert.CoversEverySentenceOnceInOrder(r);
            return (long)r.Statistics[Aligner.SearchCellsStatistic];
        }

        long small = Cells(5_000), large = Cells(20_000);
        double perSentence = (double)large / (20_000 + 22_000);
        Assert.True(large <= 4.6 * small, $"work grew {large / (double)small:F2}× for 4× the input ({small} → {large} cells)");
        Assert.True(perSentence < 200, $"{perSentence:F0} cells per sentence");
    }

    [Fact]
    public void A_very_long_region_without_anchors_is_searched_in_joined_stretches()
    {
        // 70,000 rows with nothing to anchor on: more than two stretches, searched in parallel and joined.
        var options = new DocumentOptions { ParagraphMode = ParagraphMode.PreSplit };
        var zhText = new StringBuilder();
        var enText = new StringBuilder();
        for (int k = 0; k < 70_000; k++)
        {
            zhText.Append(k % 7 == 0 ? "好的。\n" : "好。\n");
            enText.Append(k % 7 == 0 ? "All right.\n" : "Good.\n");
            if (k % 50 == 0)
            {
                enText.Append("Yes.\n"); // an addition now and then
            }
        }

        AlignmentResult r = new AlignerBuilder().Build().Align(
            Document.Parse(zhText.ToString(), Language.Chinese, options),
            Document.Parse(enText.ToString(), Language.English, options));
        AlignmentAssert.CoversEverySentenceOnceInOrder(r);
        Assert.True(r.Beads.Count(b => b.SourceCount == 1 && b.TargetCount == 1) > 65_000);
        Assert.True((long)r.Statistics[Aligner.SearchCellsStatistic] < 200L * (70_000 + 71_400));
    }

    [Fact]
    public void Random_texts_cost_bounded_work_per_sentence()
    {
        Aligner aligner = new AlignerBuilder().Build();
        var options = new DocumentOptions { ForceLanguage = true };
        Gen<(string, string)> bigPair = Gen.Select(Texts.Array[20, 60], Texts.Array[20, 60])
            .Select((a, b) => (string.Join("\n\n", a), string.Join("\n\n", b)));
        ForAll(bigPair, 20, pair =>
        {
            Document zh = Document.Parse(pair.Item1, Language.Chinese, options);
            Document en = Document.Parse(pair.Item2, Language.English, options);
            AlignmentResult r = aligner.Align(zh, en);
            AlignmentAssert.CoversEverySentenceOnceInOrder(r);
            long cells = (long)r.Statistics[Aligner.SearchCellsStatistic];
            long n = zh.Sentences.Count, m = en.Sentences.Count;
            // At most two passes over the whole grid (paragraph pass aside), and a bounded number of cells per sentence.
            Assert.True(cells <= (3 * (n + 1) * (m + 1)) + 16, $"{cells} cells for a {n} × {m} grid");
            Assert.True(cells <= 600 * (n + m + 1), $"{cells} cells for {n} + {m} sentences");
        }, p => p.Item1.Length + " / " + p.Item2.Length + " chars");
    }
}
