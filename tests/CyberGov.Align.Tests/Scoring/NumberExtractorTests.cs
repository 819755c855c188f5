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
    [InlineData("统一思想，一些人")]
    [InlineData("one of the countries")]
    [InlineData("万一")]
    public void Common_words_are_not_numbers(string text) => Assert.Empty(Numbers(text));
}
