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
        var target = new Argument<FileInfo?>("TARGET") { Description = "The target text (the other language); none with --bilingual.", Arity = ArgumentArity.ZeroOrOne };
        var bilingual = new Option<bool>("--bilingual") { Description = "SOURCE holds both languages, paragraphs interleaved (a bilingual release): split it by script and keep its own pairing of paragraphs. Chinese is the source unless --source-lang en." };
        var partial = new Option<bool>("--partial") { Description = "TARGET covers only parts of SOURCE (a news report quoting a speech): link each report sentence to the original sentences it quotes or paraphrases, in any order, or to nothing. Every format but ladder and intertext; jsonl rows carry 'link' (quote, paraphrase, unlinked)." };
        var output = new Option<string?>("--output", "-o") { Description = "Output file; '-' or absent for stdout. With --format moses, a prefix: PREFIX.zh and PREFIX.en; with --format intertext, a name: NAME.zh.xml, NAME.en.xml and the alignment NAME.zh.en.xml." };
        var settings = new AlignSettings();
        var translation = new TranslatorSettings();

        var command = new Command("align", "Align the sentences of a text and its translation.");
        command.Arguments.Add(source);
        command.Arguments.Add(target);
        command.Options.Add(output);
        command.Options.Add(bilingual);
        command.Options.Add(partial);
        settings.AddTo(command);
        translation.AddTo(command);
        command.SetAction((parse, cancellationToken) => CliApp.GuardAsync(async () =>
        {
            bool translate = translation.Enabled(parse);
            settings.PreloadDictionary(parse);
            (Language sourceLanguage, Language targetLanguage) = settings.Languages(parse);
            Document src, tgt;
            IReadOnlyList<FixedPoint> fixedPoints = [];
            if (parse.GetValue(bilingual))
            {
                if (parse.GetValue(target) is { } extra)
                {
                    throw new ArgumentException($"--bilingual reads both languages from {parse.GetValue(source)!.Name}: give no second file ({extra.Name})");
                }

                string releasePath = parse.GetValue(source)!.FullName;
                InputSpec input = settings.Input.ResolveSource(parse);
                List<SourceParagraph> paragraphs = Documents.DocumentLoader.LoadFileParagraphs(releasePath, input.Read, input.Format, input.Notes);
                var release = Documents.BilingualRelease.Split(paragraphs, releasePath, input.Read);
                bool chineseSource = sourceLanguage != Language.English && targetLanguage != Language.Chinese;
                (src, tgt) = chineseSource ? (release.Chinese, release.English) : (release.English, release.Chinese);
                fixedPoints = release.FixedPoints(chineseSource);
            }
            else
            {
                FileInfo second = parse.GetValue(target) ?? throw new ArgumentException("give the TARGET file too (or --bilingual for one file holding both languages)");
                src = settings.Input.ResolveSource(parse).Load(parse.GetValue(source)!.FullName, sourceLanguage);
                tgt = settings.Input.ResolveTarget(parse).Load(second.FullName, targetLanguage);
            }

            if (src.Language == tgt.Language)
            {
                Console.Error.WriteLine($"cyberalign: warning: both files look {src.Language}; aligning anyway (give --source-lang/--target-lang if this is wrong)");
            }

            Aligner aligner = settings.CreateBuilder(parse).Build();
            string? path = parse.GetValue(output);
            if (parse.GetValue(partial))
            {
                if (parse.GetValue(bilingual) || translate)
                {
                    throw new ArgumentException("--partial cannot be combined with " + (translate ? "--translator" : "--bilingual"));
                }

                PartialAlignmentResult quotes = aligner.AlignPartial(src, tgt, cancellationToken);
                AlignmentOutput.Write(quotes, path, settings.ResolveFormat(parse, path), settings.WriterOptions(parse), cancellationToken);
                return ExitCodes.Success;
            }

            AlignmentResult result = aligner.Align(src, tgt, fixedPoints, cancellationToken);
            if (PartialHint.Describe(result) is { } hint)
            {
                Console.Error.WriteLine($"cyberalign: note: {hint}");
            }

            bool translatorFailed = false;
            if (translate)
            {
                (result, translatorFailed) = await translation.FillAsync(parse, aligner, result, cancellationToken).ConfigureAwait(false);
            }

            AlignmentOutput.Write(result, path, settings.ResolveFormat(parse, path), settings.WriterOptions(parse), cancellationToken);
            settings.SaveLexicon(parse, aligner, [result], cancellationToken);
            return translatorFailed ? ExitCodes.Failure : ExitCodes.Success;
        }));
        return command;
    }
}
