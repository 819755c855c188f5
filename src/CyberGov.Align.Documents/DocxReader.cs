using System.Globalization;
using System.Text;
using InputFormatException = CyberGov.Align.Text.InputFormatException;
using SourceParagraph = CyberGov.Align.Text.SourceParagraph;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Paragraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace CyberGov.Align.Documents;

/// <summary>
/// The text of a Word (.docx) file as paragraphs, in reading order: body paragraphs and the paragraphs of table cells,
/// list items with their numbering text ("1.", "（三）", "a)"; bullets are dropped), tracked changes taken as accepted
/// (insertions kept, deletions and moved-away text dropped), and footnotes and endnotes at the end when asked for.
/// Each paragraph's origin is its path in the document body, e.g. <c>body/p[12]</c> or <c>body/tbl[2]/tr[3]/tc[1]/p[1]</c>.
/// </summary>
public static class DocxReader
{
    /// <summary>Reads a Word file.</summary>
    /// <param name="bytes">The file's bytes.</param>
    /// <param name="name">The file name, for messages.</param>
    /// <param name="includeNotes">Append footnotes and endnotes after the body.</param>
    /// <returns>The paragraphs.</returns>
    /// <exception cref="InputFormatException">Not a readable Word file, or one without text.</exception>
    public static List<SourceParagraph> Read(byte[] bytes, string name, bool includeNotes = false)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using WordprocessingDocument document = WordprocessingDocument.Open(stream, false);
            MainDocumentPart main = document.MainDocumentPart ?? throw new InputFormatException(name, 0, -1, "is a Word package without a document part");
            Body body = main.Document?.Body ?? throw new InputFormatException(name, 0, -1, "is a Word file without a body");
            var paragraphs = new List<SourceParagraph>();
            var numbering = new Numbering(main);
            Container(body, "body", paragraphs, numbering);
            if (includeNotes)
            {
                Notes(main.FootnotesPart?.Footnotes?.Elements<Footnote>(), "footnote", paragraphs, numbering);
                Notes(main.EndnotesPart?.Endnotes?.Elements<Endnote>(), "endnote", paragraphs, numbering);
            }

            if (paragraphs.Count == 0)
            {
                throw new InputFormatException(name, 0, -1, "is a Word file with no text");
            }

            return paragraphs;
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException or System.Xml.XmlException)
        {
            throw new InputFormatException(name, 0, -1, $"is not a readable Word file (corrupt or not .docx): {ex.Message}");
        }
    }

    private static void Notes(IEnumerable<OpenXmlCompositeElement>? notes, string kind, List<SourceParagraph> paragraphs, Numbering numbering)
    {
        foreach (OpenXmlCompositeElement note in notes ?? [])
        {
            // Separator notes (ids -1 and 0) hold only the rule line.
            string? id = note.GetAttributes().FirstOrDefault(a => a.LocalName == "id").Value;
            if (id is null || int.Parse(id, CultureInfo.InvariantCulture) <= 0)
            {
                continue;
            }

            Container(note, $"{kind}[{id}]", paragraphs, numbering);
        }
    }

    /// <summary>Paragraphs of a body, table cell, content control or note, in order.</summary>
    private static void Container(OpenXmlElement container, string path, List<SourceParagraph> paragraphs, Numbering numbering)
    {
        int p = 0, t = 0;
        foreach (OpenXmlElement child in container.ChildElements)
        {
            switch (child)
            {
                case Paragraph paragraph:
                    p++;
                    string text = TextOf(paragraph);
                    if (!string.IsNullOrWhiteSpace(text))
                    {
                        paragraphs.Add(new SourceParagraph(numbering.Label(paragraph) + text, $"{path}/p[{p}]"));
                    }

                    break;
                case Table table:
                    t++;
                    int r = 0;
                    foreach (TableRow row in table.Elements<TableRow>())
                    {
                        r++;
                        int c = 0;
                        foreach (TableCell cell in row.Elements<TableCell>())
                        {
                            c++;
                            Container(cell, $"{path}/tbl[{t}]/tr[{r}]/tc[{c}]", paragraphs, numbering);
                        }
                    }

                    break;
                case SdtBlock sdt when sdt.SdtContentBlock is { } content:
                    Container(content, path, paragraphs, numbering);
                    break;
                case CustomXmlBlock custom:
                    Container(custom, path, paragraphs, numbering);
                    break;
                case InsertedRun or DeletedRun:
                    break;
            }
        }
    }

    /// <summary>The visible text of a paragraph with tracked changes accepted: w:t outside deletions and moved-away text, tabs and breaks as white space.</summary>
    private static string TextOf(Paragraph paragraph)
    {
        var text = new StringBuilder();
        foreach (OpenXmlElement e in paragraph.Descendants())
        {
            switch (e)
            {
                case WordText t when !Removed(t):
                    text.Append(t.Text);
                    break;
                case TabChar when !Removed(e):
                    text.Append(' ');
                    break;
                case Break or CarriageReturn when !Removed(e):
                    text.Append('\n');
                    break;
            }
        }

        return text.ToString();
    }

    private static bool Removed(OpenXmlElement e)
    {
        for (OpenXmlElement? a = e.Parent; a is not null and not Paragraph; a = a.Parent)
        {
            if (a is DeletedRun or MoveFromRun)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>List numbering: counters per list and level, formatted as the level's text says.</summary>
    private sealed class Numbering(MainDocumentPart main)
    {
        private readonly Dictionary<(int Abstract, int Level), int> _counters = [];
        private readonly DocumentFormat.OpenXml.Wordprocessing.Numbering? _numbering = main.NumberingDefinitionsPart?.Numbering;
        private readonly Styles? _styles = main.StyleDefinitionsPart?.Styles;

        /// <summary>The numbering text of a list paragraph followed by a space ("1. ", "（三） "), or "" (not a list, or a bullet).</summary>
        public string Label(Paragraph paragraph)
        {
            NumberingProperties? properties = paragraph.ParagraphProperties?.NumberingProperties ?? StyleNumbering(paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value);
            int? numId = properties?.NumberingId?.Val?.Value;
            if (numId is null or 0 || _numbering is null)
            {
                return string.Empty;
            }

            int level = properties!.NumberingLevelReference?.Val?.Value ?? 0;
            NumberingInstance? instance = _numbering.Elements<NumberingInstance>().FirstOrDefault(n => n.NumberID?.Value == numId);
            int? abstractId = instance?.AbstractNumId?.Val?.Value;
            AbstractNum? definition = _numbering.Elements<AbstractNum>().FirstOrDefault(a => a.AbstractNumberId?.Value == abstractId);
            if (abstractId is null || definition is null)
            {
                return string.Empty;
            }

            // This level counts on; deeper levels start again.
            _counters[(abstractId.Value, level)] = _counters.GetValueOrDefault((abstractId.Value, level)) + 1;
            foreach ((int, int) key in _counters.Keys.Where(k => k.Abstract == abstractId && k.Level > level).ToList())
            {
                _counters.Remove(key);
            }

            Level? lvl = definition.Elements<Level>().FirstOrDefault(l => l.LevelIndex?.Value == level);
            string format = lvl?.NumberingFormat?.Val?.InnerText ?? "decimal";
            string pattern = lvl?.LevelText?.Val?.Value ?? $"%{level + 1}.";
            if (format == "bullet" || format == "none")
            {
                return string.Empty;
            }

            var label = new StringBuilder(pattern);
            for (int l = 0; l <= level; l++)
            {
                Level? ll = definition.Elements<Level>().FirstOrDefault(x => x.LevelIndex?.Value == l);
                int start = ll?.StartNumberingValue?.Val?.Value ?? 1;
                int value = _counters.GetValueOrDefault((abstractId.Value, l), 1) - 1 + start;
                label.Replace($"%{l + 1}", Format(value, ll?.NumberingFormat?.Val?.InnerText ?? "decimal"));
            }

            return label.Append(' ').ToString();
        }

        private NumberingProperties? StyleNumbering(string? styleId)
        {
            for (int depth = 0; styleId is not null && depth < 10; depth++)
            {
                Style? style = _styles?.Elements<Style>().FirstOrDefault(s => s.StyleId?.Value == styleId);
                if (style?.StyleParagraphProperties?.NumberingProperties is { } numbering)
                {
                    return numbering;
                }

                styleId = style?.BasedOn?.Val?.Value;
            }

            return null;
        }

        private static string Format(int value, string format) => format switch
        {
            "lowerLetter" => Letters(value, 'a'),
            "upperLetter" => Letters(value, 'A'),
            "lowerRoman" => Roman(value).ToLowerInvariant(),
            "upperRoman" => Roman(value),
            "chineseCounting" or "chineseCountingThousand" or "ideographTraditional" or "japaneseCounting" or "taiwaneseCounting" => Chinese(value),
            "decimalFullWidth" or "decimalFullWidth2" => string.Concat(value.ToString(CultureInfo.InvariantCulture).Select(c => (char)(c - '0' + '０'))),
            "decimalZero" => value.ToString("00", CultureInfo.InvariantCulture),
            _ => value.ToString(CultureInfo.InvariantCulture),
        };

        private static string Letters(int value, char first)
        {
            // Word repeats the letter past z: aa, bb, ...
            int n = Math.Max(1, value);
            return new string((char)(first + ((n - 1) % 26)), ((n - 1) / 26) + 1);
        }

        private static string Roman(int value)
        {
            (int Value, string Numeral)[] numerals = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")];
            var s = new StringBuilder();
            foreach ((int v, string numeral) in numerals)
            {
                while (value >= v)
                {
                    s.Append(numeral);
                    value -= v;
                }
            }

            return s.ToString();
        }

        private static string Chinese(int value)
        {
            const string Digits = "零一二三四五六七八九";
            if (value <= 0 || value >= 100)
            {
                return value.ToString(CultureInfo.InvariantCulture);
            }

            if (value < 10)
            {
                return Digits[value].ToString();
            }

            return (value / 10 == 1 ? "十" : Digits[value / 10] + "十") + (value % 10 == 0 ? string.Empty : Digits[value % 10].ToString());
        }
    }
}
