using CyberGov.Align.Alignment;
using CyberGov.Align.Formats;
using CyberGov.Align.Tests.Alignment;
using CyberGov.Align.Tests.Cli;
using CyberGov.Align.Tests.DevData;
using CyberGov.Align.Text;

namespace CyberGov.Align.Tests.Formats;

public sealed class InterTextTests
{
    private static (int, int, int, int)[] Shapes(IEnumerable<Bead> beads) => [.. beads.Select(b => (b.SourceStart, b.SourceCount, b.TargetStart, b.TargetCount))];

    private static AlignmentResult RoundTrip(TempFolder dir, AlignmentResult alignment, ISet<int>? confirmed, out ISet<int> readConfirmed)
    {
        (string s, string t, string a) = InterTextFormat.Files(dir.Combine("speech"), alignment.Source.Language, alignment.Target.Language);
        using (var sw = new StreamWriter(s))
        using (var tw = new StreamWriter(t))
        using (var aw = new StreamWriter(a))
        {
            InterTextFormat.Write(alignment, sw, tw, aw, Path.GetFileName(s), Path.GetFileName(t), confirmed);
        }

        (AlignmentResult read, readConfirmed) = InterTextFormat.Read(a);
        return read;
    }

    [Fact]
    public void An_alignment_survives_a_round_trip_with_its_confirmed_beads_and_escaped_text()
    {
        using var dir = new TempFolder();
        AlignmentResult sample = WriterTests.Sample();
        AlignmentResult read = RoundTrip(dir, sample, new HashSet<int> { 0, 3 }, out ISet<int> confirmed);
        Assert.Equal(Shapes(sample.Beads), Shapes(read.Beads));
        Assert.Equal(new HashSet<int> { 0, 3 }, confirmed);
        Assert.Equal("他说：“<script>alert(1)</script>”。", read.Source.SentenceText(0));
        Assert.Equal("A&B Co. was founded.", read.Target.SentenceText(2));
        Assert.Equal(1.0, read.Beads[0].Confidence);
        Assert.True(File.Exists(dir.Combine("speech.zh.en.xml")));
        Assert.Contains("<link type='2-1' xtargets='1:3 1:4;1:3' status='auto'/>", File.ReadAllText(dir.Combine("speech.zh.en.xml")), StringComparison.Ordinal);
    }

    [Fact]
    public void Links_that_skip_or_repeat_a_sentence_are_an_error_naming_the_file_and_line()
    {
        using var dir = new TempFolder();
        AlignmentResult sample = WriterTests.Sample();
        _ = RoundTrip(dir, sample, null, out _);
        string links = dir.Combine("speech.zh.en.xml");
        File.WriteAllText(links, File.ReadAllText(links).Replace("xtargets='1:2;1:2'", "xtargets='1:3;1:2'", StringComparison.Ordinal));
        var ex = Assert.Throws<InputFormatException>(() => InterTextFormat.Read(links));
        Assert.Contains("speech.zh.en.xml:4", ex.Message, StringComparison.Ordinal);
        Assert.Contains("out of order", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_command_writes_the_three_files_InterText_opens()
    {
        using var dir = new TempFolder();
        string zh = AlignerTests.SeedPath("000_63b1f7de89521b9f.zh.txt"), en = AlignerTests.SeedPath("000_63b1f7de89521b9f.txt");
        CliRunner.Result r = CliRunner.Run("align", zh, en, "-f", "intertext", "-o", dir.Combine("news"));
        Assert.True(r.ExitCode == 0, r.StdErr);
        (AlignmentResult read, _) = InterTextFormat.Read(dir.Combine("news.zh.en.xml"));
        CliRunner.Result index = CliRunner.Run("align", zh, en, "-f", "index");
        Assert.Equal(index.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l[..l.LastIndexOf(':')]), new IndexWriter(includeConfidence: false).WriteToString(read).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(2, CliRunner.Run("align", zh, en, "-f", "intertext").ExitCode);
    }

    /// <summary>The InterText files that come with the dev sets (made by others for InterText) read back as their gold alignments.</summary>
    [DevDataTheory]
    [InlineData("aca")]
    [InlineData("mag")]
    public void InterText_files_from_the_dev_sets_read_as_their_gold(string set)
    {
        string folder = DevDataPaths.Path(set, "intertext");
        string links = Directory.GetFiles(folder, "*.xml").Single(f => Path.GetFileName(f).Count(c => c == '.') == 3);
        (AlignmentResult read, _) = InterTextFormat.Read(links);
        List<IndexBead> gold = IndexFormat.ReadFile(Directory.GetFiles(DevDataPaths.Path(set, "gold")).Single());
        Assert.Equal(gold.Select(g => (string.Join(',', g.Source), string.Join(',', g.Target))), read.Beads.Select(b => (string.Join(',', Enumerable.Range(b.SourceStart, b.SourceCount)), string.Join(',', Enumerable.Range(b.TargetStart, b.TargetCount)))));
    }
}
