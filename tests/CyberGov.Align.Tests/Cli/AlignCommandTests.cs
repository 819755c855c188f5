using CyberGov.Align.Tests.Alignment;

namespace CyberGov.Align.Tests.Cli;

public sealed class AlignCommandTests
{
    private static readonly string Zh = AlignerTests.SeedPath("000_63b1f7de89521b9f.zh.txt");
    private static readonly string En = AlignerTests.SeedPath("000_63b1f7de89521b9f.txt");

    [Fact]
    public void Format_follows_the_output_extension()
    {
        using var dir = new TempFolder();
        foreach ((string file, string start) in new[] { ("a.tmx", "<?xml"), ("a.html", "<!DOCTYPE html>"), ("a.jsonl", "{\"source\":[0]"), ("a.align", "[0]:[0]:"), ("a.tsv", "习近平") })
        {
            CliRunner.Result r = CliRunner.Run("align", Zh, En, "-o", dir.Combine(file));
            Assert.True(r.ExitCode == 0, r.StdErr);
            Assert.StartsWith(start, File.ReadAllText(dir.Combine(file)), StringComparison.Ordinal);
        }

        Assert.Empty(Directory.GetFiles(dir.Path, "*.tmp"));
    }

    [Fact]
    public void Moses_writes_two_files_of_equal_length_and_dash_means_stdout()
    {
        using var dir = new TempFolder();
        CliRunner.Result r = CliRunner.Run("align", Zh, En, "-f", "moses", "-o", dir.Combine("corpus"));
        Assert.True(r.ExitCode == 0, r.StdErr);
        Assert.Equal(File.ReadAllLines(dir.Combine("corpus.zh")).Length, File.ReadAllLines(dir.Combine("corpus.en")).Length);

        CliRunner.Result stdout = CliRunner.Run("align", Zh, En, "-f", "index", "-o", "-");
        Assert.Equal(0, stdout.ExitCode);
        Assert.StartsWith("[0]:[0]:", stdout.StdOut, StringComparison.Ordinal);

        CliRunner.Result bad = CliRunner.Run("align", Zh, En, "-f", "moses");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("moses", bad.StdErr, StringComparison.Ordinal);
    }
}
