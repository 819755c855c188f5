using CyberGov.Align.Alignment;
using CyberGov.Align.Formats;
using CyberGov.Align.Scoring;
using CyberGov.Align.Tests.Text;
using CyberGov.Align.Text;

namespace CyberGov.Align.Tests.Alignment;

public sealed class AlignerTests
{
    private static readonly Aligner Default = new AlignerBuilder().Build();

    internal static string SeedPath(string name)
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "seeds", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(name);
    }

    [Fact]
    public void Aligns_the_bundled_sample_with_its_splits_merges_and_additions()
    {
        Document zh = DocumentReader.ReadFile(SeedPath("000_63b1f7de89521b9f.zh.txt"), Language.Chinese);
        Document en = DocumentReader.ReadFile(SeedPath("000_63b1f7de89521b9f.txt"), Language.English);
        AlignmentResult result = Default.Align(zh, en);

        string[] rows = result.Beads.Select(b => $"{b.Kind}|{result.SourceText(b)}|{result.TargetText(b)}").ToArray();
        Assert.Contains(rows, r => r.StartsWith("1-1|习近平：任何国家都不应谋求网络霸权|No nation should have hegemony", StringComparison.Ordinal));
        // Two Chinese sentences translate one English sentence.
        Assert.Contains(rows, r => r.StartsWith("2-1|习近平在出席第二届世界互联网大会开幕式时发表讲话", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("2-1|“各国有权自主选择网络发展道路、网络管理模式，”中国国家主席说。这番话", StringComparison.Ordinal));
        // The web page's trailing lines have no Chinese counterpart.
        Assert.Contains(rows, r => r == "0-1||Leave a Reply");
        Assert.Equal("“不搞单边主义，”他说。", result.SourceText(result.Beads.Last(b => b.SourceCount > 0)));
        Assert.All(result.Beads.Where(b => b.Kind == "1-1"), b => Assert.InRange(b.Confidence, 0.5, 1.0));
    }

    [Fact]
    public void English_can_be_the_source()
    {
        Document zh = DocumentReader.ReadFile(SeedPath("000_63b1f7de89521b9f.zh.txt"));
        Document en = DocumentReader.ReadFile(SeedPath("000_63b1f7de89521b9f.txt"));
        AlignmentResult result = Default.Align(en, zh);
        Assert.Contains(result.Beads, b => b.Kind == "1-2" && result.SourceText(b).StartsWith("Addressing the opening ceremony", StringComparison.Ordinal));
    }

    [Fact]
    public void Random_documents_get_complete_monotone_alignments()
    {
        var random = new Random(7);
        Aligner noDictionary = new AlignerBuilder().UseDictionary(BilingualLexicon.Empty).Build();
        for (int round = 0; round < 60; round++)
        {
            Document a = Document.Parse(DocumentTests.RandomText(random, random.Next(0, 400)), Language.Chinese, new DocumentOptions { ForceLanguage = true });
            Document b = Document.Parse(DocumentTests.RandomText(random, random.Next(0, 400)), Language.English, new DocumentOptions { ForceLanguage = true });
            AlignmentResult r = (round % 2 == 0 ? Default : noDictionary).Align(a, b);
            AssertComplete(r);
        }
    }

    internal static void AssertComplete(AlignmentResult r)
    {
        // The constructor already refuses gaps, overlaps and reordering; check it independently here.
        var usedSource = new bool[r.Source.Sentences.Count];
        var usedTarget = new bool[r.Target.Sentences.Count];
        int lastS = -1, lastT = -1;
        foreach (Bead b in r.Beads)
        {
            Assert.InRange(b.Confidence, 0, 1);
            for (int i = b.SourceStart; i < b.SourceEnd; i++)
            {
                Assert.False(usedSource[i]);
                Assert.True(i > lastS);
                usedSource[i] = true;
                lastS = i;
            }

            for (int j = b.TargetStart; j < b.TargetEnd; j++)
            {
                Assert.False(usedTarget[j]);
                Assert.True(j > lastT);
                usedTarget[j] = true;
                lastT = j;
            }
        }

        Assert.All(usedSource, Assert.True);
        Assert.All(usedTarget, Assert.True);
    }

    [Fact]
    public void Empty_and_one_sided_documents()
    {
        Document empty = Document.Parse(string.Empty, Language.Chinese);
        Document en = Document.Parse("One. Two. Three.", Language.English);
        Assert.Empty(Default.Align(empty, Document.Parse(string.Empty, Language.English)).Beads);
        AlignmentResult oneSided = Default.Align(empty, en);
        Assert.Equal(["0-1", "0-1", "0-1"], oneSided.Beads.Select(b => b.Kind));
        Assert.All(oneSided.Beads, b => Assert.Equal(1, b.Confidence, 6)); // the only alignment there is
        Assert.Equal(["1-0", "1-0", "1-0"], Default.Align(en, empty).Beads.Select(b => b.Kind));
    }

    [Fact]
    public void A_sentence_rendered_as_a_lead_in_and_a_list_is_one_wide_bead_and_an_unrelated_addition_stays_apart()
    {
        // Official English often renders one long Chinese sentence as a lead-in and one paragraph per item.
        Aligner aligner = new AlignerBuilder().UseBundledDictionary().Build();
        Document zh = Document.Parse(
            "各位代表：\n\n过去一年，经济运行保持稳定。\n\n今年发展的主要预期目标是：国内生产总值增长6.5%左右；居民消费价格涨幅3%左右；城镇新增就业1100万人以上；"
            + "进出口回稳向好；居民收入和经济增长基本同步；单位国内生产总值能耗下降3.4%以上；主要污染物排放量继续下降。\n\n我们要坚持稳中求进。",
            Language.Chinese);
        Document en = Document.Parse(
            "Fellow Deputies,\n\nOver the past year, the economy remained stable.\n\nWe have set the following key projected targets for development this year:\n\n"
            + "GDP growth of around 6.5 percent.\n\nA CPI increase of around 3 percent.\n\nOver 11 million new urban jobs.\n\n"
            + "Steady improvement in imports and exports.\n\nPersonal income growth in step with economic growth.\n\n"
            + "A drop of at least 3.4 percent in energy consumption per unit of GDP.\n\nA continued reduction in the discharge of major pollutants.\n\n"
            + "The weather was pleasant all week.\n\nWe will make progress while keeping performance stable.",
            Language.English);
        AlignmentResult result = aligner.Align(zh, en);
        AssertComplete(result);
        Bead list = Assert.Single(result.Beads, b => b.SourceStart == 2 && b.SourceCount == 1);
        Assert.Equal((2, 8), (list.TargetStart, list.TargetCount)); // the lead-in and its seven items
        Assert.Contains(result.Beads, b => b.IsNull && b.TargetStart == 10); // the weather shares nothing: an addition
        Assert.Contains(result.Beads, b => b.SourceStart == 3 && b.TargetStart == 11);
    }

    [Fact]
    public void Ten_times_length_mismatch_and_same_language_still_align_completely()
    {
        string zhText = string.Concat(Enumerable.Repeat("中国发展了。", 10));
        string enText = string.Concat(Enumerable.Repeat("China has developed a great deal over the years. ", 100));
        AlignmentResult mismatch = Default.Align(Document.Parse(zhText, Language.Chinese), Document.Parse(enText, Language.English));
        AssertComplete(mismatch);
        // Each Chinese sentence is rendered by ten English ones that share its words: wide beads (up to 1-24) take
        // them whole rather than leaving six of every ten unaligned as four-sentence beads did.
        Assert.All(mismatch.Beads, b => Assert.Equal((1, 10), (b.SourceCount, b.TargetCount)));

        Document en1 = Document.Parse("The cat sat. The dog ran. Birds fly.", Language.English);
        Document en2 = Document.Parse("The cat sat. The dog ran. Birds fly.", Language.English);
        AlignmentResult same = Default.Align(en1, en2);
        Assert.Equal(["1-1", "1-1", "1-1"], same.Beads.Select(b => b.Kind));
    }

    [Fact]
    public void A_single_one_megabyte_line_aligns()
    {
        string huge = string.Concat(Enumerable.Repeat("互联网治理需要各国合作", 100_000));
        Document zh = Document.Parse(huge, Language.Chinese);
        Document en = Document.Parse("Internet governance needs cooperation. It is hard.", Language.English);
        AlignmentResult r = Default.Align(zh, en);
        AssertComplete(r);
        Assert.Single(zh.Sentences);
    }

    [Fact]
    public void Glossary_terms_outrank_the_dictionary()
    {
        // "甲乙丙丁" means nothing to the dictionary (its characters are ordinal words); the glossary ties it to "Zorblax Accord".
        Document zh = Document.Parse("甲乙丙丁今天签署。会议持续了三个小时。", Language.Chinese);
        Document en = Document.Parse("The Zorblax Accord was signed today. The meeting lasted three hours.", Language.English);
        Aligner withGlossary = new AlignerBuilder().UseGlossary(Glossary.FromPairs([("甲乙丙丁", "Zorblax Accord")])).Build();
        AlignmentResult with = withGlossary.Align(zh, en);
        AlignmentResult without = Default.Align(zh, en);
        AssertComplete(with);
        Assert.Equal(["1-1", "1-1"], with.Beads.Select(b => b.Kind));
        Assert.Equal("The Zorblax Accord was signed today.", with.TargetText(with.Beads[0]));
        Assert.True(with.Beads[0].Confidence > without.Beads[0].Confidence, $"{with.Beads[0].Confidence} <= {without.Beads[0].Confidence}");
    }

    [Fact]
    public void Options_are_validated_when_the_aligner_is_built()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new AlignerBuilder().Configure(o => o with { NullCost = -1 }).Build());
        Assert.Contains("NullCost", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new AlignerBuilder().Configure(o => o with { RefineBandWidth = 1 }).Build());
    }

    [Fact]
    public void Index_output_is_deterministic()
    {
        Document zh = DocumentReader.ReadFile(SeedPath("000_63b1f7de89521b9f.zh.txt"));
        Document en = DocumentReader.ReadFile(SeedPath("000_63b1f7de89521b9f.txt"));
        string first = Write(Default.Align(zh, en));
        string second = Write(new AlignerBuilder().Build().Align(zh, en));
        Assert.Equal(first, second);
        Assert.StartsWith("[0]:[0]:", first, StringComparison.Ordinal);

        static string Write(AlignmentResult r)
        {
            var w = new StringWriter();
            new IndexWriter().Write(r, w);
            return w.ToString();
        }
    }
}
