using CyberGov.Align.Tests.Alignment;

namespace CyberGov.Align.Tests.Cli;

public sealed class BatchCommandTests
{
    private static readonly string ZhText = File.ReadAllText(AlignerTests.SeedPath("000_63b1f7de89521b9f.zh.txt"));
    private static readonly string EnText = File.ReadAllText(AlignerTests.SeedPath("000_63b1f7de89521b9f.txt"));

    private static TempFolder Pairs(int count)
    {
        var dir = new TempFolder();
        for (int k = 0; k < count; k++)
        {
            dir.File($"in/doc{k:00}.zh.txt", ZhText);
            dir.File($"in/doc{k:00}.en.txt", EnText);
        }

        return dir;
    }

    [Fact]
    public void Aligns_a_folder_of_pairs_reports_bad_ones_and_resumes()
    {
        using TempFolder dir = Pairs(3);
        File.WriteAllBytes(dir.Combine("in", "doc01.en.txt"), [0x41, 0x42, 0xFF, 0x0A]); // invalid UTF-8
        dir.File("in/lonely.zh.txt", "孤单。");

        CliRunner.Result first = CliRunner.Run("batch", "--pairs", dir.Combine("in"), "-o", dir.Combine("out"), "-f", "jsonl");
        Assert.Equal(1, first.ExitCode);
        Assert.Contains("lonely.zh.txt", first.StdErr, StringComparison.Ordinal);
        Assert.Contains("doc01.en.txt", first.StdErr, StringComparison.Ordinal);
        Assert.Contains("invalid utf-8", first.StdErr, StringComparison.OrdinalIgnoreCase);
        Assert.True(File.Exists(dir.Combine("out", "doc00.jsonl")));
        Assert.True(File.Exists(dir.Combine("out", "doc02.jsonl")));
        Assert.False(File.Exists(dir.Combine("out", "doc01.jsonl")));
        string failures = File.ReadAllText(dir.Combine("out", "batch-failures.tsv"));
        Assert.Contains("doc01.zh.txt", failures, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(dir.Combine("out"), "*.tmp"));

        // Re-run after fixing the bad pair: the finished pairs are skipped, only doc01 is aligned.
        DateTime finished = File.GetLastWriteTimeUtc(dir.Combine("out", "doc00.jsonl"));
        dir.File("in/doc01.en.txt", EnText);
        CliRunner.Result second = CliRunner.Run("batch", "--pairs", dir.Combine("in"), "-o", dir.Combine("out"), "-f", "jsonl");
        Assert.True(second.ExitCode == 0, second.StdErr);
        Assert.True(File.Exists(dir.Combine("out", "doc01.jsonl")));
        Assert.Equal(finished, File.GetLastWriteTimeUtc(dir.Combine("out", "doc00.jsonl")));
        Assert.Contains("3 pairs", second.StdErr, StringComparison.Ordinal);
        Assert.Matches(@"│\s*3\s*│\s*1\s*│\s*2\s*│\s*0\s*│", second.StdOut); // documents, aligned, skipped, failed
    }

    [Fact]
    public void Shards_split_a_manifest_without_overlap()
    {
        using TempFolder dir = Pairs(5);
        string manifest = dir.File("manifest.tsv", "# source\ttarget\n" + string.Concat(Enumerable.Range(0, 5).Select(k => $"in/doc{k:00}.zh.txt\tin/doc{k:00}.en.txt\n")));
        var outputs = new List<string>();
        for (int shard = 0; shard < 2; shard++)
        {
            string outDir = dir.Combine($"out{shard}");
            CliRunner.Result r = CliRunner.Run("batch", "--manifest", manifest, "-o", outDir, "--shard", $"{shard}/2", "-f", "index", "-j", "1");
            Assert.True(r.ExitCode == 0, r.StdErr);
            outputs.AddRange(Directory.GetFiles(outDir).Select(Path.GetFileName)!);
        }

        Assert.Equal(["doc00.align", "doc01.align", "doc02.align", "doc03.align", "doc04.align"], outputs.Order(StringComparer.Ordinal));
        Assert.Equal(["doc00.align", "doc02.align", "doc04.align"], Directory.GetFiles(dir.Combine("out0")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Shard_outputs_merge_into_one_valid_corpus()
    {
        using TempFolder dir = Pairs(3);
        foreach (string format in new[] { "tmx", "jsonl" })
        {
            for (int shard = 0; shard < 2; shard++)
            {
                CliRunner.Result r = CliRunner.Run("batch", "--pairs", dir.Combine("in"), "-o", dir.Combine($"{format}{shard}"), "--shard", $"{shard}/2", "-f", format);
                Assert.True(r.ExitCode == 0, r.StdErr);
            }

            CliRunner.Result merged = CliRunner.Run("merge", dir.Combine($"{format}0"), dir.Combine($"{format}1"), "-o", dir.Combine($"all.{format}"));
            Assert.True(merged.ExitCode == 0, merged.StdErr);
            Assert.Contains("merged 3 documents", merged.StdErr, StringComparison.Ordinal);
        }

        string tmx = File.ReadAllText(dir.Combine("all.tmx"));
        Formats.WriterTests.ValidateTmx(tmx);
        int perDocument = System.Xml.Linq.XDocument.Load(dir.Combine("tmx0", "doc00.tmx")).Descendants("tu").Count();
        var all = System.Xml.Linq.XDocument.Parse(tmx);
        Assert.Equal(3 * perDocument, all.Descendants("tu").Count());
        Assert.Equal(["doc00", "doc01", "doc02"], all.Descendants("prop").Where(p => (string?)p.Attribute("type") == "x-document").Select(p => p.Value).Distinct());

        string[] lines = File.ReadAllLines(dir.Combine("all.jsonl"));
        Assert.Equal(3 * perDocument, lines.Length);
        Assert.StartsWith("{\"document\":\"doc00\",\"source\":[0]", lines[0], StringComparison.Ordinal);

        CliRunner.Result index = CliRunner.Run("merge", dir.Combine("tmx0"), "-o", dir.Combine("all.align"));
        Assert.Equal(2, index.ExitCode);
    }

    [Fact]
    public void A_bad_manifest_line_is_named_by_file_and_line()
    {
        using var dir = new TempFolder();
        string manifest = dir.File("m.tsv", "a.zh.txt\ta.en.txt\njust-one-column\n");
        CliRunner.Result r = CliRunner.Run("batch", "--manifest", manifest, "-o", dir.Combine("out"));
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("m.tsv:2", r.StdErr, StringComparison.Ordinal);

        CliRunner.Result both = CliRunner.Run("batch", "--manifest", manifest, "--pairs", dir.Path, "-o", dir.Combine("out"));
        Assert.Equal(2, both.ExitCode);
        CliRunner.Result shard = CliRunner.Run("batch", "--manifest", manifest, "-o", dir.Combine("out"), "--shard", "2/2");
        Assert.Equal(2, shard.ExitCode);
        Assert.Contains("--shard", shard.StdErr, StringComparison.Ordinal);
    }
}
