using System.CommandLine;
using System.Globalization;
using CyberGov.Align.Alignment;
using CyberGov.Align.Scoring;
using CyberGov.Align.Evaluation;
using CyberGov.Align.Text;

namespace CyberGov.Align.Cli;

/// <summary>
/// <c>cyberalign evaluate-partial REPORTS --originals DIR</c>: aligns each test report (a folder with <c>report.txt</c>
/// and <c>gold.tsv</c>) against its original with <see cref="Aligner.AlignPartial"/> and scores it per paragraph.
/// </summary>
internal static class EvaluatePartialCommand
{
    public static Command Create()
    {
        var reports = new Argument<DirectoryInfo>("REPORTS") { Description = "A folder of test reports: one subfolder each, with report.txt and gold.tsv (see tests/data/quotes/README.md)." };
        var originals = new Option<DirectoryInfo>("--originals") { Description = "The folder of the originals: the gold's '# original: NAME' is read from NAME/zh.txt.", Required = true };
        var verbose = new Option<bool>("--verbose") { Description = "Print every paragraph that is not right, with what was linked." };
        var weights = new Option<string[]>("--weight") { Description = "Override a weight, NAME=VALUE, as in align." };
        var learnOthers = new Option<bool>("--learn-from-others") { Description = "For each report, learn a lexicon from the other publications in --originals (NAME/zh.txt with NAME/en.txt, aligned; the report's own original left out) and use it, as a user would with --lexicon from earlier translations." };
        var command = new Command("evaluate-partial", "Score the quote finder (align --partial) on test reports with hand-made gold: quoting paragraphs linked to exactly the right original sentences, framing paragraphs linked to anything.");
        command.Arguments.Add(reports);
        command.Options.Add(originals);
        command.Options.Add(verbose);
        command.Options.Add(weights);
        command.Options.Add(learnOthers);
        command.SetAction((parse, cancellationToken) => Task.FromResult(CliApp.Guard(() =>
        {
            AlignerOptions options = AlignerOptionOverrides.ApplyAll(parse.GetValue(weights));

            Aligner aligner = new AlignerBuilder().WithOptions(options).Build();
            Dictionary<string, AlignmentResult> publications = parse.GetValue(learnOthers)
                ? AlignPublications(aligner, parse.GetValue(originals)!, cancellationToken)
                : [];
            var stdout = Console.Out;
            stdout.WriteLine("report\tquoting\texact\texact_share\tframing\tframing_linked\tframing_linked_share");
            var total = default(QuoteScore);
            var folders = parse.GetValue(reports)!.GetDirectories().Where(d => File.Exists(Path.Combine(d.FullName, "gold.tsv"))).OrderBy(d => d.Name, StringComparer.Ordinal).ToList();
            if (folders.Count == 0)
            {
                throw new FileNotFoundException($"no test reports (subfolders with gold.tsv) in '{parse.GetValue(reports)!.FullName}'");
            }

            foreach (DirectoryInfo folder in folders)
            {
                string goldPath = Path.Combine(folder.FullName, "gold.tsv");
                string name = QuoteEvaluator.OriginalName(goldPath) ?? throw new FormatException($"{goldPath}: no '# original: NAME' line");
                Document original = DocumentReader.ReadFile(Path.Combine(parse.GetValue(originals)!.FullName, name, "zh.txt"));
                Document report = DocumentReader.ReadFile(Path.Combine(folder.FullName, "report.txt"));
                List<QuoteGoldParagraph> gold = QuoteEvaluator.ReadGold(goldPath, original);
                Aligner finder = aligner;
                if (publications.Count > 0)
                {
                    LearnedLexicon others = aligner.LearnLexicon(publications.Where(p => p.Key != name).Select(p => p.Value), cancellationToken);
                    finder = new AlignerBuilder().WithOptions(options).UseLearnedLexicon(others).Build();
                }

                PartialAlignmentResult result = finder.AlignPartial(original, report, cancellationToken);
                QuoteScore score = QuoteEvaluator.Score(result, gold);
                total += score;
                stdout.WriteLine(Row(folder.Name, score));
                if (parse.GetValue(verbose))
                {
                    SortedSet<int>[] linked = QuoteEvaluator.LinkedByParagraph(result);
                    foreach (QuoteGoldParagraph g in gold.Where(g => !linked[g.Paragraph].SetEquals(g.Sources)))
                    {
                        stdout.WriteLine($"  paragraph {g.Paragraph} ({g.Kind}): gold [{string.Join(",", g.Sources)}], linked [{string.Join(",", linked[g.Paragraph])}]");
                    }
                }
            }

            if (folders.Count > 1)
            {
                stdout.WriteLine(Row("ALL", total));
            }

            return ExitCodes.Success;
        })));
        return command;
    }

    /// <summary>Aligns every publication in <paramref name="folder"/> that has both NAME/zh.txt and NAME/en.txt, by name.</summary>
    private static Dictionary<string, AlignmentResult> AlignPublications(Aligner aligner, DirectoryInfo folder, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, AlignmentResult>(StringComparer.Ordinal);
        foreach (DirectoryInfo d in folder.GetDirectories().OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            string zh = Path.Combine(d.FullName, "zh.txt"), en = Path.Combine(d.FullName, "en.txt");
            if (File.Exists(zh) && File.Exists(en))
            {
                result[d.Name] = aligner.Align(DocumentReader.ReadFile(zh), DocumentReader.ReadFile(en), cancellationToken);
            }
        }

        return result;
    }

    private static string Row(string name, QuoteScore s) => string.Create(CultureInfo.InvariantCulture,
        $"{name}\t{s.Rendering}\t{s.Exact}\t{s.ExactShare:F3}\t{s.Framing}\t{s.FramingLinked}\t{s.FramingLinkedShare:F3}");
}
