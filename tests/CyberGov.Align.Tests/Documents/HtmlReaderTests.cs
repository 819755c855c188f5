using CyberGov.Align.Documents;
using CyberGov.Align.Text;

namespace CyberGov.Align.Tests.Documents;

public sealed class HtmlReaderTests
{
    private static List<SourceParagraph> Read(string html) => HtmlReader.Read(html, "page.html").Paragraphs;

    [Fact]
    public void Only_the_main_text_is_read_from_a_news_page()
    {
        string[] text = ["Speech at the Opening Ceremony", "Ladies and gentlemen, dear friends.", "It is a great pleasure to be here & to see you all."];
        List<SourceParagraph> paragraphs = Read(DocumentFixtures.Html(text, "en"));
        Assert.Equal(text, paragraphs.Select(p => p.Text));
        Assert.Equal(["body/main/article/h1", "body/main/article/p[1]", "body/main/article/p[2]"], paragraphs.Select(p => p.Origin));
    }

    [Fact]
    public void Headings_list_items_and_table_cells_are_paragraphs()
    {
        const string html = """
            <html><body>
            <h2>First, we <em>kept</em> growth stable.</h2>
            <ul><li>Jobs rose.</li><li>Prices held.<ul><li>Food prices fell.</li></ul></li></ul>
            <table><tr><th>Year</th><td>GDP grew 6.7%.</td></tr></table>
            <div>Loose text in a div.<p>A paragraph inside it.</p>More loose text.</div>
            </body></html>
            """;
        Assert.Equal(
            ["First, we kept growth stable.", "Jobs rose.", "Prices held.", "Food prices fell.", "Year", "GDP grew 6.7%.", "Loose text in a div.", "A paragraph inside it.", "More loose text."],
            Read(html).Select(p => p.Text));
    }

    [Fact]
    public void One_br_is_a_line_break_and_two_end_a_paragraph_and_Chinese_lines_join_without_a_space()
    {
        const string html = "<html><body><p>第一行文字<br>接着写完。<br><br>  <br>第二段开始。</p><p>Line one<br>\n line two.</p></body></html>";
        List<SourceParagraph> paragraphs = Read(html);
        Assert.Equal(["第一行文字\n接着写完。", "第二段开始。", "Line one\nline two."], paragraphs.Select(p => p.Text));

        Document doc = Document.FromParagraphs(paragraphs.Take(2), Language.Chinese);
        Assert.Equal("第一行文字接着写完。", doc.SentenceText(0));
        Assert.Equal("Line one line two.", Document.FromParagraphs(paragraphs.Skip(2), Language.English).SentenceText(0));
    }

    [Fact]
    public void Entities_are_decoded_and_ideographic_spaces_kept()
    {
        List<SourceParagraph> paragraphs = Read("<html><body><p>Tom &amp; Jerry&nbsp;&#x4E2D;&#22269; &lt;ok&gt;</p><p>国务院总理　李克强</p></body></html>");
        Assert.Equal(["Tom & Jerry\u00A0中国 <ok>", "国务院总理　李克强"], paragraphs.Select(p => p.Text));
    }

    [Fact]
    public void Furniture_marked_by_role_hidden_or_class_words_is_dropped()
    {
        const string html = """
            <html><body>
            <div role="navigation">Home | About</div>
            <div class="post-content"><p>The real text.</p></div>
            <div class="social-share">Share this</div>
            <p hidden>Hidden text.</p>
            <div id="cookie-banner">We use cookies.</div>
            <p aria-hidden="true">Decoration.</p>
            </body></html>
            """;
        Assert.Equal(["The real text."], Read(html).Select(p => p.Text));
    }

    [Fact]
    public void An_articles_own_header_is_text_but_the_sites_header_and_footer_are_not()
    {
        const string html = "<html><body><header><h1>News Site</h1></header><article><header><h1>The Title</h1></header><p>The story.</p><footer>Filed under speeches.</footer></article><footer>Copyright</footer></body></html>";
        Assert.Equal(["The Title", "The story.", "Filed under speeches."], Read(html).Select(p => p.Text));
    }

    [Fact]
    public void The_longest_article_is_the_main_text_when_there_is_no_main_element()
    {
        const string html = "<html><body><article><p>Short teaser.</p></article><article><p>The long article text, which is the story itself.</p><p>Second paragraph.</p></article></body></html>";
        Assert.Equal(["The long article text, which is the story itself.", "Second paragraph."], Read(html).Select(p => p.Text));
    }

    [Fact]
    public void A_paragraph_of_invisible_spaces_is_dropped_not_an_error()
    {
        Document doc = DocumentLoader.Load(System.Text.Encoding.UTF8.GetBytes("<html><body><p>First.</p><p>\u200B</p><p>Second.</p></body></html>"), "z.html", Language.English);
        Assert.Equal(2, doc.Paragraphs.Count);
        Assert.Equal("body/p[3]", doc.ParagraphOrigin(1));
    }

    [Fact]
    public void A_page_without_main_text_is_an_error_naming_the_file()
    {
        var ex = Assert.Throws<InputFormatException>(() => HtmlReader.Read("<html><body><nav>Home</nav><script>x()</script></body></html>", "empty.html"));
        Assert.Contains("empty.html", ex.Message, StringComparison.Ordinal);
        Assert.Contains("no main text", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_lang_attribute_decides_only_when_the_script_says_nothing()
    {
        byte[] numbers = System.Text.Encoding.UTF8.GetBytes("<html lang=\"zh-CN\"><body><p>2023</p></body></html>");
        Assert.Equal(Language.Chinese, DocumentLoader.Load(numbers, "n.html").Language);

        // A Chinese page mislabelled as English (a common template default) is still Chinese.
        byte[] chinese = System.Text.Encoding.UTF8.GetBytes("<html lang=\"en\"><body><p>我们要坚持稳中求进工作总基调。</p></body></html>");
        Assert.Equal(Language.Chinese, DocumentLoader.Load(chinese, "c.html").Language);
    }
}
