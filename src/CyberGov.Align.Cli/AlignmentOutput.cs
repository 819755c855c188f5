using System.Text;
using CyberGov.Align.Alignment;
using CyberGov.Align.Formats;
using CyberGov.Align.Text;

namespace CyberGov.Align.Cli;

/// <summary>Writes an alignment in a format to stdout or to files, never leaving a half-written file behind.</summary>
internal static class AlignmentOutput
{
    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>The files a format writes for <paramref name="path"/> (Moses writes PATH.src-lang and PATH.tgt-lang).</summary>
    public static string[] Files(string path, string format, Language source, Language target) =>
        format == "moses" ? [MosesPath(path, source), MosesPath(path, target)] : [path];

    public static void Write(AlignmentResult result, string? path, string format, WriterOptions options)
    {
        if (format == "moses")
        {
            if (string.IsNullOrEmpty(path) || path == "-")
            {
                throw new ArgumentException("--format moses writes two files: give -o PREFIX (writes PREFIX.zh and PREFIX.en)");
            }

            string sourcePath = MosesPath(path, result.Source.Language), targetPath = MosesPath(path, result.Target.Language);
            if (sourcePath == targetPath)
            {
                throw new ArgumentException("--format moses needs the two documents in different languages");
            }

            AtomicFile.Write(sourcePath, s => AtomicFile.Write(targetPath, t => MosesWriter.Write(result, s, t)));
            return;
        }

        AlignmentWriter writer = AlignmentFormats.Create(format, options);
        if (string.IsNullOrEmpty(path) || path == "-")
        {
            using var stdout = new StreamWriter(Console.OpenStandardOutput(), Utf8, 1 << 16) { NewLine = "\n" };
            writer.Write(result, stdout);
            return;
        }

        AtomicFile.Write(path, w => writer.Write(result, w));
    }

    private static string MosesPath(string prefix, Language language) => $"{prefix}.{language.ToCode()}";
}

/// <summary>Writes a file through a temporary file in the same folder and a rename, so readers never see half a file.</summary>
internal static class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(false);

    public static void Write(string path, Action<TextWriter> write)
    {
        string full = Path.GetFullPath(path);
        string temp = $"{full}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp";
        try
        {
            using (var file = new StreamWriter(temp, false, Utf8, 1 << 16) { NewLine = "\n" })
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
