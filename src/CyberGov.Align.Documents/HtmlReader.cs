using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using CyberGov.Align.Text;

namespace CyberGov.Align.Documents;

/// <summary>
/// The main text of a web page as paragraphs: headings, paragraphs, list items and table cells each become one, with
/// their element path as origin. Navigation, headers and footers of the site, scripts, forms, share buttons, comment
/// sections and other page furniture are dropped; the main region is <c>main</c>, <c>[role=main]</c> or the
/// <c>article</c> with most text when the page marks one, else the body. Two or more <c>&lt;br&gt;</c> in a row end a
/// paragraph, one is a line break inside it. Entities are decoded by the parser (AngleSharp, an HTML5 parser).
/// </summary>
public static class HtmlReader
{
    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "video", "audio",
        "nav", "header", "footer", "aside", "form", "button", "input", "select", "textarea", "dialog", "menu", "head",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "blockquote", "pre", "td", "th", "caption",
        "figcaption", "address", "div", "section", "article", "main", "ul", "ol", "dl", "table", "thead", "tbody",
        "tfoot", "tr", "figure", "hr", "center", "details", "summary", "body", "fieldset", "legend",
    };

    /// <summary>Words in an id or class that mark page furniture (matched as whole words of the attribute).</summary>
    private static readonly string[] FurnitureWords =
    [
        "nav", "navbar", "navigation", "menu", "footer", "header", "masthead", "sidebar", "share", "sharing", "social",
        "comment", "comments", "breadcrumb", "breadcrumbs", "related", "advert", "ads", "ad", "cookie", "banner",
        "subscribe", "newsletter", "copyright", "login", "toolbar", "pagination", "pager", "skip", "print", "widget",
    ];

    private static readonly string[] FurnitureRoles = ["navigation", "banner", "contentinfo", "complementary", "search", "dialog"];

    /// <summary>Reads the main text of an HTML page.</summary>
    /// <param name="html">The page's markup.</param>
    /// <param name="name">The file name, for messages.</param>
    /// <returns>The paragraphs and the language the page declares (its <c>lang</c> attribute), if any.</returns>
    /// <exception cref="InputFormatException">The page has no main text.</exception>
    public static (List<SourceParagraph> Paragraphs, Language DeclaredLanguage) Read(string html, string name)
    {
        ArgumentNullException.ThrowIfNull(html);
        IHtmlDocument document = new HtmlParser().ParseDocument(html);
        IElement root = MainRegion(document);
        var paragraphs = new List<SourceParagraph>();
        var walker = new Walker(paragraphs);
        walker.Block(root, PathOf(root));
        if (paragraphs.Count == 0)
        {
            throw new InputFormatException(name, 0, -1, "is a web page with no main text (only navigation, scripts or markup)");
        }

        return (paragraphs, DeclaredLanguage(root));
    }

    /// <summary>The element holding the page's main text.</summary>
    private static IElement MainRegion(IHtmlDocument document)
    {
        IElement body = document.Body ?? document.DocumentElement;
        IElement? main = body.QuerySelector("main, [role=main]");
        if (main is not null && !IsFurniture(main))
        {
            return main;
        }

        IElement? article = body.QuerySelectorAll("article").Where(a => !IsFurniture(a)).MaxBy(a => a.TextContent.Length);
        return article ?? DensestContainer(body) ?? body;
    }

    /// <summary>
    /// For a page that does not mark its main text: the deepest container (not a paragraph or a table's inside) that
    /// holds most (70%) of the page's prose.
    /// Prose is scored as Readability does: each paragraph of 10 or more characters outside page furniture earns 1,
    /// a point per comma or sentence mark, and up to 3 for its length. Null when nothing scores.
    /// </summary>
    private static IElement? DensestContainer(IElement body)
    {
        var scores = new Dictionary<IElement, double>();
        double total = 0;
        foreach (IElement p in body.QuerySelectorAll("p, pre, td, blockquote"))
        {
            if (Ancestors(p).Any(IsFurniture))
            {
                continue;
            }

            string text = p.TextContent.Trim();
            if (text.Length < 10)
            {
                continue;
            }

            double score = 1 + text.Count(c => c is ',' or '，' or '、' or '。' or '.' or '；' or ';') + Math.Min(text.Length / 100.0, 3);
            total += score;
            foreach (IElement a in Ancestors(p))
            {
                scores[a] = scores.GetValueOrDefault(a) + score;
            }
        }

        if (total == 0)
        {
            return null;
        }

        IElement current = body;
        while (current.Children.FirstOrDefault(c => scores.GetValueOrDefault(c) >= 0.7 * total && c.LocalName is not ("p" or "pre" or "td" or "blockquote" or "tr" or "tbody" or "table")) is { } child)
        {
            current = child;
        }

        return current;
    }

    private static IEnumerable<IElement> Ancestors(IElement e)
    {
        for (IElement? a = e; a is not null; a = a.ParentElement)
        {
            yield return a;
        }
    }

    private static Language DeclaredLanguage(IElement element)
    {
        for (IElement? e = element; e is not null; e = e.ParentElement)
        {
            string? lang = e.GetAttribute("lang") ?? e.GetAttribute("xml:lang");
            if (!string.IsNullOrWhiteSpace(lang))
            {
                return lang.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Language.Chinese
                    : lang.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? Language.English
                    : Language.Unknown;
            }
        }

        return Language.Unknown;
    }

    private static bool IsFurniture(IElement e)
    {
        if (e.LocalName is "header" or "footer" && e.ParentElement?.Closest("article, main, [role=main]") is not null)
        {
            return false; // an article's own header holds its title and byline
        }

        if (Dropped.Contains(e.LocalName) || e.HasAttribute("hidden") || string.Equals(e.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        string? role = e.GetAttribute("role");
        if (role is not null && FurnitureRoles.Contains(role, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        return HasFurnitureWord(e.Id) || HasFurnitureWord(e.ClassName);
    }

    private static bool HasFurnitureWord(string? attribute)
    {
        if (string.IsNullOrEmpty(attribute))
        {
            return false;
        }

        foreach (string word in attribute.Split([' ', '-', '_', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (FurnitureWords.Contains(word, StringComparer.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The element's path from the body: tag names with their id, or a 1-based index among same-named siblings when there are several.</summary>
    private static string PathOf(IElement element)
    {
        var parts = new List<string>();
        for (IElement? e = element; e is not null && e.LocalName is not ("html"); e = e.ParentElement)
        {
            parts.Add(Step(e));
        }

        parts.Reverse();
        return string.Join('/', parts);
    }

    private static string Step(IElement e) => e.ParentElement is { } parent ? SiblingSteps(parent)[e] : e.LocalName;

    /// <summary>The path step of every child of <paramref name="parent"/>, in one pass over them.</summary>
    private static Dictionary<IElement, string> SiblingSteps(IElement parent)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (IElement child in parent.Children)
        {
            counts[child.LocalName] = counts.GetValueOrDefault(child.LocalName) + 1;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var steps = new Dictionary<IElement, string>();
        foreach (IElement child in parent.Children)
        {
            int index = seen[child.LocalName] = seen.GetValueOrDefault(child.LocalName) + 1;
            steps[child] = !string.IsNullOrWhiteSpace(child.Id) ? $"{child.LocalName}#{child.Id}"
                : counts[child.LocalName] > 1 ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{child.LocalName}[{index}]")
                : child.LocalName;
        }

        return steps;
    }

    /// <summary>Collects paragraphs: inline content accumulates into the current paragraph; a block ends it.</summary>
    private sealed class Walker(List<SourceParagraph> paragraphs)
    {
        private readonly StringBuilder _text = new();
        private int _breaks;

        public void Block(IElement element, string path)
        {
            Flush(path);
            Dictionary<IElement, string>? steps = null; // the children's path steps, made once per block
            foreach (INode child in element.ChildNodes)
            {
                Node(child, path, element, ref steps);
            }

            Flush(path);
        }

        private void Node(INode node, string path, IElement parent, ref Dictionary<IElement, string>? steps)
        {
            switch (node)
            {
                case IText text:
                    AppendText(text.Data);
                    break;
                case IElement e when IsFurniture(e):
                    break;
                case IElement e when e.LocalName == "br":
                    if (++_breaks >= 2)
                    {
                        Flush(path);
                    }
                    else
                    {
                        _text.Append('\n');
                    }

                    break;
                case IElement e when Blocks.Contains(e.LocalName):
                    // A block inside inline markup (rare) is named from its own parent.
                    string step = e.ParentElement == parent ? (steps ??= SiblingSteps(parent))[e] : Step(e);
                    Block(e, path + "/" + step);
                    break;
                case IElement e:
                    Dictionary<IElement, string>? inner = null;
                    foreach (INode child in e.ChildNodes)
                    {
                        Node(child, path, e, ref inner);
                    }

                    break;
            }
        }

        /// <summary>Appends text with HTML's white-space rule: runs of ASCII white space become one space (other spaces, such as the ideographic space, are kept).</summary>
        private void AppendText(string data)
        {
            foreach (char c in data)
            {
                if (c is ' ' or '\t' or '\n' or '\r' or '\f')
                {
                    if (_text.Length > 0 && _text[^1] is not (' ' or '\n'))
                    {
                        _text.Append(' ');
                    }
                }
                else
                {
                    _text.Append(c);
                    _breaks = 0;
                }
            }
        }

        private void Flush(string path)
        {
            _breaks = 0;

            // A space between two CJK characters is a line break of the markup's source, not of the text.
            for (int i = _text.Length - 2; i > 0; i--)
            {
                if (_text[i] == ' ' && CharClass.IsCjk(_text[i - 1]) && CharClass.IsCjk(_text[i + 1]))
                {
                    _text.Remove(i, 1);
                }
            }

            string text = _text.ToString().Trim(' ', '\n');
            _text.Clear();
            if (text.Length > 0)
            {
                paragraphs.Add(new SourceParagraph(text, path));
            }
        }
    }
}
