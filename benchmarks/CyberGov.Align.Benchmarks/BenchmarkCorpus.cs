using System.Text;

namespace CyberGov.Align.Benchmarks;

/// <summary>Benchmark inputs built from the bundled samples in seeds/ (no download, no ../shared needed).</summary>
internal static class BenchmarkCorpus
{
    public static string SeedsDirectory
    {
        get
        {
            for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                string seeds = Path.Combine(dir.FullName, "seeds");
                if (File.Exists(Path.Combine(dir.FullName, "CyberGov.Align.sln")) && Directory.Exists(seeds))
                {
                    return seeds;
                }
            }

            throw new DirectoryNotFoundException("seeds/ not found above " + AppContext.BaseDirectory);
        }
    }

    public static string EnglishSample => File.ReadAllText(Path.Combine(SeedsDirectory, "000_63b1f7de89521b9f.txt"));

    public static string ChineseSample => File.ReadAllText(Path.Combine(SeedsDirectory, "000_63b1f7de89521b9f.zh.txt"));

    /// <summary>
    /// A pre-split parallel text of at least <paramref name="sentences"/> Chinese lines: the development sets
    /// (../shared/data/dev) concatenated and repeated, or the seeds sample when they are absent.
    /// </summary>
    public static (string Chinese, string English) ParallelText(int sentences)
    {
        string root = Path.GetDirectoryName(SeedsDirectory)!;
        string dev = Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "dev"));
        var zhParts = new List<string>();
        var enParts = new List<string>();
        if (Directory.Exists(dev))
        {
            foreach (string id in new[] { "001", "002", "003", "004", "005", "006" })
            {
                zhParts.Add(File.ReadAllText(Path.Combine(dev, "mac-dev", "zh", id)));
                enParts.Add(File.ReadAllText(Path.Combine(dev, "mac-dev", "en", id)));
            }

            zhParts.Add(File.ReadAllText(Path.Combine(dev, "aca", "tgt", "001")));
            enParts.Add(File.ReadAllText(Path.Combine(dev, "aca", "src", "001")));
            zhParts.Add(File.ReadAllText(Path.Combine(dev, "mag", "tgt", "003")));
            enParts.Add(File.ReadAllText(Path.Combine(dev, "mag", "src", "003")));
        }
        else
        {
            zhParts.Add(string.Join('\n', ChineseSample.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
            enParts.Add(string.Join('\n', EnglishSample.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        }

        var zh = new StringBuilder();
        var en = new StringBuilder();
        int lines = 0;
        while (lines < sentences)
        {
            for (int k = 0; k < zhParts.Count; k++)
            {
                zh.Append(zhParts[k].TrimEnd('\n')).Append('\n');
                en.Append(enParts[k].TrimEnd('\n')).Append('\n');
                lines += zhParts[k].TrimEnd('\n').Count(c => c == '\n') + 1;
            }
        }

        return (zh.ToString(), en.ToString());
    }

    /// <summary>The sample repeated (blank line between copies) until the text has at least <paramref name="chars"/> characters.</summary>
    public static string Repeat(string sample, int chars)
    {
        var sb = new StringBuilder(chars + sample.Length * 2);
        while (sb.Length < chars)
        {
            sb.Append(sample).Append("\n\n");
        }

        return sb.ToString();
    }
}
