using CyberGov.Align.Documents;
using CyberGov.Align.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace CyberGov.Align.Tests.Documents;

/// <summary>The PDF reader on PDFs written here line by line (Helvetica, US Letter), so each layout rule is tested alone.</summary>
public sealed class PdfReaderTests
{
    /// <summary>Lines of text: (page, x, baseline, size, text). Every page gets a running header and a page number.</summary>
    private static byte[] Pdf(int pages, params (int Page, double X, double Y, double Size, string Text)[] lines)
    {
        var builder = new PdfDocumentBuilder();
        PdfDocumentBuilder.AddedFont font = builder.AddStandard14Font(Standard14Font.Helvetica);
        for (int p = 1; p <= pages; p++)
        {
            PdfPageBuilder page = builder.AddPage(PageSize.Letter);
            page.AddText("Example Press - Annual Report", 8, new PdfPoint(36, 770), font);
            page.AddText(p.ToString(System.Globalization.CultureInfo.InvariantCulture), 8, new PdfPoint(300, 20), font);
            foreach ((int _, double x, double y, double size, string text) in lines.Where(l => l.Page == p))
            {
                page.AddText(text, size, new PdfPoint(x, y), font);
            }
        }

        return builder.Build();
    }

    private static List<string> Read(byte[] pdf) => [.. PdfReader.Read(pdf, "r.pdf").Select(p => p.Text)];

    [Fact]
    public void Lines_join_into_paragraphs_and_headers_footers_and_page_numbers_go()
    {
        byte[] pdf = Pdf(
            2,
            (1, 72, 700, 18, "Annual Report"),
            (1, 72, 660, 12, "The first paragraph runs over two lines because it is long enough"),
            (1, 72, 645, 12, "to wrap, and it ends here."),
            (1, 72, 615, 12, "A second paragraph starts after a gap."),
            (2, 72, 700, 12, "Page two has its own paragraph."));
        Assert.Equal(
            ["Annual Report", "The first paragraph runs over two lines because it is long enough to wrap, and it ends here.", "A second paragraph starts after a gap.", "Page two has its own paragraph."],
            Read(pdf));
        Assert.Equal(["page 1, line 1", "page 1, line 2", "page 1, line 4", "page 2, line 1"], PdfReader.Read(pdf, "r.pdf").Select(p => p.Origin));
    }

    [Fact]
    public void A_paragraph_goes_on_across_a_page_break_when_its_last_line_is_full()
    {
        const string full = "This line reaches the right edge of the text column and so the paragraph";
        byte[] pdf = Pdf(
            2,
            (1, 72, 660, 12, full),
            (1, 72, 645, 12, full),
            (1, 72, 630, 12, "Short last line."),
            (1, 72, 600, 12, full),
            (1, 72, 585, 12, "does not end here but"),
            (1, 72, 80, 12, full),
            (2, 72, 700, 12, "continues on the next page."));
        List<string> paragraphs = Read(pdf);
        Assert.Equal(3, paragraphs.Count);
        Assert.EndsWith("so the paragraph continues on the next page.", paragraphs[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Hyphens_at_line_ends_are_undone_only_for_words_written_whole_elsewhere()
    {
        byte[] pdf = Pdf(
            1,
            (1, 72, 660, 12, "International cooperation is growing, and inter-"),
            (1, 72, 645, 12, "national trade rose. The Five-"),
            (1, 72, 630, 12, "Year Plan and market- and law-based reforms go on."));
        Assert.Equal(["International cooperation is growing, and international trade rose. The Five-Year Plan and market- and law-based reforms go on."], Read(pdf));
    }

    [Fact]
    public void Ligature_glyphs_read_as_their_letters_and_a_word_broken_after_one_joins()
    {
        // Helvetica's encoding has the fi and fl ligatures only; the printed-publication tests meet ff and ffi from Chromium.
        byte[] pdf = Pdf(
            1,
            (1, 72, 660, 12, "Of crucial signi\uFB01cance, the \uFB02ourishing bene\uFB01ts were con\uFB01rmed; signi-"),
            (1, 72, 645, 12, "ficance again."));
        Assert.Equal(["Of crucial significance, the flourishing benefits were confirmed; significance again."], Read(pdf));
    }

    [Fact]
    public void Two_columns_are_read_one_after_the_other()
    {
        byte[] pdf = Pdf(
            1,
            (1, 72, 660, 12, "Left column, first line of its"),
            (1, 320, 660, 12, "Right column starts here and"),
            (1, 72, 645, 12, "paragraph."),
            (1, 320, 645, 12, "ends here."));
        Assert.Equal(["Left column, first line of its paragraph.", "Right column starts here and ends here."], Read(pdf));
    }

    [Fact]
    public void A_PDF_without_text_is_an_error_that_says_to_run_OCR()
    {
        var builder = new PdfDocumentBuilder();
        builder.AddPage(PageSize.Letter);
        var ex = Assert.Throws<InputFormatException>(() => DocumentLoader.Load(builder.Build(), "scan.pdf"));
        Assert.Contains("scan.pdf", ex.Message, StringComparison.Ordinal);
        Assert.Contains("run OCR first", ex.Message, StringComparison.Ordinal);

        var broken = Assert.Throws<InputFormatException>(() => DocumentLoader.Load("%PDF-1.7\nnot really a pdf"u8.ToArray(), "broken.pdf"));
        Assert.Contains("broken.pdf", broken.Message, StringComparison.Ordinal);
    }
}
