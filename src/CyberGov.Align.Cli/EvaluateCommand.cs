using System.CommandLine;
using System.Globalization;
using CyberGov.Align.Evaluation;
using CyberGov.Align.Formats;

namespace CyberGov.Align.Cli;

/// <summary><c>cyberalign evaluate --gold G --test T</c>: strict and lax precision, recall and F1.</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var gold = new Option<string>("--gold") { Description = "Gold alignment file, or a folder of them.", Required = true };
        var test = new Option<string>("--test") { Description = "Test alignment file, or a folder with files of the same names.", Required = true };
        var command = new Command("evaluate", "Score alignments against gold alignments: strict (exact beads, null beads included) and lax P/R/F1, pooled over files.");
        command.Options.Add(gold);
        command.Options.Add(test);
        command.SetAction(parse => CliApp.Guard(() =>
        {
            string g = parse.GetValue(gold)!, t = parse.GetValue(test)!;
            List<(string Name, string Gold, string Test)> pairs = Pair(g, t);
            var total = default(EvaluationResult);
            var stdout = Console.Out;
            stdout.WriteLine("file\tstrict_P\tstrict_R\tstrict_F1\tlax_P\tlax_R\tlax_F1\tgold_beads\ttest_beads");
            foreach ((string name, string goldFile, string testFile) in pairs)
            {
                EvaluationResult r = AlignmentEvaluator.Evaluate(IndexFormat.ReadFile(goldFile), IndexFormat.ReadFile(testFile));
                total += r;
                stdout.WriteLine(Row(name, r));
            }

            if (pairs.Count > 1)
            {
                stdout.WriteLine(Row("ALL", total));
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static string Row(string name, EvaluationResult r) => string.Create(CultureInfo.InvariantCulture,
        $"{name}\t{r.Strict.Precision:F4}\t{r.Strict.Recall:F4}\t{r.Strict.F1:F4}\t{r.Lax.Precision:F4}\t{r.Lax.Recall:F4}\t{r.Lax.F1:F4}\t{r.Strict.GoldBeads}\t{r.Strict.TestBeads}");

    private static List<(string, string, string)> Pair(string gold, string test)
    {
        if (File.Exists(gold))
        {
            if (!File.Exists(test))
            {
                throw new FileNotFoundException($"test alignment '{test}' not found");
            }

            return [(Path.GetFileName(gold), gold, test)];
        }

        if (!Directory.Exists(gold))
        {
            throw new FileNotFoundException($"gold alignment '{gold}' not found");
        }

        if (!Directory.Exists(test))
        {
            throw new DirectoryNotFoundException($"--gold is a folder, so --test must be one too: '{test}' is not");
        }

        var pairs = new List<(string, string, string)>();
        foreach (string goldFile in Directory.GetFiles(gold).Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(goldFile);
            string testFile = Path.Combine(test, name);
            if (!File.Exists(testFile))
            {
                throw new FileNotFoundException($"no test alignment for gold file '{name}' in '{test}'");
            }

            pairs.Add((name, goldFile, testFile));
        }

        return pairs;
    }
}
