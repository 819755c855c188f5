using System.Text;
using CyberGov.Align.Alignment;
using CyberGov.Align.Documents;
using CyberGov.Align.Tests.Cli;
using CyberGov.Align.Tests.DevData;
using CyberGov.Align.Text;

namespace CyberGov.Align.Tests.Documents;

/// <summary>Web pages printed to PDF by headless Chromium read back to the same paragraphs and beads.</summary>
public sealed class PrintedPdfTests
{
    private static readonly Aligner Aligner = new AlignerBuilder().UseBundledDictionary().Build();

    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Documents", "Fixtures", name);

    [ChromiumFact]
    public void The_news_pages_printed_to_PDF_give_their_paragraphs_and_beads()
    {
        using var dir = new TempFolder();
        Document zhPage = DocumentLoader.LoadFile(Fixture("river-city.zh.html"));
        Document enPage = DocumentLoader.LoadFile(Fixture("river-city.en.html"));
        Document zhPdf = Print(dir, zhPage, "zh", indent: true);
        Document enPdf = Print(dir, enPage, "en", indent: false);
        Assert.Equal(Enumerable.Range(0, zhPage.Sentences.Count).Select(zhPage.SentenceText), Enumerable.Range(0, zhPdf.Sentences.Count).Select(zhPdf.SentenceText));
        Assert.Equal(Enumerable.Range(0, enPage.Sentences.Count).Select(enPage.SentenceText), Enumerable.Range(0, enPdf.Sentences.Count).Select(enPdf.SentenceText));
        Assert.Equal(zhPage.Paragraphs.Count, zhPdf.Paragraphs.Count);
        Assert.Equal(Aligner.Align(zhPage, enPage).Beads.Select(b => (b.SourceStart, b.SourceCount, b.TargetStart, b.TargetCount)), Aligner.Align(zhPdf, enPdf).Beads.Select(b => (b.SourceStart, b.SourceCount, b.TargetStart, b.TargetCount)));
        Assert.Equal("page 1, line 1", zhPdf.SentenceOrigin(0));
    }

    public static TheoryData<string> Texts() => RealDocumentFormsTests.Texts();

    /// <summary>
    /// Every publication of ../shared/data/real printed by Chromium with indented first lines (as official documents
    /// are printed; its running header and footer included) gives the beads of its plain text.
    /// </summary>
    [DevDataChromiumTheory]
    [MemberData(nameof(Texts))]
    public void Printed_publications_give_the_beads_of_the_plain_text(string name)
    {
        using var dir = new TempFolder();
        string real = DevDataPaths.Path("..", "real", name);
        AlignmentResult plain = Aligner.Align(DocumentReader.ReadFile(Path.Combine(real, "zh.txt")), DocumentReader.ReadFile(Path.Combine(real, "en.txt")));
        Document zh = Print(dir, DocumentFixtures.Paragraphs(Path.Combine(real, "zh.txt")), "zh", "zh", indent: true);
        Document en = Print(dir, DocumentFixtures.Paragraphs(Path.Combine(real, "en.txt")), "en", "en", indent: true);
        Assert.Equal(plain.Source.Paragraphs.Count, zh.Paragraphs.Count);
        Assert.Equal(plain.Target.Paragraphs.Count, en.Paragraphs.Count);
        Assert.Equal(plain.Beads.Select(b => (b.SourceStart, b.SourceCount, b.TargetStart, b.TargetCount)), Aligner.Align(zh, en).Beads.Select(b => (b.SourceStart, b.SourceCount, b.TargetStart, b.TargetCount)));
    }

    private static Document Print(TempFolder dir, Document page, string lang, bool indent) =>
        Print(dir, Enumerable.Range(0, page.Paragraphs.Count).Select(page.ParagraphText), lang, "page-" + lang, indent);

    private static Document Print(TempFolder dir, IEnumerable<string> paragraphs, string lang, string file, bool indent)
    {
        string html = dir.Combine(file + ".html");
        File.WriteAllText(html, Chromium.PrintPage(paragraphs, lang, indent), Encoding.UTF8);
        return DocumentLoader.Load(Chromium.PrintToPdf(html), file + ".pdf");
    }
}
