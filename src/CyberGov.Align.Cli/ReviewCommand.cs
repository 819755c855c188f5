using System.CommandLine;
using System.Diagnostics;
using CyberGov.Align.Alignment;
using CyberGov.Align.Formats;
using CyberGov.Align.ReviewServer;
using CyberGov.Align.Text;

namespace CyberGov.Align.Cli;

/// <summary>
/// <c>cyberalign review SOURCE TARGET</c> or <c>cyberalign review PROJECT.xml</c>: aligns (or opens an InterText
/// project), serves the review page on 127.0.0.1 and saves the project after every edit, until Ctrl+C.
/// </summary>
internal static class ReviewCommand
{
    public static Command Create()
    {
        var source = new Argument<FileInfo>("SOURCE") { Description = "The source text, or an InterText alignment file (PROJECT.xml) to go on reviewing." };
        var target = new Argument<FileInfo?>("TARGET") { Description = "The target text (none when SOURCE is a project).", Arity = ArgumentArity.ZeroOrOne };
        var project = new Option<string?>("--project") { Description = "Where the project is saved: NAME gives NAME.zh.xml, NAME.en.xml and NAME.zh.en.xml (default: beside the source, named after it)." };
        var outputFolder = new Option<DirectoryInfo?>("--out") { Description = "The folder exports (TMX, XLIFF) are written to (default: the project's folder)." };
        var noBrowser = new Option<bool>("--no-browser") { Description = "Print the address only; do not open a browser." };
        var settings = new AlignSettings();
        var command = new Command("review", "Review and correct an alignment in the browser (a local server on 127.0.0.1).");
        command.Arguments.Add(source);
        command.Arguments.Add(target);
        command.Options.Add(project);
        command.Options.Add(outputFolder);
        command.Options.Add(noBrowser);
        settings.AddTo(command);
        command.SetAction((parse, cancellationToken) => CliApp.GuardAsync(async () =>
        {
            Aligner aligner = settings.CreateBuilder(parse).Build();
            string first = parse.GetValue(source)!.FullName;
            AlignmentResult alignment;
            IEnumerable<int> confirmed = [];
            string prefix;
            if (parse.GetValue(target) is { } second)
            {
                settings.PreloadDictionary(parse);
                (Language sourceLanguage, Language targetLanguage) = settings.Languages(parse);
                Document src = settings.Input.ResolveSource(parse).Load(first, sourceLanguage);
                Document tgt = settings.Input.ResolveTarget(parse).Load(second.FullName, targetLanguage);
                alignment = aligner.Align(src, tgt, cancellationToken);
                prefix = parse.GetValue(project) ?? DefaultPrefix(first, src.Language);
            }
            else
            {
                (alignment, ISet<int> read) = InterTextFormat.Read(first);
                confirmed = read;
                prefix = parse.GetValue(project) ?? ProjectPrefix(first, alignment);
            }

            string output = parse.GetValue(outputFolder)?.FullName ?? Path.GetDirectoryName(Path.GetFullPath(prefix))!;
            var session = new ReviewSession(aligner, alignment, prefix, output, confirmed);
            session.Save();
            await using ReviewHost host = await ReviewHost.StartAsync(session, cancellationToken).ConfigureAwait(false);
            Console.WriteLine($"Review at {host.PageAddress}");
            Console.WriteLine($"Project: {session.ProjectFile} (saved after every edit); exports go to {session.OutputFolder}. Ctrl+C to stop.");
            if (!parse.GetValue(noBrowser))
            {
                OpenBrowser(host.PageAddress);
            }

            await host.RunAsync(cancellationToken).ConfigureAwait(false);
            Console.Error.WriteLine("cyberalign: review stopped; every edit is saved in " + session.ProjectFile);
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>news.zh.txt → news.review (beside it): the source's name without extension and language code.</summary>
    private static string DefaultPrefix(string sourceFile, Language language)
    {
        string stem = Path.GetFileNameWithoutExtension(sourceFile);
        string code = "." + language.ToCode();
        stem = stem.EndsWith(code, StringComparison.OrdinalIgnoreCase) ? stem[..^code.Length] : stem;
        return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(sourceFile))!, stem + ".review");
    }

    /// <summary>The project prefix of an InterText alignment file NAME.src.tgt.xml: NAME (so the project is saved where it was).</summary>
    private static string ProjectPrefix(string alignmentFile, AlignmentResult alignment)
    {
        string full = Path.GetFullPath(alignmentFile);
        string suffix = $".{alignment.Source.Language.ToCode()}.{alignment.Target.Language.ToCode()}.xml";
        return full.EndsWith(suffix, StringComparison.OrdinalIgnoreCase) ? full[..^suffix.Length] : Path.ChangeExtension(full, null) + ".review";
    }

    private static void OpenBrowser(Uri address)
    {
        try
        {
            string opener = OperatingSystem.IsWindows() ? "explorer" : OperatingSystem.IsMacOS() ? "open" : "xdg-open";
            using Process? process = Process.Start(new ProcessStartInfo(opener, address.AbsoluteUri) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true });
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Console.Error.WriteLine("cyberalign: no browser could be opened; open the address above");
        }
    }
}
