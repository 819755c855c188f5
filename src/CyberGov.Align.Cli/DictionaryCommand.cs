using System.CommandLine;
using System.IO.Compression;
using System.Text;
using CyberGov.Align.Scoring;

namespace CyberGov.Align.Cli;

/// <summary><c>cyberalign dictionary build</c>: compiles CC-CEDICT into the compact form bundled with the library.</summary>
internal static class DictionaryCommand
{
    public static Command Create()
    {
        var cedict = new Option<FileInfo>("--cedict") { Description = "The CC-CEDICT file (cedict_ts.u8, plain or .gz).", Required = true };
        var output = new Option<FileInfo>("--output", "-o") { Description = "Where to write the compact dictionary (.gz is gzipped).", Required = true };
        var build = new Command("build", "Compile CC-CEDICT into the compact dictionary the aligner bundles (see scripts/build-dictionary.sh).");
        build.Options.Add(cedict);
        build.Options.Add(output);
        build.SetAction(parse => CliApp.Guard(() =>
        {
            FileInfo input = parse.GetValue(cedict)!;
            FileInfo target = parse.GetValue(output)!;
            using Stream inFile = input.OpenRead();
            using Stream inStream = input.Name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(inFile, CompressionMode.Decompress) : inFile;
            using var reader = new StreamReader(inStream, Encoding.UTF8);
            int count = 0;
            AtomicFile.WriteStream(target.FullName, outFile =>
            {
                using Stream outStream = target.Name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(outFile, CompressionLevel.SmallestSize, leaveOpen: true) : outFile;
                using var writer = new StreamWriter(outStream, new UTF8Encoding(false), 1 << 16, leaveOpen: true);
                count = CedictCompiler.Compile(reader, writer);
            });
            Console.Error.WriteLine($"cyberalign: wrote {count:N0} headwords to {target.FullName}");
            return ExitCodes.Success;
        }));
        var command = new Command("dictionary", "Manage the bilingual dictionary.");
        command.Subcommands.Add(build);
        return command;
    }
}
