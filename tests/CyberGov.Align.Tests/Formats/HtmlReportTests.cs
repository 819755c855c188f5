using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CyberGov.Align.Alignment;
using CyberGov.Align.Formats;
using CyberGov.Align.Review;
using CyberGov.Align.Text;
using Document = CyberGov.Align.Text.Document;

namespace CyberGov.Align.Tests.Formats;

public sealed class HtmlReportTests
{
    private static IDocument Render(AlignmentResult r, WriterOptions? options = null) =>
        new HtmlParser().ParseDocument(new HtmlReportWriter(options).WriteToString(r));

    [Fact]
    public void Every_bead_is_a_row_with_both_sides_escaped()
    {
        AlignmentResult r = WriterTests.Sample();
        IDocument page = Render(r);
        Assert.Empty(page.QuerySelectorAll("script"));
        IHtmlCollection<IElement> rows = page.QuerySelectorAll("table.beads tbody tr");
        Assert.Equal(r.Beads.Count, rows.Length);
        for (int k = 0; k < rows.Length; k++)
        {
            Assert.Equal($"b{k}", rows[k].Id);
        }

        Assert.Equal("他说：“<script>alert(1)</script>”。", rows[0].QuerySelectorAll("td.text")[0].TextContent);
        Assert.Equal("zh-CN", rows[0].QuerySelectorAll("td.text")[0].GetAttribute("lang"));
        Assert.Equal(2, rows[2].QuerySelectorAll("td.text")[1].QuerySelectorAll("span.s").Length);
        Assert.Contains("empty", rows[3].QuerySelectorAll("td.text")[1].ClassList);
        Assert.Contains("omitted", rows[3].QuerySelectorAll("td.text")[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("added", rows[4].QuerySelectorAll("td.text")[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("low", rows[3].ClassList);
        Assert.Contains("high", rows[0].ClassList);
        Assert.Contains("mid", rows[2].ClassList);
    }

    [Fact]
    public void Summary_lists_findings_with_links_to_their_beads()
    {
        IDocument page = Render(WriterTests.Sample(), new WriterOptions { Title = "Speech <check>" });
        Assert.Equal("Speech <check>", page.Title);
        Assert.Equal("1", page.QuerySelector("li.count-omission b")!.TextContent);
        Assert.Equal("1", page.QuerySelector("li.count-addition b")!.TextContent);
        Assert.Equal("1", page.QuerySelector("li.count-split b")!.TextContent);
        Assert.Equal("1", page.QuerySelector("li.count-numbermismatch b")!.TextContent);

        IElement numbers = page.QuerySelector("details.list-numbermismatch li")!;
        Assert.Contains("30 ≠ 13", numbers.TextContent, StringComparison.Ordinal);
        string target = numbers.QuerySelector("a")!.GetAttribute("href")!;
        Assert.Equal("#b1", target);
        Assert.NotNull(page.GetElementById(target[1..]));
        Assert.Contains("30 ≠ 13", page.GetElementById("b1")!.QuerySelector(".flag")!.TextContent, StringComparison.Ordinal);
        foreach (IElement link in page.QuerySelectorAll("#summary a[href^='#']"))
        {
            Assert.NotNull(page.GetElementById(link.GetAttribute("href")![1..]));
        }
    }

    [Fact]
    public void Review_finds_a_moved_sentence()
    {
        var opts = new DocumentOptions { ParagraphMode = ParagraphMode.PreSplit };
        Document zh = Document.Parse("经济增长了百分之七。\n政府发布了新的互联网安全法律。\n天气很好。\n", Language.Chinese, opts);
        Document en = Document.Parse("The economy grew by seven percent.\nThe weather was good.\nThe government issued a new internet security law.\n", Language.English, opts);
        var r = new AlignmentResult(zh, en, [new Bead(0, 1, 0, 1, 0.9), new Bead(1, 1, 1, 0, 0.4), new Bead(2, 1, 1, 1, 0.8), new Bead(3, 0, 2, 1, 0.4)]);
        TranslationReview review = TranslationReview.Analyze(r);
        Finding move = Assert.Single(review.Findings, f => f.Kind == FindingKind.ReorderSuspect);
        Assert.Equal(1, move.Bead);
        Assert.Equal(3, move.RelatedBead);
        Assert.Equal(1, review.Count(FindingKind.Omission));
        Assert.Equal(1, review.Count(FindingKind.Addition));
    }

    [Fact]
    public void Beads_and_sentences_are_numbered_from_0_as_in_jsonl_and_index()
    {
        AlignmentResult r = WriterTests.Sample();
        IDocument page = Render(r);
        IHtmlCollection<IElement> rows = page.QuerySelectorAll("table.beads tbody tr");
        Assert.Equal("0", rows[0].QuerySelector("td.n")!.TextContent);
        Assert.StartsWith("sentence 0,", rows[0].QuerySelector("span.s")!.GetAttribute("title"), StringComparison.Ordinal);

        // The omitted source sentence is bead 3 and source sentence 3 — the same numbers as "[3]:[]" in the index format.
        IElement omission = page.QuerySelector("details.list-omission li")!;
        Assert.StartsWith("bead 3: source sentence 3 has no counterpart", omission.TextContent, StringComparison.Ordinal);
        Assert.Equal("#b3", omission.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("[3]:[]", AlignmentFormats.Create("index").WriteToString(r), StringComparison.Ordinal);
    }

    [Fact]
    public void Finding_lists_carry_no_marker_numbers_that_could_overlap_the_other_column()
    {
        IDocument page = Render(WriterTests.Sample());
        Assert.Empty(page.QuerySelectorAll("ol"));
        IElement list = page.QuerySelector("details.list-omission ul.findings")!;
        Assert.All(list.Children, li => Assert.StartsWith("bead ", li.TextContent, StringComparison.Ordinal));
        string css = page.QuerySelector("style")!.TextContent;
        Assert.Matches(@"\.findings \{[^}]*list-style: none", css);
        Assert.Matches(@"\.findings li \{[^}]*break-inside: avoid", css);
    }

    [Theory]
    [InlineData("gwr-2017/zh.txt", "gwr-2017/en.txt", "Alignment report: gwr-2017: zh.txt ↔ en.txt")]
    [InlineData("a/zh.txt", "b/en.txt", "Alignment report: a/zh.txt ↔ b/en.txt")]
    [InlineData("speech.zh.txt", "speech.en.txt", "Alignment report: speech.zh.txt ↔ speech.en.txt")]
    public void The_title_names_both_files_and_their_folder(string source, string target, string title)
    {
        var opts = new DocumentOptions { ParagraphMode = ParagraphMode.PreSplit };
        Document zh = Document.Parse("增长了30%。\n", Language.Chinese, opts with { Name = source });
        Document en = Document.Parse("It grew by 30%.\n", Language.English, opts with { Name = target });
        IDocument page = Render(new AlignmentResult(zh, en, [new Bead(0, 1, 0, 1, 0.9)]));
        Assert.Equal(title, page.Title);
        Assert.Equal(title, page.QuerySelector("h1")!.TextContent);
        Assert.Contains(source, page.QuerySelector(".meta")!.TextContent, StringComparison.Ordinal);
    }
}
