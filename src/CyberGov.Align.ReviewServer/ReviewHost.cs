using System.Net;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CyberGov.Align.Alignment;
using CyberGov.Align.Review;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CyberGov.Align.ReviewServer;

/// <summary>
/// The review server: ASP.NET Core on 127.0.0.1 with a random free port. The page (<c>/?token=…</c>) shows the
/// alignment; its script calls the API under <c>/api</c>. Every request needs the one-time token — the page in its
/// query, the API in the <c>X-Review-Token</c> header — and must name this server in its Host header (no DNS
/// rebinding); a request that changes anything must also come from the page's own origin. The server reads and
/// writes only its project and its export folder. Dispose (or cancel <see cref="RunAsync"/>) to stop it.
/// </summary>
public sealed class ReviewHost : IAsyncDisposable
{
    private const string TokenHeader = "X-Review-Token";

    private readonly WebApplication _app;
    private readonly ReviewSession _session;
    private readonly string _page;

    private ReviewHost(WebApplication app, ReviewSession session, string token)
    {
        _app = app;
        _session = session;
        Token = token;
        _page = Page().Replace("{{TOKEN}}", WebUtility.HtmlEncode(token), StringComparison.Ordinal);
    }

    /// <summary>The one-time token every request must carry.</summary>
    public string Token { get; }

    /// <summary>The server's address (http://127.0.0.1:PORT/).</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>The page's address, with the token.</summary>
    public Uri PageAddress => new(Address, "/?token=" + Uri.EscapeDataString(Token));

    /// <summary>Starts a server for a review session.</summary>
    /// <param name="session">The review.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    public static async Task<ReviewHost> StartAsync(ReviewSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        WebApplication app = builder.Build();
        string token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var host = new ReviewHost(app, session, token);
        host.Map();
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host.Address = new Uri(address.EndsWith('/') ? address : address + "/");
        return host;
    }

    /// <summary>Waits until <paramref name="cancellationToken"/> is cancelled, then stops the server (the project was saved after every edit).</summary>
    /// <param name="cancellationToken">Stops the server.</param>
    /// <returns>A task that ends when the server has stopped.</returns>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // stop requested
        }

        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _app.DisposeAsync().ConfigureAwait(false);

    private void Map()
    {
        _app.Use(async (context, next) =>
        {
            if (!Allowed(context.Request))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            context.Response.Headers["Cache-Control"] = "no-store";
            context.Response.Headers["X-Content-Type-Options"] = "nosniff";
            context.Response.Headers["Referrer-Policy"] = "no-referrer";
            await next(context).ConfigureAwait(false);
        });

        _app.MapGet("/", (HttpContext context) =>
        {
            context.Response.Headers["Content-Security-Policy"] = "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
            return Results.Content(_page, "text/html; charset=utf-8");
        });
        _app.MapGet("/api/alignment", () => Results.Json(View(), JsonOptions));
        _app.MapPost("/api/edit", async (HttpRequest request) =>
        {
            EditRequest? edit;
            try
            {
                edit = await JsonSerializer.DeserializeAsync<EditRequest>(request.Body, JsonOptions).ConfigureAwait(false);
            }
            catch (JsonException ex)
            {
                return Results.BadRequest(new { error = "not an edit: " + ex.Message });
            }

            return edit is null ? Results.BadRequest(new { error = "no edit" }) : Change(editor => Apply(editor, edit));
        });
        _app.MapPost("/api/undo", () => Change(editor => editor.Undo()));
        _app.MapPost("/api/redo", () => Change(editor => editor.Redo()));
        _app.MapPost("/api/realign", (HttpContext context) => Change(editor => editor.RealignRest(context.RequestAborted)));
        _app.MapPost("/api/export/{format}", (string format) =>
        {
            try
            {
                return Results.Json(new { path = _session.Export(format) });
            }
            catch (ArgumentException ex)
            {
                return Results.BadRequest(new { error = ex.Message });
            }
        });
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>The token (constant-time), the Host header, and for changes the page's own origin.</summary>
    private bool Allowed(HttpRequest request)
    {
        if (!string.Equals(request.Host.Host, "127.0.0.1", StringComparison.Ordinal) || request.Host.Port != Address?.Port)
        {
            return false;
        }

        string? given = request.Path == "/" ? request.Query["token"].ToString() : request.Headers[TokenHeader].ToString();
        if (string.IsNullOrEmpty(given) || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(Token)))
        {
            return false;
        }

        if (HttpMethods.IsGet(request.Method))
        {
            return true;
        }

        string origin = request.Headers.Origin.ToString();
        return HttpMethods.IsPost(request.Method) && origin == Address!.GetLeftPart(UriPartial.Authority);
    }

    /// <summary>Runs an edit, saves the project and answers with the new view (400 with the reason for an impossible edit).</summary>
    private IResult Change(Action<AlignmentEditor> edit)
    {
        try
        {
            _session.Run(editor =>
            {
                edit(editor);
                return true;
            });
        }
        catch (ArgumentException ex)
        {
            return Results.BadRequest(new { error = ex.Message });
        }

        _session.Save();
        return Results.Json(View(), JsonOptions);
    }

    private static void Apply(AlignmentEditor editor, EditRequest edit)
    {
        BeadSide side = string.Equals(edit.Side, "target", StringComparison.OrdinalIgnoreCase) ? BeadSide.Target : BeadSide.Source;
        switch (edit.Op)
        {
            case "merge": editor.Merge(edit.Bead); break;
            case "split": editor.Split(edit.Bead, edit.SourceCount, edit.TargetCount); break;
            case "moveFirstToPrevious": editor.MoveFirstToPrevious(edit.Bead, side); break;
            case "moveLastToNext": editor.MoveLastToNext(edit.Bead, side); break;
            case "detach": editor.Detach(edit.Bead); break;
            case "confirm": editor.Confirm(edit.Bead); break;
            case "unconfirm": editor.Confirm(edit.Bead, confirmed: false); break;
            case "splitSentence": editor.SplitSentence(side, edit.Sentence, edit.At); break;
            case "joinSentences": editor.JoinSentences(side, edit.Sentence); break;
            default: throw new ArgumentException($"unknown edit '{edit.Op}'");
        }
    }

    /// <summary>What the page shows: every bead with its sentences, confidence, confirmation and the review's findings.</summary>
    private AlignmentView View() => _session.Run(editor =>
    {
        AlignmentResult a = editor.Current;
        ILookup<int, Finding> findings = TranslationReview.Analyze(a).Findings.ToLookup(f => f.Bead);
        var confirmed = editor.Confirmed.ToHashSet();
        return new AlignmentView(
            Path.GetFileName(a.Source.Name),
            Path.GetFileName(a.Target.Name),
            editor.CanUndo,
            editor.CanRedo,
            _session.ProjectFile,
            [.. a.Beads.Select((b, k) => new BeadView(
                b.Kind,
                Math.Round(b.Confidence, 2),
                confirmed.Contains(k),
                b.SourceStart,
                [.. Enumerable.Range(b.SourceStart, b.SourceCount).Select(a.Source.SentenceText)],
                b.TargetStart,
                [.. Enumerable.Range(b.TargetStart, b.TargetCount).Select(a.Target.SentenceText)],
                [.. findings[k].Select(f => f.Message)]))]);
    });

    /// <summary>The page as embedded in the assembly, before the token goes in.</summary>
    private static string Page()
    {
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("CyberGov.Align.ReviewServer.review.html")!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The alignment as the page receives it.</summary>
    internal sealed record AlignmentView(string? Source, string? Target, bool CanUndo, bool CanRedo, string Project, BeadView[] Beads);

    /// <summary>One bead as the page receives it.</summary>
    internal sealed record BeadView(string Kind, double Confidence, bool Confirmed, int SourceStart, string[] Source, int TargetStart, string[] Target, string[] Findings);

    /// <summary>An edit as the page sends it.</summary>
    private sealed record EditRequest(string Op, int Bead, string? Side, int SourceCount, int TargetCount, int Sentence, int At);
}
