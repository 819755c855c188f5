using System.CommandLine;
using System.Globalization;
using CyberGov.Align.Alignment;
using CyberGov.Align.Evaluation;
using CyberGov.Align.Formats;
using CyberGov.Align.Review;
using CyberGov.Align.Scoring;
using CyberGov.Align.Text;

namespace CyberGov.Align.Cli;

/// <summary>
/// <c>cyberalign evaluate-deletions --dev DIR --real DIR</c>: the deletion benchmark (<see cref="DeletionBenchmark"/>)
/// over hand-aligned sets and complete translations, and the false claims on the complete translations as published.
/// </summary>
internal static class EvaluateDeletionsCommand
{
    public static Command Create()
    {
        var dev = new Option<DirectoryInfo?>("--dev") { Description = "Folder of gold sets: each subfolder has gold/NAME.align and the texts in src/ and tgt/ (or zh/ and en/), one sentence per line." };
        var real = new Option<DirectoryInfo?>("--real") { Description = "Folder of complete translations: each subfolder has zh.txt and en.txt (paragraphs separated by blank lines). Their reference is the aligner's own alignment of the untouched texts." };
        var seed = new Option<int>("--seed") { Description = "Chooses the deletion sites (default 1). Tune on one seed, report another.", DefaultValueFactory = _ => 1 };
        var weights = new Option<string[]>("--weight") { Description = "Override a weight, NAME=VALUE, as in align." };
        var verbose = new Option<bool>("--verbose") { Description = "Print every sentence counted wrong (a deletion's counterpart that was linked, a null bead without a deletion) to stderr." };
        var command = new Command("evaluate-deletions", "Delete sentences, runs, list items and paragraphs from either side of known translations, align, and score the null beads (precision and recall per set and kind); take single items of Chinese enumerations out of the English of linked beads and score the review's partial omissions; also count null beads and number flags per 100 beads on the complete translations as they are.");
        command.Options.Add(dev);
        command.Options.Add(real);
        command.Options.Add(seed);
        command.Options.Add(weights);
        command.Options.Add(verbose);
        command.SetAction((parse, cancellationToken) => Task.FromResult(CliApp.Guard(() =>
        {
            DirectoryInfo? devDir = parse.GetValue(dev), realDir = parse.GetValue(real);
            if (devDir is null && realDir is null)
            {
                throw new ArgumentException("give --dev DIR, --real DIR or both");
            }

            AlignerOptions options = AlignerOptionOverrides.ApplyAll(parse.GetValue(weights));

            Aligner aligner = new AlignerBuilder().UseBundledDictionary().WithOptions(options).Build();
            var sets = new List<(string Name, List<DeletionDocument> Documents)>();
            if (devDir is not null)
            {
                sets.AddRange(Subfolders(devDir).Select(d => (d.Name, GoldDocuments(d))));
            }

            var stdout = Console.Out;
            if (realDir is not null)
            {
                stdout.WriteLine("complete\tbeads\tnull_beads\tnull_per_100\tnumber_flags\tflags_per_100");
                var real = new List<DeletionDocument>();
                foreach (DirectoryInfo d in Subfolders(realDir).Where(d => File.Exists(Path.Combine(d.FullName, "zh.txt"))))
                {
                    Document zh = DocumentReader.ReadFile(Path.Combine(d.FullName, "zh.txt"));
                    Document en = DocumentReader.ReadFile(Path.Combine(d.FullName, "en.txt"));
                    AlignmentResult result = aligner.Align(zh, en, cancellationToken);
                    int nulls = result.Beads.Count(b => b.IsNull);
                    int flags = TranslationReview.Analyze(result).Count(FindingKind.NumberMismatch);
                    stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{d.Name}\t{result.Beads.Count}\t{nulls}\t{100.0 * nulls / result.Beads.Count:F2}\t{flags}\t{100.0 * flags / result.Beads.Count:F2}"));
                    real.Add(new DeletionDocument(d.Name, zh, en, [.. result.Beads.Select(b => new IndexBead([.. Enumerable.Range(b.SourceStart, b.SourceCount)], [.. Enumerable.Range(b.TargetStart, b.TargetCount)], b.Confidence))]));
                }

                sets.Add((realDir.Name, real));
                stdout.WriteLine();
            }

            stdout.WriteLine("set\tkind\tsites\ttruth\tpredicted\thits\tprecision\trecall");
            foreach ((string name, List<DeletionDocument> documents) in sets)
            {
                var byKind = new SortedDictionary<DeletionKind, (int Sites, NullScore Score)>();
                foreach (DeletionDocument document in documents)
                {
                    foreach (DeletionTrial trial in DeletionBenchmark.Run(aligner, document, parse.GetValue(seed), cancellationToken))
                    {
                        if (parse.GetValue(verbose))
                        {
                            foreach (string error in trial.Errors)
                            {
                                Console.Error.WriteLine($"{trial.Kind.ToString().ToLowerInvariant()}\t{error}");
                            }
                        }

                        byKind.TryGetValue(trial.Kind, out (int Sites, NullScore Score) sum);
                        byKind[trial.Kind] = (sum.Sites + trial.Sites, sum.Score + trial.Score);
                    }
                }

                foreach ((DeletionKind kind, (int sites, NullScore score)) in byKind)
                {
                    stdout.WriteLine(Row(name, kind.ToString().ToLowerInvariant(), sites, score));
                }

                stdout.WriteLine(Row(name, "all", byKind.Values.Sum(v => v.Sites), byKind.Values.Aggregate(default(NullScore), (a, v) => a + v.Score)));
            }

            stdout.WriteLine();
            stdout.WriteLine("set\tlinked_beads\titem_sites\tfound\twrong\tprecision\trecall\tflags_untouched");
            foreach ((string name, List<DeletionDocument> documents) in sets)
            {
                ListItemScore s = documents.Aggregate(default(ListItemScore), (sum, d) => sum + DeletionBenchmark.RunListItems(d, BilingualLexicon.Default));
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}\t{s.Beads}\t{s.Sites}\t{s.Found}\t{s.Wrong}\t{s.Precision:F3}\t{s.Recall:F3}\t{s.FalseOnUntouched}"));
            }

            return ExitCodes.Success;
        })));
        return command;
    }

    private static IEnumerable<DirectoryInfo> Subfolders(DirectoryInfo folder) =>
        folder.Exists ? folder.GetDirectories().OrderBy(d => d.Name, StringComparer.Ordinal) : throw new DirectoryNotFoundException($"'{folder.FullName}' is not a folder");

    /// <summary>The documents of a gold set: gold/NAME.align with NAME in src/ and tgt/ (or zh/ and en/).</summary>
    private static List<DeletionDocument> GoldDocuments(DirectoryInfo set)
    {
        string Folder(string a, string b) => Directory.Exists(Path.Combine(set.FullName, a)) ? Path.Combine(set.FullName, a) : Path.Combine(set.FullName, b);
        string source = Folder("src", "zh"), target = Folder("tgt", "en");
        var presplit = new ReadOptions { ParagraphMode = ParagraphMode.PreSplit };
        var documents = new List<DeletionDocument>();
        string gold = Path.Combine(set.FullName, "gold");
        if (!Directory.Exists(gold))
        {
            throw new DirectoryNotFoundException($"'{set.FullName}' has no gold/ folder");
        }

        foreach (string file in Directory.GetFiles(gold, "*.align").Order(StringComparer.Ordinal))
        {
            string id = Path.GetFileNameWithoutExtension(file);
            documents.Add(new DeletionDocument($"{set.Name}/{id}",
                DocumentReader.ReadFile(Path.Combine(source, id), Language.Unknown, presplit),
                DocumentReader.ReadFile(Path.Combine(target, id), Language.Unknown, presplit),
                IndexFormat.ReadFile(file)));
        }

        return documents;
    }

    private static string Row(string set, string kind, int sites, NullScore s) => string.Create(CultureInfo.InvariantCulture,
        $"{set}\t{kind}\t{sites}\t{s.Truth}\t{s.Predicted}\t{s.Hits}\t{s.Precision:F3}\t{s.Recall:F3}");
}
