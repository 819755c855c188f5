using System.CommandLine;
using System.Globalization;
using System.Text;
using CyberGov.Align.Alignment;
using CyberGov.Align.Text;
using Spectre.Console;

namespace CyberGov.Align.Cli.Batch;

/// <summary><c>cyberalign batch</c>: many document pairs, in parallel, resumable, shardable.</summary>
internal static class BatchCommand
{
    public static Command Create()
    {
        var manifest = new Option<FileInfo?>("--manifest", "-m") { Description = "TSV of pairs: SOURCE<TAB>TARGET[<TAB>NAME] per line, paths relative to the manifest." };
        var pairsFolder = new Option<DirectoryInfo?>("--pairs", "-p") { Description = "A folder of pairs matched by language suffix: x.zh.txt + x.en.txt (also x.zh + x.en, x_zh.txt + x_en.txt)." };
        var output = new Option<DirectoryInfo>("--output", "-o") { Description = "Folder for the per-document outputs (NAME.ext).", Required = true };
        var jobs = new Option<int>("--jobs", "-j") { Description = "Pairs aligned at once (default: the number of cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var shard = new Option<string?>("--shard") { Description = "Process only shard I of N (I/N, 0-based): pairs whose position k has k mod N = I. Run N copies to cover the batch." };
        var force = new Option<bool>("--force") { Description = "Redo pairs whose outputs already exist (default: skip them, so a re-run resumes)." };
        var settings = new AlignSettings();

        var command = new Command("batch", "Align many document pairs in parallel; resumable, shardable, one output file per pair.");
        command.Options.Add(manifest);
        command.Options.Add(pairsFolder);
        command.Options.Add(output);
        command.Options.Add(jobs);
        command.Options.Add(shard);
        command.Options.Add(force);
        settings.AddTo(command);
        command.SetAction((parse, cancellationToken) => CliApp.GuardAsync(async () =>
        {
            FileInfo? manifestFile = parse.GetValue(manifest);
            DirectoryInfo? folder = parse.GetValue(pairsFolder);
            if ((manifestFile is null) == (folder is null))
            {
                throw new ArgumentException("give exactly one of --manifest FILE and --pairs FOLDER");
            }

            int jobCount = parse.GetValue(jobs);
            if (jobCount is < 1 or > 256)
            {
                throw new ArgumentException($"--jobs {jobCount}: must be 1 to 256");
            }

            Shard part = Shard.Parse(parse.GetValue(shard));
            (Language sourceLanguage, Language targetLanguage) = settings.Languages(parse);
            List<DocumentPair> all;
            if (manifestFile is not null)
            {
                all = PairSource.ReadManifest(manifestFile.FullName);
            }
            else
            {
                (all, List<string> orphans) = PairSource.ScanFolder(folder!.FullName, sourceLanguage == Language.English ? Language.English : Language.Chinese);
                foreach (string orphan in orphans)
                {
                    Console.Error.WriteLine($"cyberalign: warning: {orphan}: no file in the other language with the same name; skipped");
                }

                if (sourceLanguage == Language.Unknown)
                {
                    (sourceLanguage, targetLanguage) = (Language.Chinese, Language.English);
                }
            }

            List<DocumentPair> mine = [.. all.Where(p => part.Contains(p.Index))];
            string outputFolder = parse.GetValue(output)!.FullName;
            var options = new BatchOptions(
                outputFolder,
                settings.ResolveFormat(parse, null),
                settings.WriterOptions(parse),
                settings.Input.ResolveSource(parse),
                settings.Input.ResolveTarget(parse),
                sourceLanguage,
                targetLanguage,
                jobCount,
                parse.GetValue(force));
            Aligner aligner = settings.CreateBuilder(parse).Build();

            // --lexicon-out: the corpus lexicon is learned from the alignments as the workers finish them.
            using var learned = new System.Collections.Concurrent.BlockingCollection<AlignmentResult>(); // unbounded: a failed learner never blocks the workers
            Task? learning = null;
            if (parse.GetValue(settings.LexiconOut) is not null)
            {
                options = options with { Observe = r => learned.Add(r, cancellationToken) };
                learning = Task.Run(() => settings.SaveLexicon(parse, aligner, learned.GetConsumingEnumerable(cancellationToken), cancellationToken), cancellationToken);
            }

            string shardText = part.Count > 1 ? $" (shard {part.Index}/{part.Count} of {all.Count})" : string.Empty;
            Console.Error.WriteLine($"cyberalign: batch of {mine.Count} pairs{shardText} on {jobCount} workers -> {outputFolder}");

            BatchTotals totals;
            try
            {
                totals = await RunWithProgressAsync(mine, aligner, options, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                learned.CompleteAdding();
            }

            if (learning is not null)
            {
                await learning.ConfigureAwait(false);
            }

            PrintSummary(totals, mine.Count);
            if (!totals.Failures.IsEmpty)
            {
                string report = Path.Combine(outputFolder, part.Count > 1 ? $"batch-failures.{part.Index}-of-{part.Count}.tsv" : "batch-failures.tsv");
                AtomicFile.Write(report, w =>
                {
                    w.Write("source\ttarget\treason\n");
                    foreach (BatchFailure f in totals.Failures.OrderBy(f => f.Pair.Index))
                    {
                        Console.Error.WriteLine($"cyberalign: failed: {f.Pair.Source}: {f.Reason}");
                        w.Write($"{f.Pair.Source}\t{f.Pair.Target}\t{f.Reason.ReplaceLineEndings(" ").Replace('\t', ' ')}\n");
                    }
                });
                Console.Error.WriteLine($"cyberalign: {totals.Failed} of {mine.Count} pairs failed; list in {report}");
                return ExitCodes.Failure;
            }

            return ExitCodes.Success;
        }, "cancelled; finished outputs are kept, re-run to resume"));
        return command;
    }

    private static async Task<BatchTotals> RunWithProgressAsync(List<DocumentPair> pairs, Aligner aligner, BatchOptions options, CancellationToken cancellationToken)
    {
        if (!Console.IsErrorRedirected && pairs.Count > 0)
        {
            IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            BatchTotals? result = null;
            await console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .StartAsync(async ctx =>
                {
                    ProgressTask task = ctx.AddTask("aligning", maxValue: pairs.Count);
                    result = await BatchRunner.RunAsync(pairs, aligner, options, t => task.Value = t.Finished, cancellationToken).ConfigureAwait(false);
                    task.Value = pairs.Count;
                }).ConfigureAwait(false);
            return result!;
        }

        // Not a terminal: a plain line every 5% (or every 100 pairs, whichever is rarer) and at the end.
        int step = Math.Max(100, pairs.Count / 20);
        object gate = new();
        long lastReported = 0;
        return await BatchRunner.RunAsync(pairs, aligner, options, t =>
        {
            long finished = t.Finished;
            lock (gate)
            {
                if (finished - lastReported >= step || finished == pairs.Count)
                {
                    lastReported = finished;
                    Console.Error.WriteLine($"cyberalign: {finished}/{pairs.Count} pairs ({t.Done} aligned, {t.Skipped} skipped, {t.Failed} failed)");
                }
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    private static void PrintSummary(BatchTotals t, int total)
    {
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
        if (Console.IsOutputRedirected)
        {
            console.Profile.Width = 200; // a file or pipe has no width: do not wrap the table at 80 columns
        }

        var table = new Table().AddColumn("documents").AddColumn("aligned").AddColumn("skipped").AddColumn("failed")
            .AddColumn("sentences (src/tgt)").AddColumn("beads").AddColumn("low-confidence beads").AddColumn("time").AddColumn("pairs/s");
        double seconds = Math.Max(t.Elapsed.TotalSeconds, 1e-9);
        table.AddRow(
            Num(total), Num(t.Done), Num(t.Skipped), Num(t.Failed),
            $"{Num(t.SourceSentences)} / {Num(t.TargetSentences)}", Num(t.Beads), Num(t.LowConfidence),
            t.Elapsed.TotalSeconds.ToString("0.0 s", CultureInfo.InvariantCulture),
            (t.Done / seconds).ToString("0.0", CultureInfo.InvariantCulture));
        console.Write(table);

        static string Num(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
    }
}
