using System.Text.RegularExpressions;
using CyberGov.Align.Text;

namespace CyberGov.Align.Cli.Batch;

/// <summary>One document pair of a batch: the two files and the output name (without extension).</summary>
/// <param name="Index">Position in the manifest or listing (0-based), which sharding uses.</param>
/// <param name="Source">The source file.</param>
/// <param name="Target">The target file.</param>
/// <param name="Name">Output name, unique in the batch.</param>
internal sealed record DocumentPair(int Index, string Source, string Target, string Name);

/// <summary>Finds the document pairs of a batch.</summary>
internal static partial class PairSource
{
    /// <summary>
    /// Reads a manifest: one pair per line, <c>SOURCE&lt;TAB&gt;TARGET[&lt;TAB&gt;NAME]</c>, paths relative to the manifest's
    /// folder; blank lines and <c>#</c> comments are skipped. NAME defaults to the source file name without its language
    /// suffix and extension.
    /// </summary>
    public static List<DocumentPair> ReadManifest(string path)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var pairs = new List<DocumentPair>();
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        int lineNumber = 0;
        foreach (string line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            string[] cols = line.Split('\t');
            if (cols.Length is < 2 or > 3 || cols.Take(2).Any(string.IsNullOrWhiteSpace))
            {
                throw new InputFormatException(path, lineNumber, -1, "expected SOURCE<TAB>TARGET[<TAB>NAME]");
            }

            string source = Path.GetFullPath(Path.Combine(folder, cols[0].Trim()));
            string target = Path.GetFullPath(Path.Combine(folder, cols[1].Trim()));
            string name = cols.Length == 3 && !string.IsNullOrWhiteSpace(cols[2]) ? cols[2].Trim() : Stem(Path.GetFileName(source)).Stem;
            if (name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name is "." or "..")
            {
                throw new InputFormatException(path, lineNumber, -1, $"'{name}' cannot be a file name");
            }

            if (names.TryGetValue(name, out int first))
            {
                throw new InputFormatException(path, lineNumber, -1, $"output name '{name}' is already used on line {first}; give a third column to tell them apart");
            }

            names[name] = lineNumber;
            pairs.Add(new DocumentPair(pairs.Count, source, target, name));
        }

        return pairs;
    }

    /// <summary>
    /// Pairs the files of a folder by name and language suffix: <c>x.zh.txt</c> with <c>x.en.txt</c>, <c>x.zh</c> with
    /// <c>x.en</c>, <c>x_zh.txt</c> with <c>x_en.txt</c>; in sorted order. Files with no partner are returned as orphans.
    /// </summary>
    public static (List<DocumentPair> Pairs, List<string> Orphans) ScanFolder(string folder, Language sourceLanguage)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"{folder}: no such folder");
        }

        var byStem = new SortedDictionary<string, (string? Zh, string? En)>(StringComparer.Ordinal);
        var orphans = new List<string>();
        foreach (string file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            (string stem, Language language) = Stem(Path.GetFileName(file));
            if (language == Language.Unknown)
            {
                continue;
            }

            byStem.TryGetValue(stem, out var entry);
            byStem[stem] = language == Language.Chinese ? (file, entry.En) : (entry.Zh, file);
        }

        var pairs = new List<DocumentPair>();
        foreach ((string stem, (string? zh, string? en)) in byStem)
        {
            if (zh is null || en is null)
            {
                orphans.Add(zh ?? en!);
                continue;
            }

            (string s, string t) = sourceLanguage == Language.English ? (en, zh) : (zh, en);
            pairs.Add(new DocumentPair(pairs.Count, s, t, stem));
        }

        return (pairs, orphans);
    }

    /// <summary>The name without its language suffix and extension, and the language the suffix names (Unknown if none).</summary>
    public static (string Stem, Language Language) Stem(string fileName)
    {
        Match m = LanguageSuffix().Match(fileName);
        if (!m.Success)
        {
            int dot = fileName.IndexOf('.', 1);
            return (dot > 0 ? fileName[..dot] : fileName, Language.Unknown);
        }

        Language language = m.Groups["lang"].Value.ToUpperInvariant() switch
        {
            "ZH" or "CN" or "ZH-CN" or "ZH-HANS" or "CHS" => Language.Chinese,
            _ => Language.English,
        };
        return (m.Groups["stem"].Value, language);
    }

    [GeneratedRegex(@"^(?<stem>.+?)[._-](?<lang>zh|cn|zh-cn|zh-hans|chs|en|eng)(\.[A-Za-z0-9]+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LanguageSuffix();
}
