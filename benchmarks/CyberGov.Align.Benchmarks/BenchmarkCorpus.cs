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
