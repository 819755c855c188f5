using CyberGov.Align.Tests.Documents;

namespace CyberGov.Align.Tests.Cli;

/// <summary>The align command on web pages and Word files (the fixtures are small pages written for these tests).</summary>
public sealed class DocumentInputTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Documents", "Fixtures", name);

    [Fact]
    public void A_Chinese_news_page_and_an_English_one_align_without_their_furniture()
    {
        CliRunner.Result r = CliRunner.Run("align", Fixture("river-city.zh.html"), Fixture("river-city.en.html"), "-f", "jsonl");
        Assert.True(r.ExitCode == 0, r.StdErr);
        string[] rows = r.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(13, rows.Length);
        Assert.DoesNotContain("首页", r.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("Leave a Reply", r.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("评论", r.StdOut, StringComparison.Ordinal);
        Assert.StartsWith("{\"source\":[0],\"target\":[0],\"sourceText\":\"在滨江公园开园仪式上的讲话\"", rows[0], StringComparison.Ordinal);
        Assert.Contains("\"sourceOrigin\":[\"body/div[4]/div#article/h1\"],\"targetOrigin\":[\"body/main/article/h1\"]", rows[0], StringComparison.Ordinal);
        Assert.Contains("沿江岸线长达6.5公里", r.StdOut, StringComparison.Ordinal); // the markup's line break inside the Chinese is gone
        Assert.All(rows, row => Assert.Contains("\"kind\":\"1-", row, StringComparison.Ordinal));
    }

    [Fact]
    public void A_Word_file_aligns_with_a_web_page_and_the_report_shows_where_each_sentence_is()
    {
        using var dir = new TempFolder();
        string[] english =
        [
            "Speech at the Opening Ceremony of Riverside Park", "(April 18, 2025)", "Dear fellow residents,",
            "Good morning! Today Riverside Park opens to the public. The park covers 120 hectares and runs for 6.5 kilometers along the river. It is the largest park our city has built in the past ten years.",
            "Three years ago this place was an abandoned wharf with empty warehouses. We took down the old buildings, cleaned the polluted soil and planted more than 30,000 trees.",
            "The park has footpaths, cycle lanes, a children's playground and a small museum. The museum tells the hundred-year story of the old wharf.",
            "I want to thank all the workers and engineers who built it, and the residents who gave us so many good ideas.",
            "I hope you will come often, and I ask all of you to help take care of this green space. Thank you!",
        ];
        string docx = dir.Combine("speech.en.docx");
        File.WriteAllBytes(docx, DocumentFixtures.Docx(english));
        string report = dir.Combine("report.html");
        CliRunner.Result r = CliRunner.Run("align", Fixture("river-city.zh.html"), docx, "-o", report);
        Assert.True(r.ExitCode == 0, r.StdErr);
        string html = File.ReadAllText(report);
        Assert.Contains("<span class=\"origin\">body/p[4]</span>", html, StringComparison.Ordinal);
        Assert.Contains("title=\"sentence 0, in body/div[4]/div#article/h1\"", html, StringComparison.Ordinal);

        CliRunner.Result index = CliRunner.Run("align", Fixture("river-city.zh.html"), docx, "-f", "index");
        CliRunner.Result pages = CliRunner.Run("align", Fixture("river-city.zh.html"), Fixture("river-city.en.html"), "-f", "index");
        Assert.Equal(pages.StdOut, index.StdOut);
    }

    [Fact]
    public void The_input_format_can_be_forced_and_unreadable_files_are_exit_2_with_their_name()
    {
        using var dir = new TempFolder();
        string markup = dir.File("page.txt", "<p>Tags are text here.</p>");
        CliRunner.Result asText = CliRunner.Run("segment", markup);
        Assert.True(asText.ExitCode == 0, asText.StdErr);
        Assert.Equal("<p>Tags are text here.</p>", asText.StdOut.Trim());
        CliRunner.Result asHtml = CliRunner.Run("segment", markup, "--input-format", "html");
        Assert.Equal("Tags are text here.", asHtml.StdOut.Trim());

        string pdf = dir.File("report.pdf", "%PDF-1.7\n1 0 obj\n");
        CliRunner.Result refused = CliRunner.Run("align", pdf, Fixture("river-city.en.html"));
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("report.pdf", refused.StdErr, StringComparison.Ordinal);
        Assert.Contains("PDF", refused.StdErr, StringComparison.Ordinal);

        string broken = Path.Combine(dir.Path, "broken.docx");
        byte[] docx = DocumentFixtures.Docx(["Text."]);
        File.WriteAllBytes(broken, docx[..(docx.Length / 2)]);
        CliRunner.Result corrupt = CliRunner.Run("align", Fixture("river-city.zh.html"), broken);
        Assert.Equal(2, corrupt.ExitCode);
        Assert.Contains("broken.docx", corrupt.StdErr, StringComparison.Ordinal);
    }
}
