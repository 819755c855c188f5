using System.Diagnostics;
using System.Net;
using CyberGov.Align.Formats;
using CyberGov.Align.Tests.Alignment;

namespace CyberGov.Align.Tests.Cli;

public sealed class ReviewCommandTests
{
    [Fact]
    public async Task Review_serves_the_page_on_loopback_saves_the_project_and_stops_on_SIGTERM()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        using var dir = new TempFolder();
        string zh = dir.File("news.zh.txt", File.ReadAllText(AlignerTests.SeedPath("000_63b1f7de89521b9f.zh.txt")));
        string en = dir.File("news.en.txt", File.ReadAllText(AlignerTests.SeedPath("000_63b1f7de89521b9f.txt")));
        using Process process = CliRunner.Start(readOutput: true, "review", zh, en, "--no-browser");
        string? first = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.NotNull(first);
        var page = new Uri(first!["Review at ".Length..]);
        Assert.Equal("127.0.0.1", page.Host);

        using (var http = new HttpClient())
        {
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(page)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(new Uri(page, "/"))).StatusCode);
        }

        string project = dir.Combine("news.review.zh.en.xml");
        Assert.True(File.Exists(project), "the project is saved when the review starts");
        using (Process kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        Assert.True(process.WaitForExit(10_000), "still running 10 s after SIGTERM");
        Assert.Equal(0, process.ExitCode);
        Assert.Contains("every edit is saved", await process.StandardError.ReadToEndAsync(), StringComparison.Ordinal);

        // The project reopens: review PROJECT.xml goes on where the review stopped, saving to the same files.
        (CyberGov.Align.Alignment.AlignmentResult reopened, _) = InterTextFormat.Read(project);
        Assert.True(reopened.Beads.Count > 10);
        string before = File.ReadAllText(project);
        using Process again = CliRunner.Start(readOutput: true, "review", project, "--no-browser");
        string? line = await again.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        using (var http = new HttpClient())
        {
            var reopenedPage = new Uri(line!["Review at ".Length..]);
            var request = new HttpRequestMessage(HttpMethod.Get, new Uri(reopenedPage, "/api/alignment"));
            request.Headers.Add("X-Review-Token", System.Web.HttpUtility.ParseQueryString(reopenedPage.Query)["token"]);
            string view = await (await http.SendAsync(request)).Content.ReadAsStringAsync();
            Assert.Equal(reopened.Beads.Count, System.Text.Json.JsonDocument.Parse(view).RootElement.GetProperty("beads").GetArrayLength());
        }

        using (Process kill = Process.Start("kill", ["-TERM", again.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        Assert.True(again.WaitForExit(10_000));
        Assert.Equal(before, File.ReadAllText(project));
    }
}
