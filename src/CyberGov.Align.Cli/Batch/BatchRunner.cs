using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using CyberGov.Align.Alignment;
using CyberGov.Align.Formats;
using CyberGov.Align.Text;

namespace CyberGov.Align.Cli.Batch;

/// <summary>What a batch does with each pair.</summary>
/// <param name="OutputFolder">Where the per-document outputs go.</param>
/// <param name="Format">Output format name (or moses).</param>
/// <param name="Writer">Writer settings.</param>
/// <param name="SourceRead">How to read the source files.</param>
/// <param name="TargetRead">How to read the target files.</param>
/// <param name="SourceLanguage">Source language, or Unknown to detect.</param>
/// <param name="TargetLanguage">Target language, or Unknown to detect.</param>
/// <param name="Jobs">Pairs worked on at once.</param>
/// <param name="Force">Redo pairs whose outputs exist.</param>
/// <param name="Observe">Called with each alignment once it is written (from the worker threads).</param>
internal sealed record BatchOptions(string OutputFolder, string Format, WriterOptions Writer, InputSpec SourceRead, InputSpec TargetRead, Language SourceLanguage, Language TargetLanguage, int Jobs, bool Force, Action<AlignmentResult>? Observe = null);

/// <summary>A pair that could not be aligned, and why.</summary>
internal sealed record BatchFailure(DocumentPair Pair, string Reason);

/// <summary>Totals of a batch run (updated from several threads).</summary>
internal sealed class BatchTotals
{
    private long _done, _skipped, _failed, _sourceSentences, _targetSentences, _beads, _lowConfidence;

    public long Done => Interlocked.Read(ref _done);

    public long Skipped => Interlocked.Read(ref _skipped);

    public long Failed => Interlocked.Read(ref _failed);

    public long SourceSentences => Interlocked.Read(ref _sourceSentences);

    public long TargetSentences => Interlocked.Read(ref _targetSentences);

    public long Beads => Interlocked.Read(ref _beads);

    public long LowConfidence => Interlocked.Read(ref _lowConfidence);

    public long Finished => Done + Skipped + Failed;

    public ConcurrentQueue<BatchFailure> Failures { get; } = new();

    public TimeSpan Elapsed { get; set; }

    internal void AddDone(AlignmentResult r, double lowConfidence)
    {
        int low = 0;
        foreach (Bead b in r.Beads)
        {
            low += b.Confidence < lowConfidence ? 1 : 0;
        }

        Interlocked.Add(ref _sourceSentences, r.Source.Sentences.Count);
        Interlocked.Add(ref _targetSentences, r.Target.Sentences.Count);
        Interlocked.Add(ref _beads, r.Beads.Count);
        Interlocked.Add(ref _lowConfidence, low);
        Interlocked.Increment(ref _done);
    }

    internal void AddSkipped() => Interlocked.Increment(ref _skipped);

    internal void AddFailed(BatchFailure failure)
    {
        Failures.Enqueue(failure);
        Interlocked.Increment(ref _failed);
    }
}

/// <summary>
/// Aligns many document pairs: a producer feeds a bounded channel, <see cref="BatchOptions.Jobs"/> workers read, align
/// and write one pair each, so at most about 3 × Jobs documents are in memory whatever the batch size. A pair whose
/// outputs exist is skipped (resume); outputs are written to a temporary file and renamed; a pair that fails is
/// recorded and the batch goes on.
/// </summary>
internal static class BatchRunner
{
    public static async Task<BatchTotals> RunAsync(IReadOnlyList<DocumentPair> pairs, Aligner aligner, BatchOptions options, Action<BatchTotals>? progress, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(options.OutputFolder);
        var totals = new BatchTotals();
        var clock = Stopwatch.StartNew();
        Channel<DocumentPair> channel = Channel.CreateBounded<DocumentPair>(new BoundedChannelOptions(Math.Max(2, options.Jobs * 2))
        {
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });

        Task producer = Task.Run(
            async () =>
            {
                try
                {
                    foreach (DocumentPair pair in pairs)
                    {
                        await channel.Writer.WriteAsync(pair, cancellationToken).ConfigureAwait(false);
                    }
                }
                finally
                {
                    channel.Writer.Complete();
                }
            },
            cancellationToken);

        Task[] workers = [.. Enumerable.Range(0, options.Jobs).Select(_ => Task.Run(
            async () =>
            {
                await foreach (DocumentPair pair in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
                {
                    ProcessPair(pair, aligner, options, totals, cancellationToken);
                    progress?.Invoke(totals);
                }
            },
            cancellationToken))];

        await Task.WhenAll([producer, .. workers]).ConfigureAwait(false);
        totals.Elapsed = clock.Elapsed;
        return totals;
    }

    /// <summary>The output path given to the writer: OUT/NAME.ext, or the prefix OUT/NAME for Moses.</summary>
    private static string OutputPath(DocumentPair pair, BatchOptions options) =>
        Path.Combine(options.OutputFolder, pair.Name + (options.Format == "moses" ? string.Empty : AlignmentFormats.Create(options.Format).FileExtension));

    /// <summary>The output files of a pair.</summary>
    public static string[] OutputsOf(DocumentPair pair, BatchOptions options)
    {
        Language s = options.SourceLanguage != Language.Unknown ? options.SourceLanguage : Language.Chinese;
        Language t = options.TargetLanguage != Language.Unknown ? options.TargetLanguage : (s == Language.Chinese ? Language.English : Language.Chinese);
        return AlignmentOutput.Files(OutputPath(pair, options), options.Format, s, t);
    }

    private static void ProcessPair(DocumentPair pair, Aligner aligner, BatchOptions options, BatchTotals totals, CancellationToken cancellationToken)
    {
        string[] outputs = OutputsOf(pair, options);
        if (!options.Force && outputs.All(File.Exists))
        {
            totals.AddSkipped();
            return;
        }

        try
        {
            Document source = options.SourceRead.Load(pair.Source, options.SourceLanguage);
            Document target = options.TargetRead.Load(pair.Target, options.TargetLanguage);
            if (source.Language == target.Language)
            {
                throw new InputFormatException(pair.Target, 0, -1, $"both files look {source.Language}");
            }

            AlignmentResult result = aligner.Align(source, target, cancellationToken);
            AlignmentOutput.Write(result, OutputPath(pair, options), options.Format, options.Writer, cancellationToken);
            options.Observe?.Invoke(result);
            totals.AddDone(result, options.Writer.LowConfidence);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && ex is not OutOfMemoryException)
        {
            string reason = ex is InputFormatException or FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException or ArgumentException
                ? ex.Message
                : $"{ex.GetType().Name}: {ex.Message}";
            totals.AddFailed(new BatchFailure(pair, reason));
        }
    }
}
