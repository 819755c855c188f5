using CyberGov.Align.Scoring;

namespace CyberGov.Align.Tests.Scoring;

public sealed class NumberExtractorTests
{
    private static List<long> Numbers(string text)
    {
        var values = new List<long>();
        NumberExtractor.Extract(text, values);
        return values;
    }

    private static long K(double v) => NumberExtractor.Key(v);

    [Theory]
    [InlineData("二〇一五年", 2015)]
    [InlineData("十八大", 18)]
    [InlineData("百分之三十", 30)]
    [InlineData("第二届", 2)]
    [InlineData("三千五百人", 3500)]
    [InlineData("增长3.5%", 3.5)]
    [InlineData("1,200 people", 1200)]
    [InlineData("the 18th congress", 18)]
    [InlineData("the second conference", 2)]
    [InlineData("增长３．５％", 3.5)]
    public void Finds_the_value(string text, double expected) => Assert.Contains(K(expected), Numbers(text));

    [Fact]
    public void Scale_words_meet_across_languages()
    {
        Assert.Contains(K(1.2e12), Numbers("1.2万亿元"));
        Assert.Contains(K(1.2e12), Numbers("1.2 trillion yuan"));
        Assert.Contains(K(3e12), Numbers("三万亿"));
        Assert.Contains(K(29e6), Numbers("2，900万美元"));
        Assert.Contains(K(29e6), Numbers("$29 million"));
        Assert.Contains(K(18e6), Numbers("Eighteen million, so far."));
        Assert.Contains(K(5e5), Numbers("Half a million Chinese"));
        Assert.Contains(K(70), Numbers("in the 1970s"));
        Assert.Contains(K(1970), Numbers("in the 1970s"));
    }

    [Theory]
    [InlineData("光缆线路550多万公里", 5.5e6)]
    [InlineData("农村危房改造380多万户", 3.8e6)]
    [InlineData("减税降费5700多亿元", 5.7e11)]
    [InlineData("新增就业一千三百余万人", 13e6)]
    [InlineData("坚持九二共识", 1992)]
    [InlineData("零八年奥运会", 2008)]
    public void Chinese_approximations_and_year_shorthands(string text, double expected)
    {
        var fullValues = new List<long>();
        NumberExtractor.Extract(text, fullValues, alsoMantissa: false); // as the review compares them
        Assert.Equal([K(expected)], fullValues);
    }

    [Theory]
    [InlineData("“十三五”规划", 13, 5)]
    [InlineData("十二五时期", 12, 5)]
    [InlineData("三四线城市", 3, 4)]
    [InlineData("五四运动", 5, 4)]
    [InlineData("“七五”普法", 7, 5)]
    [InlineData("三中、四中全会", 3, 4)]
    public void Chinese_shorthands_that_are_two_numbers(string text, double a, double b) => Assert.Equal([K(a), K(b)], Numbers(text));

    [Theory]
    [InlineData("高标准农田1000万亩", 1e7, 667_000)]
    [InlineData("退耕还林还草2000万亩", 2e7, 1_330_000)]
    [InlineData("八千万亩耕地", 8e7, 5_330_000)]
    public void Areas_in_mu_are_also_hectares(string text, double mu, double hectares)
    {
        var fullValues = new List<long>();
        NumberExtractor.Extract(text, fullValues, alsoMantissa: false);
        Assert.Equal([K(mu), K(hectares)], fullValues);
        Assert.Contains(K(hectares), Numbers($"{hectares:N0} hectares"));
    }

    [Fact]
    public void The_English_of_the_shorthands_meets_them()
    {
        Assert.Contains(K(13), Numbers("the 13th Five-Year Plan"));
        Assert.Contains(K(5), Numbers("the 13th Five-Year Plan"));
        Assert.Contains(K(3), Numbers("third- and fourth-tier cities"));
        Assert.Contains(K(4), Numbers("third- and fourth-tier cities"));
        Assert.Contains(K(5.5e6), Numbers("more than 5.5 million kilometers"));
    }

    [Theory]
    [InlineData("统一思想，一些人")]
    [InlineData("one of the countries")]
    [InlineData("万一")]
    public void Common_words_are_not_numbers(string text) => Assert.Empty(Numbers(text));
}
