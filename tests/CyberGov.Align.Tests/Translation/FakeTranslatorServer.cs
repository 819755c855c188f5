using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CyberGov.Align.Tests.Translation;

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel, a free port) that speaks the Translator v3 contract: POST /translate and
/// /translator/text/v3.0/translate with <c>[{"Text":"…"}]</c>, answering <c>[{"translations":[{"text":"…","to":"en"}]}]</c>.
/// Each test scripts the answers in order; when the script is empty it translates (by the dictionary, else "EN(text)").
/// </summary>
internal sealed class FakeTranslatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<Received, HttpContext, Task>> _script = new();

    private FakeTranslatorServer(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public ConcurrentQueue<Received> Requests { get; } = new();

    public Dictionary<string, string> Dictionary { get; } = new(StringComparer.Ordinal);

    public static async Task<FakeTranslatorServer> StartAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        WebApplication app = builder.Build();
        var server = new FakeTranslatorServer(app);
        app.MapPost("/translate", server.HandleAsync);
        app.MapPost("/translator/text/v3.0/translate", server.HandleAsync);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Url = new Uri(address);

        // Warm up (first-request JIT of the server pipeline) so that tests with short timeouts measure the client, not a cold server.
        using (var http = new HttpClient())
        {
            using var content = new StringContent("[{\"Text\":\"warm-up\"}]", System.Text.Encoding.UTF8, "application/json");
            using HttpResponseMessage response = await http.PostAsync(new Uri(server.Url, "/translate?api-version=3.0&from=en&to=zh-Hans"), content);
            response.EnsureSuccessStatusCode();
        }

        server.Requests.Clear();
        return server;
    }

    /// <summary>The next request gets this status and the v3 error body; <paramref name="retryAfter"/> adds the header.</summary>
    public void ThenError(int status, int code, string? retryAfter = null) => _script.Enqueue(async (_, ctx) =>
    {
        ctx.Response.StatusCode = status;
        if (retryAfter is not null)
        {
            ctx.Response.Headers.RetryAfter = retryAfter;
        }

        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync($"{{\"error\":{{\"code\":{code},\"message\":\"scripted error {code}\"}}}}");
    });

    /// <summary>The next request waits before it is translated.</summary>
    public void ThenDelay(TimeSpan delay) => _script.Enqueue(async (r, ctx) =>
    {
        try
        {
            await Task.Delay(delay, ctx.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        await TranslateAsync(r, ctx, r.Texts.Count);
    });

    /// <summary>The next request gets a body that is not JSON.</summary>
    public void ThenMalformed() => _script.Enqueue(async (_, ctx) =>
    {
        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync("[{\"translations\": [ {\"text\": \"unfinished");
    });

    /// <summary>The next request gets one translation fewer than it sent.</summary>
    public void ThenFewer() => _script.Enqueue((r, ctx) => TranslateAsync(r, ctx, r.Texts.Count - 1));

    public void ThenTranslate() => _script.Enqueue((r, ctx) => TranslateAsync(r, ctx, r.Texts.Count));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext ctx)
    {
        using JsonDocument body = await JsonDocument.ParseAsync(ctx.Request.Body);
        var received = new Received(
            ctx.Request.Path,
            ctx.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()),
            ctx.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            [.. body.RootElement.EnumerateArray().Select(e => e.GetProperty("Text").GetString()!)]);
        Requests.Enqueue(received);
        if (_script.TryDequeue(out Func<Received, HttpContext, Task>? step))
        {
            await step(received, ctx);
        }
        else
        {
            await TranslateAsync(received, ctx, received.Texts.Count);
        }
    }

    private async Task TranslateAsync(Received r, HttpContext ctx, int count)
    {
        string to = r.Query.GetValueOrDefault("to", "en");
        var items = r.Texts.Take(count).Select(t => new { translations = new[] { new { text = Dictionary.GetValueOrDefault(t, $"EN({t})"), to } } });
        ctx.Response.ContentType = "application/json";
        await ctx.Response.WriteAsync(JsonSerializer.Serialize(items));
    }

    internal sealed record Received(string Path, Dictionary<string, string> Query, Dictionary<string, string> Headers, List<string> Texts);
}
