using System.IO.Compression;

namespace CyberGov.Align.Scoring;

/// <summary>Opening the files the dictionaries load from: the same checks and messages, and .gz read transparently.</summary>
internal static class LexiconFile
{
    /// <summary>Throws when <paramref name="path"/> is a directory or does not exist; <paramref name="kind"/> names the file in the message ("dictionary", "lexicon").</summary>
    /// <exception cref="InvalidDataException">The path is a directory.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static void Check(string path, string kind)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            throw new InvalidDataException($"{path}: is a directory, not a {kind} file");
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such {kind} file", path);
        }
    }

    /// <summary>The file's bytes, decompressed when its name ends in .gz (disposing the stream closes the file).</summary>
    public static Stream OpenRead(string path)
    {
        Stream file = File.OpenRead(path);
        return path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
    }
}
