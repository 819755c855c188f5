namespace CyberGov.Align.Tests.Cli;

public sealed class TranslateOptionTests
{
    [Fact]
    public void File_translations_fill_gaps_and_report_the_cost()
    {
        using var dir = new TempFolder();
        string zh = dir.File("a.zh", "今天天气很好。\n我们去公园散步。\n公园里有很多人。\n孩子们在玩耍。\n");
        string en = dir.File("a.en", "The weather is fine today.\nWe go for a walk in the park.\nThere are many people in the park.\nThe children are playing.\n");
        string trans = dir.File("a.trans", "The weather is very good today.\nWe went for a walk in the park.\nThere are many people in the park.\nChildren are playing.\n");
        CliRunner.Result r = CliRunner.Run("align", zh, en, "--presplit", "-f", "jsonl", "--translator", "file:" + trans, "--gap-threshold", "1");
        Assert.True(r.ExitCode == 0, r.StdErr);
        Assert.Contains("gap filling:", r.StdErr, StringComparison.Ordinal);
        Assert.Contains("4 of 4 source sentences translated", r.StdErr, StringComparison.Ordinal);
        Assert.Equal(4, r.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("\"method\":\"translation\"", r.StdOut, StringComparison.Ordinal);

        CliRunner.Result bad = CliRunner.Run("align", zh, en, "--presplit", "--translator", "file:" + dir.File("short.trans", "One line.\n"));
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("short.trans", bad.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Azure_without_a_key_is_refused_clearly()
    {
        using var dir = new TempFolder();
        string zh = dir.File("a.zh", "你好。\n");
        string en = dir.File("a.en", "Hello.\n");
        CliRunner.Result r = CliRunner.RunWith(null, new Dictionary<string, string?> { ["AZURE_TRANSLATOR_KEY"] = null }, "align", zh, en, "--translator", "azure");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("AZURE_TRANSLATOR_KEY", r.StdErr, StringComparison.Ordinal);
    }
}
