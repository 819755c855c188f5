using CyberGov.Align.Alignment;
using CyberGov.Align.Review;
using CyberGov.Align.Text;

namespace CyberGov.Align.Tests.Review;

/// <summary>"numbers differ" flags on one 1-1 bead: figures that agree in another form are not flagged, real differences are.</summary>
public sealed class NumberFlagTests
{
    private static int Flags(string zh, string en)
    {
        var opts = new DocumentOptions { ParagraphMode = ParagraphMode.PreSplit };
        var r = new AlignmentResult(Document.Parse(zh, Language.Chinese, opts), Document.Parse(en, Language.English, opts), [new Bead(0, 1, 0, 1, 0.9)]);
        return TranslationReview.Analyze(r).Count(FindingKind.NumberMismatch);
    }

    [Theory]
    [InlineData("去年末居民储蓄存款余额增长8.5%，新增4万多亿元。", "By the end of last year, personal savings deposits had risen by 8.5%, an increase of more than four trillion yuan.")]
    [InlineData("“十三五”时期经济年均增长保持在6.5%以上，国内生产总值翻一番。", "The economy needs to double and grow at an average annual rate of at least 6.5% during this five-year period.")]
    [InlineData("今年广义货币M2预期增长13%左右，社会融资规模余额增长13%左右。", "Both the M2 money supply and aggregate financing are forecasted to grow by around 13% in 2016.")]
    [InlineData("粮食产量1.33万亿斤，增长5%。", "Grain output reached 665 million metric tons, up 5%.")]
    [InlineData("发行1万亿元抗疫特别国债。", "One trillion yuan of government bonds for COVID-19 control will be issued.")]
    [InlineData("为实现“两个一百年”奋斗目标，增长6%。", "To achieve the two centenary goals of 2021 and 2049, growth of 6%.")]
    [InlineData("嫦娥四号登陆月球背面，增长3%。", "Chang'e-4 landed on the far side of the moon, up 3 percent.")]
    [InlineData("贯彻十八届三中、四中、五中、六中全会精神，统筹推进“五位一体”总体布局。", "Implement the guidelines of the third through sixth plenary sessions of the 18th Central Committee and promote balanced economic, political, cultural, social, and ecological progress.")]
    [InlineData("坚持“两学一做”，完成投资3万亿元。", "We will study the Party's rules and act as Party members, and invest 3 trillion yuan.")]
    [InlineData("编制好“十四五”规划，为开启第二个百年奋斗目标新征程擘画蓝图。", "We will formulate the 14th Five-Year Plan, drawing the blueprint for a new journey toward the second Centenary Goal.")]
    public void Figures_that_agree_in_another_form_are_not_flagged(string zh, string en) => Assert.Equal(0, Flags(zh, en));

    [Theory]
    [InlineData("增长百分之三十。", "It grew by 13 percent.")]
    [InlineData("粮食产量1.33万亿斤，增长5%。", "Grain output reached 765 million metric tons, up 5%.")]
    [InlineData("新增4万多亿元，增长8.5%。", "An increase of more than five trillion yuan, up 8.5%.")]
    [InlineData("贯彻十八届三中、四中全会精神。", "Implement the guidelines of the fifth plenary session of the 18th Central Committee.")]
    [InlineData("坚持“两学一做”，完成投资3万亿元。", "We will study the Party's rules and act as Party members, and invest 4 trillion yuan.")]
    public void Figures_that_really_differ_are_flagged(string zh, string en) => Assert.Equal(1, Flags(zh, en));
}
