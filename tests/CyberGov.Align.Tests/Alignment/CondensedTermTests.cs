using CyberGov.Align.Alignment;
using CyberGov.Align.Scoring;
using CyberGov.Align.Tests.DevData;
using CyberGov.Align.Text;

namespace CyberGov.Align.Tests.Alignment;

/// <summary>A quoted numbered abbreviation (“两免一补”) that the English spells out in a sentence of its own.</summary>
public sealed class CondensedTermTests
{
    [Theory]
    [InlineData("扎实开展“两学一做”学习教育。", true)]
    [InlineData("坚决纠正“四风”。", true)]
    [InlineData("严格执行国务院“约法三章”。", true)]
    [InlineData("编制好“十四五”规划。", false)] // a plan's name, a number alone
    [InlineData("脱贫攻坚实现“两不愁三保障”。", true)]
    [InlineData("他说“我们一起努力”。", false)] // speech, not a term
    [InlineData("他说“在新的一年里继续团结一心努力奋斗”。", false)] // too long for a term
    [InlineData("推进“放管服”改革。", false)] // no numeral
    [InlineData("没有引号的两学一做。", false)]
    public void A_quoted_numbered_abbreviation_is_recognised(string text, bool expected) =>
        Assert.Equal(expected, FeatureExtractor.HasCondensedTerm(text));

    [DevDataTheory]
    [InlineData("gwr-2017", 129, new[] { 152, 153 })] // 扎实开展“两学一做”学习教育… — "…to gain a good understanding of the Party Constitution…"
    [InlineData("gwr-2017", 454, new[] { 596, 597, 598 })] // 统一城乡义务教育学生“两免一补”政策… — "…waive tuition and miscellaneous fees, supply free textbooks…"
    [InlineData("gwr-2020", 46, new[] { 51, 52 })] // 持续纠治“四风” — "…formalities for formalities' sake, bureaucratism, hedonism, and extravagance"
    [InlineData("gwr-2020", 356, new[] { 427, 428 })]
    public void The_sentence_that_spells_it_out_joins_its_bead_instead_of_being_an_addition(string publication, int source, int[] targets)
    {
        string folder = DevDataPaths.Path("..", "real", publication);
        AlignmentResult result = new AlignerBuilder().Build().Align(DocumentReader.ReadFile(Path.Combine(folder, "zh.txt")), DocumentReader.ReadFile(Path.Combine(folder, "en.txt")));
        Bead bead = Assert.Single(result.Beads, b => b.SourceCount > 0 && b.SourceStart == source);
        Assert.Equal((1, targets[0], targets.Length), (bead.SourceCount, bead.TargetStart, bead.TargetCount));

        // As published, the 2017 report gets no omission or addition at all (gwr-2020 keeps one, target sentence 66).
        if (publication == "gwr-2017")
        {
            Assert.DoesNotContain(result.Beads, b => b.IsNull);
        }
    }
}
