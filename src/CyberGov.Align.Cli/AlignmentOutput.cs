using System.Runtime.InteropServices;
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
    public static string[] Files(string path, string format, Language source, Language target) => format switch
    {
        "moses" => [MosesPath(path, source), MosesPath(path, target)],
        "intertext" => InterTextFiles(path, source, target),
        _ => [path],
    };

    private static string[] InterTextFiles(string path, Language source, Language target)
    {
        (string s, string t, string a) = InterTextFormat.Files(path, source, target);
        return [s, t, a];
    }

    public static void Write(AlignmentResult result, string? path, string format, WriterOptions options, CancellationToken cancellationToken = default)
    {
        if (format == "moses")
        {
            WriteMoses(path, result.Source.Language, result.Target.Language, (s, t) => MosesWriter.Write(result, s, t, cancellationToken));
            return;
        }

        if (format == "intertext")
        {
            if (string.IsNullOrEmpty(path) || path == "-")
            {
                throw new ArgumentException("--format intertext writes three files: give -o NAME (writes NAME.zh.xml, NAME.en.xml and the alignment NAME.zh.en.xml)");
            }

            (string sourceDoc, string targetDoc, string links) = InterTextFormat.Files(path, result.Source.Language, result.Target.Language);
            AtomicFile.Write(sourceDoc, s => AtomicFile.Write(targetDoc, t => AtomicFile.Write(links, l =>
                InterTextFormat.Write(result, s, t, l, Path.GetFileName(sourceDoc), Path.GetFileName(targetDoc), cancellationToken: cancellationToken))));
            return;
        }

        AlignmentWriter writer = AlignmentFormats.Create(format, options);
        WriteOne(path, w => writer.Write(result, w, cancellationToken));
    }

    /// <summary>Writes a partial alignment (align --partial): every format but ladder and intertext, which need beads in order.</summary>
    public static void Write(PartialAlignmentResult result, string? path, string format, WriterOptions options, CancellationToken cancellationToken = default)
    {
        if (format is "ladder" or "intertext")
        {
            throw new ArgumentException($"--format {format} needs a monotone alignment; with --partial use tsv, index, jsonl, tmx, xliff, xliff2, html or moses");
        }

        if (format == "moses")
        {
            WriteMoses(path, result.Source.Language, result.Target.Language, (s, t) => MosesWriter.Write(result, s, t, cancellationToken));
            return;
        }

        AlignmentWriter writer = AlignmentFormats.Create(format, options);
        WriteOne(path, w => writer.Write(result, w, cancellationToken));
    }

    /// <summary>Moses's two files, PATH.source-language and PATH.target-language, each written atomically.</summary>
    private static void WriteMoses(string? path, Language source, Language target, Action<TextWriter, TextWriter> write)
    {
        if (string.IsNullOrEmpty(path) || path == "-")
        {
            throw new ArgumentException("--format moses writes two files: give -o PREFIX (writes PREFIX.zh and PREFIX.en)");
        }

        string sourcePath = MosesPath(path, source), targetPath = MosesPath(path, target);
        if (sourcePath == targetPath)
        {
            throw new ArgumentException("--format moses needs the two documents in different languages");
        }

        AtomicFile.Write(sourcePath, s => AtomicFile.Write(targetPath, t => write(s, t)));
    }

    /// <summary>One output: stdout for no path or '-', else the file, atomically.</summary>
    private static void WriteOne(string? path, Action<TextWriter> write)
    {
        if (string.IsNullOrEmpty(path) || path == "-")
        {
            using var stdout = new StreamWriter(Console.OpenStandardOutput(), Utf8, 1 << 16) { NewLine = "\n" };
            write(stdout);
            return;
        }

        AtomicFile.Write(path, write);
    }

    private static string MosesPath(string prefix, Language language) => $"{prefix}.{language.ToCode()}";
}

/// <summary>
/// Writes an output file so that readers never see half of it and nothing but the named file is touched: a regular
/// file (new or existing) is written to a temporary file in the same folder and renamed over it; a symbolic link is
/// followed and its final target written the same way (the link stays a link); a device, FIFO or socket is written
/// through in place (never replaced). Errors name the user's path, never the temporary one.
/// </summary>
internal static class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(false);

    public static void Write(string path, Action<TextWriter> write) =>
        WriteStream(path, stream =>
        {
            using var file = new StreamWriter(stream, Utf8, 1 << 16, leaveOpen: true) { NewLine = "\n" };
            write(file);
        });

    /// <summary>Like <see cref="Write"/>, for binary output (the stream is closed afterwards).</summary>
    public static void WriteStream(string path, Action<Stream> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new ArgumentException($"{path}: is a directory; give a file name for the output");
        }

        try
        {
            // stat follows links: /dev/stdout (a link to /proc/self/fd/1, itself a link to a pipe or terminal) is special.
            if (IsSpecialFile(full))
            {
                using var stream = new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1, FileOptions.None);
                write(stream);
                stream.Flush();
                return;
            }

            ReplaceRegularFile(ResolveLinks(full), write);
        }
        catch (IOException ex) when (ex is not FileNotFoundException)
        {
            throw new IOException($"cannot write {path}: {Reason(ex)}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new UnauthorizedAccessException($"cannot write {path}: permission denied", ex);
        }
    }

    private static void ReplaceRegularFile(string full, Action<Stream> write)
    {
        string? folder = Path.GetDirectoryName(full);
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"the folder {folder} does not exist");
        }

        string temp = $"{full}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp";
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
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

    /// <summary>The final target of a chain of symbolic links (the path itself when it is not a link).</summary>
    private static string ResolveLinks(string full)
    {
        var info = new FileInfo(full);
        if (info.LinkTarget is null)
        {
            return full;
        }

        FileSystemInfo? final = info.ResolveLinkTarget(returnFinalTarget: true);
        return final?.FullName ?? full;
    }

    /// <summary>A character or block device, FIFO or socket: something to write into, never to replace.</summary>
    private static bool IsSpecialFile(string full) => UnixFileType.Of(full) is { } type && type != UnixFileType.Regular && type != UnixFileType.Directory;

    private static string Reason(IOException ex)
    {
        string message = ex.Message;
        int cut = message.IndexOf(" : '", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}

/// <summary>
/// The type of a file system entry as the kernel's stat reports it (S_IFMT bits): .NET's FileAttributes cannot tell a
/// device or FIFO from a regular file. Asks the runtime's own native shim, which reports the mode in portable form
/// on every Unix; null on Windows, for a missing entry, or if the shim cannot be called.
/// </summary>
internal static partial class UnixFileType
{
    public const int Fifo = 0x1000, CharacterDevice = 0x2000, Directory = 0x4000, BlockDevice = 0x6000, Regular = 0x8000, Socket = 0xC000;

    public static int? Of(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        byte[] status = new byte[512]; // FileStatus: int Flags, int Mode, … (well under 512 bytes)
        try
        {
            return Stat(path, status) == 0 ? BitConverter.ToInt32(status, 4) & 0xF000 : null;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // Without the shim, be safe: anything under /dev is written through, never replaced.
            return path.StartsWith("/dev/", StringComparison.Ordinal) ? CharacterDevice : null;
        }
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_Stat", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Stat(string path, [Out] byte[] status);
}
