using System.Text;
using CyberGov.Align.Tests.Alignment;

namespace CyberGov.Align.Tests.Cli;

/// <summary><c>align --dictionary FILE</c>: a dictionary built with <c>cyberalign dictionary build</c>, or CC-CEDICT itself.</summary>
public sealed class DictionaryOptionTests
{
    private static readonly string Zh = AlignerTests.SeedPath("000_63b1f7de89521b9f.zh.txt");
    private static readonly string En = AlignerTests.SeedPath("000_63b1f7de89521b9f.txt");

    /// <summary>The compact dictionary the package bundles, as a file in the repository.</summary>
    private static string BundledFile() =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(Zh))!, "src", "CyberGov.Align", "Scoring", "cedict-compact.tsv.gz");

    [Fact]
    public void The_bundled_dictionary_given_as_a_file_gives_the_same_alignment()
    {
        CliRunner.Result plain = CliRunner.Run("align", Zh, En, "-f", "index");
        CliRunner.Result given = CliRunner.Run("align", Zh, En, "-f", "index", "--dictionary", BundledFile());
        Assert.True(given.ExitCode == 0, given.StdErr);
        Assert.Equal(plain.StdOut, given.StdOut);
    }

    [Fact]
    public void A_built_dictionary_is_used_and_a_cedict_file_is_compiled_on_the_fly()
    {
        using var dir = new TempFolder();
        string cedict = dir.Combine("mini.u8");
        File.WriteAllText(cedict, "# a tiny CC-CEDICT\n習近平 习近平 [Xi2 Jin4 ping2] /Xi Jinping/\n人民 人民 [ren2 min2] /the people/\n", new UTF8Encoding(false));
        CliRunner.Result build = CliRunner.Run("dictionary", "build", "--cedict", cedict, "-o", dir.Combine("mini.tsv"));
        Assert.True(build.ExitCode == 0, build.StdErr);
        Assert.Contains("wrote 2 headwords", build.StdErr, StringComparison.Ordinal);

        CliRunner.Result compact = CliRunner.Run("align", Zh, En, "-f", "index", "--dictionary", dir.Combine("mini.tsv"));
        CliRunner.Result raw = CliRunner.Run("align", Zh, En, "-f", "index", "--dictionary", cedict);
        CliRunner.Result bundled = CliRunner.Run("align", Zh, En, "-f", "index");
        Assert.True(compact.ExitCode == 0, compact.StdErr);
        Assert.Equal(compact.StdOut, raw.StdOut);

        // Two headwords instead of 114,000 change the confidences at least.
        Assert.NotEqual(bundled.StdOut, compact.StdOut);
    }

    [Fact]
    public void A_file_that_is_not_a_dictionary_is_exit_2_naming_it()
    {
        using var dir = new TempFolder();
        CliRunner.Result text = CliRunner.Run("align", Zh, En, "--dictionary", En);
        Assert.Equal(2, text.ExitCode);
        Assert.Contains($"{En}: no dictionary entries", text.StdErr, StringComparison.Ordinal);

        // Not gzip at all, and a gzip stream cut short: both named.
        File.WriteAllBytes(dir.Combine("plain.gz"), "not gzip"u8.ToArray());
        CliRunner.Result notGzip = CliRunner.Run("align", Zh, En, "--dictionary", dir.Combine("plain.gz"));
        Assert.Equal(2, notGzip.ExitCode);
        Assert.Contains("plain.gz: not a dictionary file", notGzip.StdErr, StringComparison.Ordinal);
        File.WriteAllBytes(dir.Combine("broken.gz"), [0x1f, 0x8b, 0x08, 0x00, 0x01]);
        CliRunner.Result broken = CliRunner.Run("align", Zh, En, "--dictionary", dir.Combine("broken.gz"));
        Assert.Equal(2, broken.ExitCode);
        Assert.Contains("broken.gz: ", broken.StdErr, StringComparison.Ordinal);

        CliRunner.Result missing = CliRunner.Run("align", Zh, En, "--dictionary", dir.Combine("none.tsv"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("none.tsv: no such dictionary file", missing.StdErr, StringComparison.Ordinal);

        CliRunner.Result both = CliRunner.Run("align", Zh, En, "--dictionary", BundledFile(), "--no-dictionary");
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("--dictionary and --no-dictionary", both.StdErr, StringComparison.Ordinal);
    }
}
