using CyberGov.Align.Documents;
using CyberGov.Align.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WordParagraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace CyberGov.Align.Tests.Documents;

public sealed class DocxReaderTests
{
    private static WordParagraph P(string text) => new(new Run(new WordText(text) { Space = SpaceProcessingModeValues.Preserve }));

    private static WordParagraph Item(string text, int numId, int level = 0) => new(
        new ParagraphProperties(new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = numId })),
        new Run(new WordText(text)));

    [Fact]
    public void Paragraphs_and_table_cells_are_read_in_order_with_their_paths()
    {
        byte[] docx = DocumentFixtures.Docx(body =>
        {
            body.Append(P("Report on the Work of the Government"));
            body.Append(new Table(new TableRow(new TableCell(P("Year")), new TableCell(P("GDP grew 6.7%.")))));
            body.Append(P("Esteemed Deputies,"));
        });
        List<SourceParagraph> paragraphs = DocxReader.Read(docx, "r.docx");
        Assert.Equal(["Report on the Work of the Government", "Year", "GDP grew 6.7%.", "Esteemed Deputies,"], paragraphs.Select(p => p.Text));
        Assert.Equal(["body/p[1]", "body/tbl[1]/tr[1]/tc[1]/p[1]", "body/tbl[1]/tr[1]/tc[2]/p[1]", "body/p[2]"], paragraphs.Select(p => p.Origin));
    }

    [Fact]
    public void Tracked_changes_are_taken_as_accepted()
    {
        byte[] docx = DocumentFixtures.Docx(body => body.Append(new WordParagraph(
            new Run(new WordText("We will cut ") { Space = SpaceProcessingModeValues.Preserve }),
            new DeletedRun(new Run(new DeletedText("overcapacity "))),
            new InsertedRun(new Run(new WordText("excess capacity ") { Space = SpaceProcessingModeValues.Preserve })),
            new Run(new WordText("in steel."), new TabChar(), new WordText("Done.")))));
        Assert.Equal("We will cut excess capacity in steel. Done.", Assert.Single(DocxReader.Read(docx, "t.docx")).Text);
    }

    [Fact]
    public void List_items_keep_their_numbering_text()
    {
        byte[] docx = DocumentFixtures.Docx(
            body =>
            {
                body.Append(Item("稳定经济增长。", 1));
                body.Append(Item("扩大内需。", 1));
                body.Append(Item("First task.", 2));
                body.Append(Item("Sub-point.", 2, 1));
                body.Append(Item("Second task.", 2));
                body.Append(Item("A bullet.", 3));
            },
            main =>
            {
                var numbering = new Numbering(
                    Abstract(0, (NumberFormatValues.ChineseCounting, "（%1）")),
                    Abstract(1, (NumberFormatValues.Decimal, "%1."), (NumberFormatValues.LowerLetter, "%2)")),
                    Abstract(2, (NumberFormatValues.Bullet, "•")),
                    new NumberingInstance(new AbstractNumId { Val = 0 }) { NumberID = 1 },
                    new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = 2 },
                    new NumberingInstance(new AbstractNumId { Val = 2 }) { NumberID = 3 });
                main.AddNewPart<NumberingDefinitionsPart>().Numbering = numbering;
            });
        Assert.Equal(
            ["（一） 稳定经济增长。", "（二） 扩大内需。", "1. First task.", "a) Sub-point.", "2. Second task.", "A bullet."],
            DocxReader.Read(docx, "l.docx").Select(p => p.Text));

        static AbstractNum Abstract(int id, params (NumberFormatValues Format, string Text)[] levels)
        {
            var a = new AbstractNum { AbstractNumberId = id };
            for (int l = 0; l < levels.Length; l++)
            {
                a.Append(new Level(new StartNumberingValue { Val = 1 }, new NumberingFormat { Val = levels[l].Format }, new LevelText { Val = levels[l].Text }) { LevelIndex = l });
            }

            return a;
        }
    }

    [Fact]
    public void Footnotes_are_read_only_when_asked_for()
    {
        byte[] docx = DocumentFixtures.Docx(
            body => body.Append(P("Main text.")),
            main => main.AddNewPart<FootnotesPart>().Footnotes = new Footnotes(
                new Footnote(P("separator")) { Id = 0 },
                new Footnote(P("A footnote.")) { Id = 1 }));
        Assert.Equal(["Main text."], DocxReader.Read(docx, "f.docx").Select(p => p.Text));
        List<SourceParagraph> withNotes = DocxReader.Read(docx, "f.docx", includeNotes: true);
        Assert.Equal(["Main text.", "A footnote."], withNotes.Select(p => p.Text));
        Assert.Equal("footnote[1]/p[1]", withNotes[1].Origin);
    }

    [Fact]
    public void A_corrupt_or_empty_Word_file_is_an_error_naming_the_file()
    {
        byte[] docx = DocumentFixtures.Docx(["Some text."]);
        byte[] corrupt = docx[..(docx.Length / 2)];
        var ex = Assert.Throws<InputFormatException>(() => DocumentLoader.Load(corrupt, "broken.docx"));
        Assert.Contains("broken.docx", ex.Message, StringComparison.Ordinal);

        var empty = Assert.Throws<InputFormatException>(() => DocumentLoader.Load(DocumentFixtures.Docx(_ => { }), "empty.docx"));
        Assert.Contains("no text", empty.Message, StringComparison.Ordinal);
    }
}
