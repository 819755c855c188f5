using System.Net;
using System.Text;
using BenchmarkDotNet.Attributes;
using CyberGov.Align.Alignment;
using CyberGov.Align.Documents;
using CyberGov.Align.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using Document = CyberGov.Align.Text.Document;
using WordDocument = DocumentFormat.OpenXml.Wordprocessing.Document;
using WordParagraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace CyberGov.Align.Benchmarks;

/// <summary>
/// Reading web pages and Word files against aligning what they hold: a Chinese and an English page (5.4 MB together
/// at 40,000 sentences, five sentences a paragraph, inside a news site's furniture), the same text as two Word files,
/// and the alignment of the two documents (the baseline). Reading should cost no more than aligning.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class ReadingBenchmarks
{
    private byte[] _zhHtml = [];
    private byte[] _enHtml = [];
    private byte[] _zhDocx = [];
    private byte[] _enDocx = [];
    private byte[] _enPdf = [];
    private Aligner _aligner = null!;
    private Document _zh = null!;
    private Document _en = null!;

    [Params(40_000)]
    public int Sentences { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (string zh, string en) = BenchmarkCorpus.ParallelText(Sentences);
        string[] zhParagraphs = Paragraphs(zh), enParagraphs = Paragraphs(en);
        _zhHtml = Encoding.UTF8.GetBytes(Page(zhParagraphs, "zh-CN"));
        _enHtml = Encoding.UTF8.GetBytes(Page(enParagraphs, "en"));
        _zhDocx = Docx(zhParagraphs);
        _enDocx = Docx(enParagraphs);
        _enPdf = Pdf(enParagraphs);
        _aligner = new AlignerBuilder().Build();
        _zh = DocumentLoader.Load(_zhHtml, "zh.html");
        _en = DocumentLoader.Load(_enHtml, "en.html");
        Console.WriteLine($"// pages {(_zhHtml.Length + _enHtml.Length) / 1e6:F1} MB, Word files {(_zhDocx.Length + _enDocx.Length) / 1e6:F1} MB, PDF {_enPdf.Length / 1e6:F1} MB ({PdfPages} pages), {_zh.Sentences.Count} zh × {_en.Sentences.Count} en sentences");
    }

    [Benchmark(Baseline = true)]
    public int Align() => _aligner.Align(_zh, _en).Beads.Count;

    [Benchmark]
    public int ReadWebPages() => DocumentLoader.Load(_zhHtml, "zh.html").Sentences.Count + DocumentLoader.Load(_enHtml, "en.html").Sentences.Count;

    [Benchmark]
    public int ReadWordFiles() => DocumentLoader.Load(_zhDocx, "zh.docx").Sentences.Count + DocumentLoader.Load(_enDocx, "en.docx").Sentences.Count;

    [Benchmark]
    public int ReadPdf() => DocumentLoader.Load(_enPdf, "en.pdf").Sentences.Count;

    private int PdfPages { get; set; }

    /// <summary>The paragraphs set in Helvetica 11 on US Letter pages, 90 characters a line, a blank line between paragraphs.</summary>
    private byte[] Pdf(string[] paragraphs)
    {
        var builder = new PdfDocumentBuilder();
        PdfDocumentBuilder.AddedFont font = builder.AddStandard14Font(Standard14Font.Helvetica);
        PdfPageBuilder? page = null;
        double y = 0;
        foreach (string paragraph in paragraphs)
        {
            foreach (string line in Wrap(paragraph, 90).Append(string.Empty))
            {
                if (page is null || y < 60)
                {
                    page = builder.AddPage(UglyToad.PdfPig.Content.PageSize.Letter);
                    PdfPages++;
                    y = 740;
                }

                if (line.Length > 0)
                {
                    // The standard Helvetica covers ASCII only here: other characters are set as '?'.
                    page.AddText(new string([.. line.Select(c => c is >= ' ' and <= '~' ? c : '?')]), 11, new PdfPoint(54, y), font);
                }

                y -= 15;
            }
        }

        return builder.Build();
    }

    private static IEnumerable<string> Wrap(string text, int width)
    {
        var line = new StringBuilder();
        foreach (string word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                yield return line.ToString();
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : string.Empty).Append(word);
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }

    /// <summary>Five sentences (lines) to a paragraph.</summary>
    private static string[] Paragraphs(string lines) =>
        lines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Chunk(5).Select(c => string.Join(' ', c)).ToArray();

    private static string Page(string[] paragraphs, string lang)
    {
        var page = new StringBuilder($"<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>t</title><script>var a = 1;</script></head><body>");
        page.Append("<header><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav></header><main><article>");
        foreach (string p in paragraphs)
        {
            page.Append("<p>").Append(WebUtility.HtmlEncode(p)).Append("</p>\n");
        }

        return page.Append("</article></main><footer><p>Copyright.</p></footer></body></html>").ToString();
    }

    private static byte[] Docx(string[] paragraphs)
    {
        using var stream = new MemoryStream();
        using (WordprocessingDocument document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            MainDocumentPart main = document.AddMainDocumentPart();
            var body = new Body();
            foreach (string p in paragraphs)
            {
                body.Append(new WordParagraph(new Run(new WordText(p) { Space = SpaceProcessingModeValues.Preserve })));
            }

            main.Document = new WordDocument(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }
}
