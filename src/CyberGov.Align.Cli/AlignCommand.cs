using System.CommandLine;
using CyberGov.Align.Alignment;
using CyberGov.Align.Text;

namespace CyberGov.Align.Cli;

/// <summary><c>cyberalign align SOURCE TARGET</c>.</summary>
internal static class AlignCommand
{
    public static Command Create()
    {
        var source = new Argument<FileInfo>("SOURCE") { Description = "The source text (Chinese or English)." };
        var target = new Argument<FileInfo>("TARGET") { Description = "The target text (the other language)." };
        var output = new Option<string?>("--output", "-o") { Description = "Output file; '-' or absent for stdout. With --format moses, a prefix: PREFIX.zh and PREFIX.en." };
        var settings = new AlignSettings();
        var translation = new TranslatorSettings();

        var command = new Command("align", "Align the sentences of a text and its translation.");
        command.Arguments.Add(source);
        command.Arguments.Add(target);
        command.Options.Add(output);
        settings.AddTo(command);
        translation.AddTo(command);
        command.SetAction((parse, cancellationToken) => CliApp.GuardAsync(async () =>
        {
            bool translate = translation.Enabled(parse);
            settings.PreloadDictionary(parse);
            (Language sourceLanguage, Language targetLanguage) = settings.Languages(parse);
            Document src = settings.Input.ResolveSource(parse).Load(parse.GetValue(source)!.FullName, sourceLanguage);
            Document tgt = settings.Input.ResolveTarget(parse).Load(parse.GetValue(target)!.FullName, targetLanguage);
            if (src.Language == tgt.Language)
            {
                Console.Error.WriteLine($"cyberalign: warning: both files look {src.Language}; aligning anyway (give --source-lang/--target-lang if this is wrong)");
            }

            Aligner aligner = settings.CreateBuilder(parse).Build();
            AlignmentResult result = aligner.Align(src, tgt, cancellationToken);
            bool translatorFailed = false;
            if (translate)
            {
                (result, translatorFailed) = await translation.FillAsync(parse, aligner, result, cancellationToken).ConfigureAwait(false);
            }

            string? path = parse.GetValue(output);
            AlignmentOutput.Write(result, path, settings.ResolveFormat(parse, path), settings.WriterOptions(parse), cancellationToken);
            return translatorFailed ? ExitCodes.Failure : ExitCodes.Success;
        }));
        return command;
    }
}
