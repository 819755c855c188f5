using System.Text;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using CyberGov.Align.Alignment;
using CyberGov.Align.Formats;
using CyberGov.Align.Tests.Alignment;
using CyberGov.Align.Text;
using Snapshooter.Xunit;

namespace CyberGov.Align.Tests.Formats;

public sealed class WriterTests
{
    /// <summary>
    /// A hand-made alignment with every bead shape the writers must handle and text that needs escaping:
    /// zh: 0 "他说：“<script>alert(1)</script>”。" 1 "增长了30%。" 2 "A&B公司成立。" 3 "这句没有翻译。"
    /// en: 0 "He said: "<script>alert(1)</script>"." 1 "It grew by 13%." 2 "A&B Co. was founded." 3 "It was in 2015." 4 "An added line."
    /// </summary>
    internal static AlignmentResult Sample()
    {
        var opts = new DocumentOptions { ParagraphMode = ParagraphMode.PreSplit };
        Document zh = Document.Parse("他说：“<script>alert(1)</script>”。\n增长了30%。\nA&B公司成立。\n这句没有翻译。\n", Language.Chinese, opts with { Name = "speech.zh.txt" });
        Document en = Document.Parse("He said: \"<script>alert(1)</script>\".\nIt grew by 13%.\nA&B Co. was founded.\nIt was in 2015.\nAn added line.\n", Language.English, opts with { Name = "speech.en.txt" });
        return new AlignmentResult(zh, en,
        [
            new Bead(0, 1, 0, 1, 0.97),
            new Bead(1, 1, 1, 1, 0.91),
            new Bead(2, 1, 2, 2, 0.62, AlignMethod.Translation),
            new Bead(3, 1, 4, 0, 0.38),
            new Bead(4, 0, 4, 1, 0.38),
        ]);
    }

    private static string DtdPath => Path.Combine(AppContext.BaseDirectory, "Formats", "tmx14b.dtd");

    [Fact]
    public void Tmx_is_valid_against_the_tmx_1_4b_dtd()
    {
        string tmx = new TmxWriter().WriteToString(Sample());
        ValidateTmx(tmx);
        XDocument doc = XDocument.Parse(tmx);
        XElement header = doc.Root!.Element("header")!;
        foreach (string attribute in new[] { "creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype" })
        {
            Assert.False(string.IsNullOrEmpty((string?)header.Attribute(attribute)), attribute);
        }

        Assert.Equal("zh-CN", (string?)header.Attribute("srclang"));
        List<XElement> units = [.. doc.Descendants("tu")];
        Assert.Equal(5, units.Count);
        XNamespace xml = XNamespace.Xml;
        Assert.All(doc.Descendants("tuv"), tuv => Assert.Contains((string?)tuv.Attribute(xml + "lang"), new[] { "zh-CN", "en" }));
        Assert.Equal("1-2", units[2].Elements("prop").Single(p => (string?)p.Attribute("type") == "x-bead").Value);
        Assert.Equal("0.62", units[2].Elements("prop").Single(p => (string?)p.Attribute("type") == "x-confidence").Value);
        Assert.Equal("translation", units[2].Elements("prop").Single(p => (string?)p.Attribute("type") == "x-method").Value);
        Assert.Equal("A&B Co. was founded. It was in 2015.", units[2].Elements("tuv").Last().Element("seg")!.Value);
        Assert.Equal("他说：“<script>alert(1)</script>”。", units[0].Elements("tuv").First().Element("seg")!.Value);
        Assert.Single(units[3].Elements("tuv"));
        Assert.Contains("&lt;script&gt;", tmx, StringComparison.Ordinal);

        // The check itself bites: a header without srclang, or a tu without tuv, is rejected.
        Assert.ThrowsAny<Exception>(() => ValidateTmx(tmx.Replace(" srclang=\"zh-CN\"", string.Empty, StringComparison.Ordinal)));
        Assert.ThrowsAny<Exception>(() => ValidateTmx(tmx.Replace("<body>", "<body>\n<tu><prop type=\"x\">1</prop></tu>", StringComparison.Ordinal)));
        Assert.Contains("A&amp;B", tmx, StringComparison.Ordinal);
    }

    [Fact]
    public void Tmx_can_leave_out_null_beads_and_replaces_characters_xml_cannot_carry()
    {
        string tmx = new TmxWriter(new WriterOptions { IncludeNullBeads = false }).WriteToString(Sample());
        ValidateTmx(tmx);
        Assert.Equal(3, XDocument.Parse(tmx).Descendants("tu").Count());

        Document zh = Document.Parse("控制\u0001字符。", Language.Chinese);
        Document en = Document.Parse("A control\u0001character.", Language.English);
        var r = new AlignmentResult(zh, en, [new Bead(0, 1, 0, 1, 0.9)]);
        string withControl = new TmxWriter().WriteToString(r);
        ValidateTmx(withControl);
        Assert.Contains("控制\uFFFD字符。", withControl, StringComparison.Ordinal);
    }

    [Fact]
    public void Jsonl_has_one_parsable_object_per_bead()
    {
        string jsonl = new JsonlWriter().WriteToString(Sample());
        string[] lines = jsonl.TrimEnd('\n').Split('\n');
        Assert.Equal(5, lines.Length);
        using JsonDocument third = JsonDocument.Parse(lines[2]);
        JsonElement e = third.RootElement;
        Assert.Equal([2], e.GetProperty("source").EnumerateArray().Select(x => x.GetInt32()));
        Assert.Equal([2, 3], e.GetProperty("target").EnumerateArray().Select(x => x.GetInt32()));
        Assert.Equal("A&B Co. was founded. It was in 2015.", e.GetProperty("targetText").GetString());
        Assert.Equal(0.62, e.GetProperty("confidence").GetDouble());
        Assert.Equal("1-2", e.GetProperty("kind").GetString());
        Assert.Equal("translation", e.GetProperty("method").GetString());
        using JsonDocument first = JsonDocument.Parse(lines[0]);
        Assert.Equal("他说：“<script>alert(1)</script>”。", first.RootElement.GetProperty("sourceText").GetString());
        Assert.Contains("增长了30%", jsonl, StringComparison.Ordinal);
        using JsonDocument omission = JsonDocument.Parse(lines[3]);
        Assert.Equal(0, omission.RootElement.GetProperty("target").GetArrayLength());
    }

    [Fact]
    public void Tsv_index_and_ladder_describe_the_same_beads()
    {
        AlignmentResult r = Sample();
        string[] tsv = new TsvWriter().WriteToString(r).TrimEnd('\n').Split('\n');
        Assert.Equal(5, tsv.Length);
        Assert.Equal("A&B公司成立。\tA&B Co. was founded. It was in 2015.\t0.62", tsv[2]);
        Assert.Equal("这句没有翻译。\t\t0.38", tsv[3]);

        string index = new IndexWriter().WriteToString(r);
        Assert.Equal("[0]:[0]:0.97\n[1]:[1]:0.91\n[2]:[2,3]:0.62\n[3]:[]:0.38\n[]:[4]:0.38\n", index);
        List<IndexBead> back = IndexFormat.Read(new StringReader(index));
        Assert.Equal(r.Beads.Select(b => b.SourceCount), back.Select(b => b.Source.Length));

        string ladder = new LadderWriter(new WriterOptions { IncludeNullBeads = false }).WriteToString(r);
        Assert.Equal("0\t0\t0.97\n1\t1\t0.91\n2\t2\t0.62\n3\t4\t0.38\n4\t4\t0.38\n4\t5\t1.00\n", ladder);
    }

    [Fact]
    public void Moses_files_pair_line_for_line_without_null_beads()
    {
        var zh = new StringWriter();
        var en = new StringWriter();
        int lines = MosesWriter.Write(Sample(), zh, en);
        Assert.Equal(3, lines);
        Assert.Equal(["他说：“<script>alert(1)</script>”。", "增长了30%。", "A&B公司成立。"], zh.ToString().TrimEnd('\n').Split('\n'));
        Assert.Equal("A&B Co. was founded. It was in 2015.", en.ToString().TrimEnd('\n').Split('\n')[2]);
    }

    [Fact]
    public async Task Stream_output_is_utf8_without_bom_and_equals_the_text_writer_output()
    {
        foreach (string name in AlignmentFormats.Names)
        {
            AlignmentWriter writer = AlignmentFormats.Create(name);
            using var stream = new MemoryStream();
            await writer.WriteAsync(Sample(), stream);
            byte[] bytes = stream.ToArray();
            Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, name);
            Assert.Equal(writer.WriteToString(Sample()), Encoding.UTF8.GetString(bytes));
        }
    }

    [Fact]
    public async Task Writing_can_be_cancelled()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new JsonlWriter().WriteAsync(Sample(), Stream.Null, cts.Token));
    }

    [Fact]
    public void Formats_are_found_by_name_and_extension()
    {
        Assert.True(AlignmentFormats.TryFromExtension("out/report.HTML", out string html));
        Assert.Equal("html", html);
        Assert.True(AlignmentFormats.TryFromExtension("x.tmx", out string tmx));
        Assert.Equal("tmx", tmx);
        Assert.False(AlignmentFormats.TryFromExtension("x.docx", out _));
        Assert.IsType<JsonlWriter>(AlignmentFormats.Create("JSONL"));
        Assert.Throws<ArgumentException>(() => AlignmentFormats.Create("pdf"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TsvWriter(new WriterOptions { ConfidenceDecimals = 9 }));
    }

    [Fact]
    public void Sample_outputs_match_their_snapshots()
    {
        Document zh = DocumentReader.ReadFile(AlignerTests.SeedPath("000_63b1f7de89521b9f.zh.txt"), Language.Chinese);
        Document en = DocumentReader.ReadFile(AlignerTests.SeedPath("000_63b1f7de89521b9f.txt"), Language.English);
        AlignmentResult r = new AlignerBuilder().Build().Align(zh, en);
        new { tmx = new TmxWriter().WriteToString(r).Split('\n'), jsonl = new JsonlWriter().WriteToString(r).Split('\n') }.MatchSnapshot();
    }

    internal static void ValidateTmx(string tmx)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Parse,
            ValidationType = ValidationType.DTD,
            XmlResolver = new XmlUrlResolver(),
        };
        var errors = new List<string>();
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception?.LineNumber}: {e.Message}");
        string withLocalDtd = tmx.Replace("SYSTEM \"tmx14.dtd\"", $"SYSTEM \"{new Uri(DtdPath).AbsoluteUri}\"", StringComparison.Ordinal);
        using var reader = XmlReader.Create(new StringReader(withLocalDtd), settings);
        while (reader.Read())
        {
        }

        Assert.Empty(errors);
    }
}
