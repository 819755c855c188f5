using System.CommandLine;
using System.Runtime.InteropServices;
using CyberGov.Align.Text;

namespace CyberGov.Align.Cli;

/// <summary>Exit codes of <c>cyberalign</c>.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Success = 0;

    /// <summary>The work ran but something failed (an I/O error while writing; in batch, one or more pairs).</summary>
    public const int Failure = 1;

    /// <summary>Bad arguments or bad input (file not found, invalid bytes, wrong language).</summary>
    public const int BadInput = 2;

    /// <summary>Cancelled (Ctrl+C).</summary>
    public const int Cancelled = 130;
}

/// <summary>The command tree of <c>cyberalign</c>.</summary>
public static class CliApp
{
    /// <summary>Builds the root command with every sub-command.</summary>
    /// <returns>The root command.</returns>
    public static RootCommand BuildRootCommand()
    {
        var root = new RootCommand("cyberalign: sentence alignment of Chinese and English texts (segment, align, batch, merge, evaluate).");
        root.Subcommands.Add(SegmentCommand.Create());
        root.Subcommands.Add(AlignCommand.Create());
        root.Subcommands.Add(ReviewCommand.Create());
        root.Subcommands.Add(Batch.BatchCommand.Create());
        root.Subcommands.Add(Batch.MergeCommand.Create());
        root.Subcommands.Add(EvaluateCommand.Create());
        root.Subcommands.Add(EvaluatePartialCommand.Create());
        root.Subcommands.Add(EvaluateDeletionsCommand.Create());
        root.Subcommands.Add(DictionaryCommand.Create());
        return root;
    }

    /// <summary>Parses and runs; parse errors exit with <see cref="ExitCodes.BadInput"/>.</summary>
    /// <param name="root">The root command.</param>
    /// <param name="args">Arguments.</param>
    /// <returns>The exit code.</returns>
    public static int Run(RootCommand root, string[] args)
    {
        ArgumentNullException.ThrowIfNull(root);
        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (System.CommandLine.Parsing.ParseError error in parse.Errors)
            {
                Console.Error.WriteLine($"cyberalign: {error.Message}");
            }

            Console.Error.WriteLine("Run 'cyberalign --help' for usage.");
            return ExitCodes.BadInput;
        }

        // Ctrl+C (SIGINT), SIGTERM and SIGQUIT all cancel the token the commands observe; the work stops within about
        // 100 ms and the command exits with 130. A second signal, or a command still running 3 s after the first,
        // ends the process at once (finished outputs are complete files; unfinished ones were never renamed into place).
        using var cancel = new CancellationTokenSource();
        using Termination termination = Termination.Register(cancel, TimeSpan.FromSeconds(3));
        return parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null }, cancel.Token).GetAwaiter().GetResult();
    }

    /// <summary>Runs a command body, turning known failures into messages on stderr and exit codes.</summary>
    /// <param name="body">The body.</param>
    /// <returns>The exit code.</returns>
    public static int Guard(Func<int> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return body();
        }
        catch (Exception ex) when (ExitCodeFor(ex) is int code)
        {
            Console.Error.WriteLine($"cyberalign: {ex.Message}");
            return code;
        }
    }

    /// <summary>Runs an asynchronous command body like <see cref="Guard"/>; cancellation (Ctrl+C, SIGTERM) exits with 130.</summary>
    /// <param name="body">The body.</param>
    /// <param name="cancelledMessage">What to tell the user when cancelled (default: nothing was written).</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> GuardAsync(Func<Task<int>> body, string cancelledMessage = "cancelled; no output was written")
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine($"cyberalign: {cancelledMessage}");
            return ExitCodes.Cancelled;
        }
        catch (Exception ex) when (ExitCodeFor(ex) is int code)
        {
            Console.Error.WriteLine($"cyberalign: {ex.Message}");
            return code;
        }
    }

    /// <summary>The exit code of a failure the user can act on (bad input, I/O), or null for a bug, which propagates.</summary>
    private static int? ExitCodeFor(Exception ex) => ex switch
    {
        InputFormatException or FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or ArgumentException or InvalidDataException => ExitCodes.BadInput,
        IOException => ExitCodes.Failure,
        _ => null,
    };
}

/// <summary>Turns SIGINT, SIGTERM and SIGQUIT into cancellation, with a hard stop for a second signal or a slow exit.</summary>
internal sealed class Termination : IDisposable
{
    private readonly List<PosixSignalRegistration> _registrations = [];
    private readonly CancellationTokenSource _cancel;
    private readonly TimeSpan _grace;
    private int _signals;

    private Termination(CancellationTokenSource cancel, TimeSpan grace)
    {
        _cancel = cancel;
        _grace = grace;
    }

    public static Termination Register(CancellationTokenSource cancel, TimeSpan grace)
    {
        var termination = new Termination(cancel, grace);
        foreach (PosixSignal signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT })
        {
            try
            {
                termination._registrations.Add(PosixSignalRegistration.Create(signal, termination.Handle));
            }
            catch (PlatformNotSupportedException)
            {
                // SIGQUIT is not available everywhere (Windows): the others still cancel.
            }
        }

        return termination;
    }

    private void Handle(PosixSignalContext context)
    {
        context.Cancel = true; // the process does not die here: the work observes the token and exits with 130
        if (Interlocked.Increment(ref _signals) > 1)
        {
            Environment.Exit(ExitCodes.Cancelled);
        }

        _cancel.Cancel();
        _ = Task.Delay(_grace).ContinueWith(_ => Environment.Exit(ExitCodes.Cancelled), TaskScheduler.Default);
    }

    public void Dispose()
    {
        foreach (PosixSignalRegistration r in _registrations)
        {
            r.Dispose();
        }
    }
}
