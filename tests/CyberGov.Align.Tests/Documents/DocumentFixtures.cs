using System.Globalization;
using System.Net;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CyberGov.Align.Tests.Documents;

/// <summary>
/// The forms users receive a text in, made from its paragraphs: a web page with the site's navigation, scripts,
/// share buttons, comment form and footer around the text, and a Word file.
/// </summary>
internal static class DocumentFixtures
{
    /// <summary>A web page: the first paragraph as the title heading, the rest as paragraphs, inside a news site's furniture.</summary>
    public static string Html(IReadOnlyList<string> paragraphs, string lang)
    {
        string body = Body(paragraphs);
        return $$"""
            <!DOCTYPE html>
            <html lang="{{lang}}">
            <head>
              <meta charset="utf-8">
              <title>Speeches | Example News</title>
              <script>window.dataLayer = [];  document.write("<p>script text is not text</p>");</script>
              <style>p { line-height: 1.6 } .share a::before { content: "Share" }</style>
            </head>
            <body>
              <header class="site-header"><a class="logo" href="/">Example News</a>
                <nav><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li><li><a href="/world">World</a></li></ul></nav>
              </header>
              <div class="breadcrumb"><a href="/">Home</a> &gt; <a href="/speeches">Speeches</a></div>
              <main>
                <article>
            {{body}}    <div class="share-buttons"><a href="#">Weibo</a> <a href="#">WeChat</a> <a href="#">Twitter</a></div>
                </article>
              </main>
              <aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Another story</a></li></ul></aside>
              <section id="comments"><h3>Leave a Reply</h3><form><textarea name="c"></textarea><button>Post Comment</button></form></section>
              <footer><p>Copyright © 2023 Example News. All rights reserved.</p><p><a href="/about">About us</a></p></footer>
              <script src="/app.js"></script>
            </body>
            </html>
            """;
    }

    /// <summary>
    /// A web page laid out with divs only, as many Chinese portals are (no main or article element): the reader must
    /// find the text by its density among the menus, breadcrumbs, related links, comments and footer.
    /// </summary>
    public static string HtmlDivLayout(IReadOnlyList<string> paragraphs, string lang)
    {
        string body = Body(paragraphs);
        return $$"""
            <!DOCTYPE html>
            <html lang="{{lang}}">
            <head><meta charset="utf-8"><title>新闻中心 | Example Portal</title><script>var _hmt = [];</script></head>
            <body>
            <div id="top-bar"><a href="/">首页 Home</a> | <a href="/login">登录 Login</a></div>
            <div class="header"><div class="menu"><a href="/news">新闻 News</a><a href="/gov">政务 Government</a></div></div>
            <div class="breadcrumb">当前位置 You are here: <a href="/">首页</a> &gt; 正文</div>
            <div class="wrap">
              <div class="content" id="text">
            {{body}}  </div>
              <div class="share">分享到 Share: <a>微博</a> <a>微信</a></div>
              <div class="related"><h3>相关新闻 Related</h3><ul><li><a href="/n/1">另一条新闻，关于城市建设和交通，还有很多内容。 Another story about the city, its traffic, and much more.</a></li></ul></div>
              <div class="comment-box"><form><textarea></textarea><input type="submit" value="发表评论"></form></div>
            </div>
            <div class="footer"><p>版权所有 © Example Portal 2023，保留所有权利。 All rights reserved, everywhere.</p></div>
            </body>
            </html>
            """;
    }

    /// <summary>The paragraphs as markup: the first as the title heading, the rest as paragraphs, one per line.</summary>
    public static string Body(IEnumerable<string> paragraphs)
    {
        var body = new StringBuilder();
        int i = 0;
        foreach (string p in paragraphs)
        {
            string tag = i++ == 0 ? "h1" : "p";
            body.Append(CultureInfo.InvariantCulture, $"    <{tag}>{WebUtility.HtmlEncode(p)}</{tag}>\n");
        }

        return body.ToString();
    }

    /// <summary>The paragraphs of a plain-text file (blocks separated by blank lines).</summary>
    public static string[] Paragraphs(string path) =>
        File.ReadAllText(path).ReplaceLineEndings("\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A Word file with one Word paragraph per paragraph.</summary>
    public static byte[] Docx(IReadOnlyList<string> paragraphs) => Docx(body =>
    {
        foreach (string p in paragraphs)
        {
            body.Append(new Paragraph(new Run(new DocumentFormat.OpenXml.Wordprocessing.Text(p) { Space = SpaceProcessingModeValues.Preserve })));
        }
    });

    /// <summary>A Word file whose body is filled by <paramref name="fill"/> (and numbering definitions, for lists).</summary>
    public static byte[] Docx(Action<Body> fill, Action<MainDocumentPart>? parts = null)
    {
        using var stream = new MemoryStream();
        using (WordprocessingDocument document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            MainDocumentPart main = document.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            fill(body);
            parts?.Invoke(main);
            main.Document.Save();
        }

        return stream.ToArray();
    }
}
