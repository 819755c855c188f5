using System.Text;
using CyberGov.Align.Text;

namespace CyberGov.Align.Tests.Text;

public sealed class DocumentTests
{
    private const string Alphabet = "abcXYZ  ..!?。！？“”\"()（）《》「」…,，:：;；0123456789\n\n\r\t　Mr.U.S.e.g.你好世界中国";

    [Theory]
    [InlineData(Language.English, 1)]
    [InlineData(Language.English, 2)]
    [InlineData(Language.Chinese, 3)]
    [InlineData(Language.Chinese, 4)]
    public void Sentences_cover_every_paragraph_in_order_with_nothing_lost(Language language, int seed)
    {
        var random = new Random(seed);
        for (int round = 0; round < 400; round++)
        {
            string text = RandomText(random, random.Next(0, 300));
            foreach (ParagraphMode mode in Enum.GetValues<ParagraphMode>())
            {
                Document doc = Document.Parse(text, language, new DocumentOptions { ParagraphMode = mode, ForceLanguage = true });
                AssertCoverage(doc);
            }
        }
    }

    internal static string RandomText(Random random, int length)
    {
        var sb = new StringBuilder(length + 2);
        sb.Append("a中"); // both scripts, so either language is accepted
        for (int i = 0; i < length; i++)
        {
            sb.Append(Alphabet[random.Next(Alphabet.Length)]);
        }

        return sb.ToString();
    }

    internal static void AssertCoverage(Document doc)
    {
        string text = doc.Text;
        int expectedSentence = 0;
        int previousParagraphEnd = 0;
        foreach (Paragraph p in doc.Paragraphs)
        {
            Assert.True(p.Span.Start >= previousParagraphEnd);
            Assert.True(p.SentenceCount >= 1);
            Assert.Equal(expectedSentence, p.FirstSentence);
            Assert.True(text.AsSpan(previousParagraphEnd, p.Span.Start - previousParagraphEnd).IsWhiteSpace());
            int cursor = p.Span.Start;
            for (int s = p.FirstSentence; s < p.FirstSentence + p.SentenceCount; s++)
            {
                Sentence sentence = doc.Sentences[s];
                Assert.Equal(s, sentence.Index);
                Assert.Equal(p.Index, sentence.Paragraph);
                Assert.True(sentence.Span.Length > 0);
                Assert.True(sentence.Span.Start >= cursor, "sentences overlap or go backwards");
                Assert.True(text.AsSpan(cursor, sentence.Span.Start - cursor).IsWhiteSpace(), "text lost between sentences");
                Assert.False(char.IsWhiteSpace(text[sentence.Span.Start]));
                Assert.False(char.IsWhiteSpace(text[sentence.Span.End - 1]));
                cursor = sentence.Span.End;
                expectedSentence++;
            }

            Assert.Equal(p.Span.End, cursor);
            previousParagraphEnd = p.Span.End;
        }

        Assert.True(text.AsSpan(previousParagraphEnd).IsWhiteSpace(), "text lost after the last paragraph");
        Assert.Equal(expectedSentence, doc.Sentences.Count);
    }

    [Fact]
    public void Blank_lines_separate_paragraphs_and_single_breaks_do_not()
    {
        Document doc = Document.Parse("First line\ncontinues here. Second one.\n\n\nNew paragraph.", Language.English);
        Assert.Equal(2, doc.Paragraphs.Count);
        Assert.Equal(["First line\ncontinues here.", "Second one.", "New paragraph."], doc.Sentences.Select(s => doc.SentenceText(s.Index)));
        Assert.Equal([1, 2, 5], doc.Sentences.Select(s => s.Line));
        Assert.Equal(5, doc.Paragraphs[1].Line);
    }

    [Fact]
    public void Line_paragraph_mode_makes_every_line_a_paragraph()
    {
        Document doc = Document.Parse("One. Two.\r\nThree.\r\n\r\nFour.", Language.English, new DocumentOptions { ParagraphMode = ParagraphMode.Lines });
        Assert.Equal(3, doc.Paragraphs.Count);
        Assert.Equal(4, doc.Sentences.Count);
        Assert.Equal(4, doc.Paragraphs[2].Line);
    }

    [Fact]
    public void Presplit_mode_keeps_every_line_as_one_sentence()
    {
        Document doc = Document.Parse("One. Two.\n三。四。\n\nFive", Language.Unknown, new DocumentOptions { ParagraphMode = ParagraphMode.PreSplit });
        Assert.Equal(["One. Two.", "三。四。", "Five"], doc.Sentences.Select(s => doc.SentenceText(s.Index)));
        Assert.Equal(2, doc.Paragraphs.Count);
        Assert.Equal([1, 2, 4], doc.Sentences.Select(s => s.Line));
    }

    [Theory]
    [InlineData("Hello world. This is English.", Language.English)]
    [InlineData("你好，世界。这是中文，含有 APEC 和 G20。", Language.Chinese)]
    [InlineData("Xi Jinping (习近平) spoke at length about the internet and governance today.", Language.English)]
    [InlineData("华为发布Mate 60 Pro和MatePad Pro，详见https://consumer.huawei.com/cn/phones/mate60-pro/specs/。", Language.Chinese)]
    [InlineData("我们在翻译工作中使用Microsoft Azure Translator和GitHub Copilot Workspace两款工具。", Language.Chinese)]
    [InlineData("下载地址：www.example.com/downloads/cyberalign-setup-latest-version.zip，邮箱support.team@example.com。", Language.Chinese)]
    [InlineData("The slogan 绿水青山就是金山银山 (lucid waters and lush mountains are invaluable assets) was repeated throughout the congress and in every provincial report.", Language.English)]
    public void Language_is_detected_from_the_script(string text, Language expected)
    {
        Assert.Equal(expected, LanguageDetector.Detect(text));
        Assert.Equal(expected, Document.Parse(text).Language);
    }

    [Fact]
    public void A_Chinese_file_without_Han_characters_is_refused()
    {
        var ex = Assert.Throws<InputFormatException>(() => Document.Parse("This is English.", Language.Chinese, new DocumentOptions { Name = "speech.zh.txt" }));
        Assert.Contains("speech.zh.txt", ex.Message, StringComparison.Ordinal);
        Assert.Contains("declared Chinese but written in English script", ex.Message, StringComparison.Ordinal);
        Assert.Throws<InputFormatException>(() => Document.Parse("这是中文。", Language.English));
        Assert.Throws<InputFormatException>(() => Document.Parse("1234 5678 ---", Language.Unknown));
    }

    [Fact]
    public void Empty_text_gives_an_empty_document()
    {
        Document doc = Document.Parse("  \n\n ", Language.Unknown);
        Assert.Empty(doc.Paragraphs);
        Assert.Empty(doc.Sentences);
    }
}
