using CyberGov.Align.Segmentation;
using CyberGov.Align.Text;
using static CyberGov.Align.Tests.Segmentation.SegmenterAssert;

namespace CyberGov.Align.Tests.Segmentation;

public sealed class ChineseSegmenterTests
{
    private static string[] Zh(string text) => Split(Language.Chinese, text);

    [Theory]
    [InlineData("今天下雨。明天晴天！你去吗？", new[] { "今天下雨。", "明天晴天！", "你去吗？" })]
    [InlineData("他走了……我们都哭了。", new[] { "他走了……", "我们都哭了。" })]
    [InlineData("真的吗?是的!好。", new[] { "真的吗?", "是的!", "好。" })]
    [InlineData("他说……，然后停了。", new[] { "他说……，然后停了。" })]
    public void Ends_on_full_and_half_width_terminals(string text, string[] expected) => Assert.Equal(expected, Zh(text));

    [Theory]
    [InlineData("他说：“我们要合作。”大家鼓掌。", new[] { "他说：“我们要合作。”", "大家鼓掌。" })]
    [InlineData("（这是注释。）正文继续。", new[] { "（这是注释。）", "正文继续。" })]
    [InlineData("他喊道：“快走！”", new[] { "他喊道：“快走！”" })]
    [InlineData("见【附件一。】以上。", new[] { "见【附件一。】", "以上。" })]
    public void Closing_quotes_and_brackets_stay_with_their_sentence(string text, string[] expected) => Assert.Equal(expected, Zh(text));

    [Theory]
    [InlineData("他读了《再见。你好！》这本书。很好。", new[] { "他读了《再见。你好！》这本书。", "很好。" })]
    [InlineData("她说「我不去。你去。」然后走了。", new[] { "她说「我不去。你去。」然后走了。" })]
    public void Never_splits_inside_titles_or_corner_quotes(string text, string[] expected) => Assert.Equal(expected, Zh(text));

    [Fact]
    public void Colon_before_a_quote_is_not_a_boundary()
    {
        Assert.Equal(["习近平指出：“网络空间是人类共同的活动空间。”"], Zh("习近平指出：“网络空间是人类共同的活动空间。”"));
    }

    [Fact]
    public void Semicolon_is_an_optional_boundary()
    {
        const string text = "第一，坚持改革；第二，扩大开放。";
        Assert.Single(Zh(text));
        Assert.Equal(["第一，坚持改革；", "第二，扩大开放。"], Split(Language.Chinese, text, new SegmenterOptions { ChineseSemicolonEndsSentence = true }));
    }

    [Theory]
    [InlineData("增长3.5%。总额达1.2万亿元。", new[] { "增长3.5%。", "总额达1.2万亿元。" })]
    [InlineData("增长３．５％。好。", new[] { "增长３．５％。", "好。" })]
    [InlineData("美国U.S.A.和APEC、G20、5G都提到了。访问www.gov.cn了解。", new[] { "美国U.S.A.和APEC、G20、5G都提到了。", "访问www.gov.cn了解。" })]
    [InlineData("他引用了Mr. Smith的话。然后离开。", new[] { "他引用了Mr. Smith的话。", "然后离开。" })]
    [InlineData("他说 It is fine. Then he left. 我们笑了。", new[] { "他说 It is fine.", "Then he left.", "我们笑了。" })]
    public void Digits_and_Latin_text_are_kept_intact(string text, string[] expected) => Assert.Equal(expected, Zh(text));

    [Fact]
    public void Spaced_ellipsis_is_one_unit()
    {
        Assert.Equal(["传递函数为. . .", "利用传递函数。"], Zh("传递函数为. . . 利用传递函数。"));
    }
}

public sealed class SpacedChineseTests
{
    private static readonly string[] Paragraphs =
    [
        "今天下雨。明天晴天！你去吗？",
        "他说：“我们要合作。”大家鼓掌。",
        "他走了……我们都哭了。",
        "（这是注释。）正文继续。",
        "他读了《再见。你好！》这本书。很好。",
        "她说「我不去。你去。」然后走了。",
        "他说……，然后停了。",
        "真的吗？！是的。”他笑了。",
        "2016年增长6.7%，好于预期。我们将继续努力！“十三五”开局良好。",
        "见【附件一。】以上。",
    ];

    
    [Fact]
    public void The_example_from_the_report_keeps_the_closing_quote()
    {
        Assert.Equal(new[] { "他说：“我们要发 展 生 。 ”", "大家鼓掌 。" }, Split(Language.Chinese, "他说：“我们要发 展 生 。 ”大家鼓掌 。"));
    }

    [Fact]
    public void Spaces_between_characters_change_no_boundary()
    {
        foreach (string p in Paragraphs)
        {
            string[] plain = Split(Language.Chinese, p);
            string spaced = SpaceOut(p);
            Assert.True(spaced.Length > p.Length);
            Assert.Equal(plain, Unspaced(Split(Language.Chinese, spaced)));
        }
    }
}
