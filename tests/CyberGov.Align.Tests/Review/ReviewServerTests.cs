using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyberGov.Align.Alignment;
using CyberGov.Align.Formats;
using CyberGov.Align.ReviewServer;
using CyberGov.Align.Tests.Alignment;
using CyberGov.Align.Tests.Cli;

namespace CyberGov.Align.Tests.Review;

/// <summary>The review server over loopback HTTP, without a browser: the token, the origin check, edits, saving and exports.</summary>
public sealed class ReviewServerTests
{
    private static readonly Aligner Aligner = new AlignerBuilder().UseBundledDictionary().Build();

    private static async Task<(ReviewHost Host, ReviewSession Session, TempFolder Dir, int Beads)> Start()
    {
        var dir = new TempFolder();
        AlignmentResult alignment = AlignmentAssert.Sample(Aligner);
        var session = new ReviewSession(Aligner, alignment, dir.Combine("project", "news"), dir.Combine("out"));
        return (await ReviewHost.StartAsync(session), session, dir, alignment.Beads.Count);
    }

    private static HttpRequestMessage Request(ReviewHost host, HttpMethod method, string path, bool token = true, bool origin = true, object? body = null)
    {
        var request = new HttpRequestMessage(method, new Uri(host.Address, path));
        if (token)
        {
            request.Headers.Add("X-Review-Token", host.Token);
        }

        if (origin)
        {
            request.Headers.Add("Origin", host.Address.GetLeftPart(UriPartial.Authority));
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task Every_request_needs_the_token_and_the_page_is_served_on_loopback()
    {
        (ReviewHost host, _, TempFolder dir, int beads) = await Start();
        await using (host)
        using (dir)
        using (var http = new HttpClient())
        {
            Assert.Equal("127.0.0.1", host.Address.Host);
            Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(host.Address)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync(new Uri(host.Address, "/?token=wrong"))).StatusCode);
            HttpResponseMessage page = await http.GetAsync(host.PageAddress);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains($"content=\"{host.Token}\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Contains("default-src 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

            Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(Request(host, HttpMethod.Get, "/api/alignment", token: false))).StatusCode);
            HttpResponseMessage view = await http.SendAsync(Request(host, HttpMethod.Get, "/api/alignment"));
            Assert.Equal(beads, (await Json(view)).GetProperty("beads").GetArrayLength());

            // Another name for the same address (DNS rebinding) is refused.
            HttpRequestMessage rebound = Request(host, HttpMethod.Get, "/api/alignment");
            rebound.Headers.Host = $"localhost:{host.Address.Port}";
            Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(rebound)).StatusCode);
        }
    }

    [Fact]
    public async Task Edits_need_the_page_origin_are_saved_after_each_change_and_can_be_undone()
    {
        (ReviewHost host, ReviewSession session, TempFolder dir, int beads) = await Start();
        await using (host)
        using (dir)
        using (var http = new HttpClient())
        {
            var merge = new { op = "merge", bead = 2 };
            Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(Request(host, HttpMethod.Post, "/api/edit", origin: false, body: merge))).StatusCode);
            HttpRequestMessage foreign = Request(host, HttpMethod.Post, "/api/edit", origin: false, body: merge);
            foreign.Headers.Add("Origin", "http://evil.example");
            Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(foreign)).StatusCode);

            JsonElement merged = await Json(await http.SendAsync(Request(host, HttpMethod.Post, "/api/edit", body: merge)));
            Assert.Equal(beads - 1, merged.GetProperty("beads").GetArrayLength());
            Assert.True(merged.GetProperty("beads")[2].GetProperty("confirmed").GetBoolean());

            (AlignmentResult saved, ISet<int> confirmed) = InterTextFormat.Read(session.ProjectFile);
            Assert.Equal(beads - 1, saved.Beads.Count);
            Assert.Equal(new HashSet<int> { 2 }, confirmed);

            HttpResponseMessage bad = await http.SendAsync(Request(host, HttpMethod.Post, "/api/edit", body: new { op = "merge", bead = 999 }));
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("does not exist", (await Json(bad)).GetProperty("error").GetString(), StringComparison.Ordinal);

            HttpRequestMessage garbage = Request(host, HttpMethod.Post, "/api/edit");
            garbage.Content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json");
            Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(garbage)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(Request(host, HttpMethod.Delete, "/api/edit"))).StatusCode);

            JsonElement undone = await Json(await http.SendAsync(Request(host, HttpMethod.Post, "/api/undo")));
            Assert.Equal(beads, undone.GetProperty("beads").GetArrayLength());
            JsonElement realigned = await Json(await http.SendAsync(Request(host, HttpMethod.Post, "/api/realign")));
            Assert.Equal(beads, realigned.GetProperty("beads").GetArrayLength());
        }
    }

    [Fact]
    public async Task Exports_go_to_the_output_folder_only()
    {
        (ReviewHost host, ReviewSession session, TempFolder dir, _) = await Start();
        await using (host)
        using (dir)
        using (var http = new HttpClient())
        {
            JsonElement tmx = await Json(await http.SendAsync(Request(host, HttpMethod.Post, "/api/export/tmx")));
            string path = tmx.GetProperty("path").GetString()!;
            Assert.Equal(Path.Combine(session.OutputFolder, "news.tmx"), path);
            Assert.StartsWith("<?xml", File.ReadAllText(path), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.BadRequest, (await http.SendAsync(Request(host, HttpMethod.Post, "/api/export/..%2F..%2Fetc"))).StatusCode);
        }
    }
}
