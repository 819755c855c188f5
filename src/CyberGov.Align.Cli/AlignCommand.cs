using System.CommandLine;
using System.Text;
using CyberGov.Align.Alignment;
using CyberGov.Align.Formats;
using CyberGov.Align.Scoring;
using CyberGov.Align.Text;

namespace CyberGov.Align.Cli;

/// <summary><c>cyberalign align SOURCE TARGET</c>.</summary>
internal static class AlignCommand
{
    private static readonly string[] Formats = ["tsv", "index"];

    public static Command Create()
    {
        var source = new Argument<FileInfo>("SOURCE") { Description = "The source text (Chinese or English)." };
        var target = new Argument<FileInfo>("TARGET") { Description = "The target text (the other language)." };
        var sourceLang = new Option<string?>("--source-lang") { Description = "Language of SOURCE: zh or en (default: detected)." };
        var targetLang = new Option<string?>("--target-lang") { Description = "Language of TARGET: zh or en (default: detected)." };
        var format = new Option<string?>("--format", "-f") { Description = "Output format: tsv (default) or index ([0]:[0,1]:0.93 per bead). Default: from the -o extension (.tsv, .align/.idx), else tsv." };
        format.AcceptOnlyFromAmong(Formats);
        var output = new Option<string?>("--output", "-o") { Description = "Output file; '-' or absent for stdout." };
        var glossary = new Option<FileInfo[]>("--glossary") { Description = "TSV glossary of term pairs (Chinese<TAB>English); may be repeated.", AllowMultipleArgumentsPerToken = false };
        var noDictionary = new Option<bool>("--no-dictionary") { Description = "Do not use the bundled CC-CEDICT dictionary." };
        var noParagraphs = new Option<bool>("--no-paragraphs") { Description = "Ignore paragraph structure." };
        var weights = new Option<string[]>("--weight") { Description = "Override a scoring weight, NAME=VALUE (names: " + string.Join(", ", AlignerOptionOverrides.Names) + "); may be repeated." };
        var input = new InputOptions();

        var command = new Command("align", "Align the sentences of a text and its translation.");
        command.Arguments.Add(source);
        command.Arguments.Add(target);
        command.Options.Add(sourceLang);
        command.Options.Add(targetLang);
        command.Options.Add(format);
        command.Options.Add(output);
        command.Options.Add(glossary);
        command.Options.Add(noDictionary);
        command.Options.Add(noParagraphs);
        command.Options.Add(weights);
        input.AddTo(command);
        command.SetAction(parse => CliApp.Guard(() =>
        {
            ReadOptions read = input.Resolve(parse);
            Document src = DocumentReader.ReadFile(parse.GetValue(source)!.FullName, InputOptions.ParseLanguage(parse.GetValue(sourceLang), "--source-lang"), read);
            Document tgt = DocumentReader.ReadFile(parse.GetValue(target)!.FullName, InputOptions.ParseLanguage(parse.GetValue(targetLang), "--target-lang"), read);
            if (src.Language == tgt.Language)
            {
                Console.Error.WriteLine($"cyberalign: warning: both files look {src.Language}; aligning anyway (give --source-lang/--target-lang if this is wrong)");
            }

            var builder = new AlignerBuilder();
            if (parse.GetValue(noDictionary))
            {
                builder.UseDictionary(BilingualLexicon.Empty);
            }

            foreach (FileInfo g in parse.GetValue(glossary) ?? [])
            {
                builder.UseGlossary(g.FullName);
            }

            if (parse.GetValue(noParagraphs))
            {
                builder.Configure(o => o with { UseParagraphs = false });
            }

            foreach (string w in parse.GetValue(weights) ?? [])
            {
                builder.Configure(o => AlignerOptionOverrides.Apply(o, w));
            }

            AlignmentResult result = builder.Build().Align(src, tgt);
            string? path = parse.GetValue(output);
            string fmt = parse.GetValue(format) ?? FormatFromExtension(path);
            OutputFile.Write(path, writer =>
            {
                if (fmt == "index")
                {
                    IndexFormat.Write(result, writer);
                }
                else
                {
                    TsvFormat.Write(result, writer);
                }
            });
            return ExitCodes.Success;
        }));
        return command;
    }

    private static string FormatFromExtension(string? path) => Path.GetExtension(path ?? string.Empty).ToUpperInvariant() switch
    {
        ".ALIGN" or ".IDX" or ".INDEX" => "index",
        _ => "tsv",
    };
}

/// <summary>Writes to stdout or to a file through a temporary file and a rename, so no half-written output is left.</summary>
internal static class OutputFile
{
    public static void Write(string? path, Action<TextWriter> write)
    {
        var utf8 = new UTF8Encoding(false);
        if (string.IsNullOrEmpty(path) || path == "-")
        {
            using var stdout = new StreamWriter(Console.OpenStandardOutput(), utf8, 1 << 16) { NewLine = "\n" };
            write(stdout);
            return;
        }

        string full = Path.GetFullPath(path);
        string temp = full + $".{Environment.ProcessId}.tmp";
        try
        {
            using (var file = new StreamWriter(temp, false, utf8, 1 << 16) { NewLine = "\n" })
            {
                write(file);
            }

            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
