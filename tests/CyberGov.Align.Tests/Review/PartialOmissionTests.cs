using CyberGov.Align.Alignment;
using CyberGov.Align.Evaluation;
using CyberGov.Align.Formats;
using CyberGov.Align.Review;
using CyberGov.Align.Scoring;
using CyberGov.Align.Text;
using Xunit;

namespace CyberGov.Align.Tests.Review;

/// <summary>Partial omissions: list items of a Chinese sentence that the English of the same bead leaves out.</summary>
public sealed class PartialOmissionTests
{
    private static AlignmentResult OneBead(string zh, string en)
    {
        Document source = DocumentReader.Read(System.Text.Encoding.UTF8.GetBytes(zh), "zh.txt", Language.Chinese);
        Document target = DocumentReader.Read(System.Text.Encoding.UTF8.GetBytes(en), "en.txt", Language.English);
        Assert.Single(source.Sentences);
        Assert.Single(target.Sentences);
        return new AlignmentResult(source, target, [new Bead(0, 1, 0, 1, 0.9)]);
    }

    private static List<Finding> Partial(string zh, string en) =>
        TranslationReview.Analyze(OneBead(zh, en)).Findings.Where(f => f.Kind is FindingKind.PartialOmission or FindingKind.PartialAddition).ToList();

    [Fact]
    public void A_dropped_item_of_a_list_is_reported_inside_a_linked_bead()
    {
        Finding f = Assert.Single(Partial(
            "各国应共同防范和反对利用网络空间进行恐怖、淫秽、贩毒、洗钱、赌博等犯罪活动。",
            "Countries should jointly prevent the use of cyberspace for terrorism, drug trafficking, money laundering and gambling."));
        Assert.Equal(FindingKind.PartialOmission, f.Kind);
        Assert.Equal("list items left out of the translation: 淫秽", f.Message);
    }

    [Theory]
    // 卫生 has no dictionary counterpart in "healthcare", but the English list has all five items.
    [InlineData("加强教育、科技、文化、卫生、旅游等人文交流合作。", "We will strengthen personal and cultural exchanges and cooperation in education, science and technology, culture, healthcare, and tourism.")]
    // "food and drug safety" is one item, not two.
    [InlineData("在住房、教育、医疗、养老、食品药品安全、收入分配等方面，人民群众还有不少不满意的地方。", "There are also many problems causing public concern in housing, education, healthcare, elderly care, food and drug safety, and income distribution.")]
    // The first item runs into the verb before it (新设广东): never reported.
    [InlineData("推广上海自贸试验区经验，新设广东、天津、福建自贸试验区。", "Pilot free trade zones were established in Guangdong, Tianjin, and Fujian based on the model of the China (Shanghai) Pilot Free Trade Zone.")]
    // The items follow the list with "among other places".
    [InlineData("从年头到年尾，农田、企业、社区、学校、医院、军营、科研院所……", "From the beginning to the end of the year, the Chinese people have been hard at work in the fields, enterprises, communities, schools, hospitals, barracks and research institutes, among other places.")]
    // The last item runs on into the clause, and the English reorders the list (gwr-2017).
    [InlineData("同时，要淘汰、停建、缓建煤电产能5000万千瓦以上，以防范化解煤电产能过剩风险。", "At the same time, we will suspend or postpone construction on or eliminate no less than 50 million kilowatts of coal-fired power generation capacity in order to guard against and defuse the risks of overcapacity in coal-fired power.")]
    public void A_complete_rendering_the_dictionary_misses_is_not_reported(string zh, string en) =>
        Assert.Empty(Partial(zh, en));

    [Fact]
    public void Chinese_as_the_target_gives_a_partial_addition()
    {
        Document source = DocumentReader.Read("Countries should jointly prevent the use of cyberspace for terrorism, drug trafficking, money laundering and gambling."u8, "en.txt", Language.English);
        Document target = DocumentReader.Read("各国应共同防范和反对利用网络空间进行恐怖、淫秽、贩毒、洗钱、赌博等犯罪活动。"u8, "zh.txt", Language.Chinese);
        var review = TranslationReview.Analyze(new AlignmentResult(source, target, [new Bead(0, 1, 0, 1, 0.9)]));
        Finding f = Assert.Single(review.Findings, f => f.Kind == FindingKind.PartialAddition);
        Assert.Equal("list items added in the translation: 淫秽", f.Message);
    }

    [Theory]
    [InlineData("in housing, education, healthcare, elderly care, food and drug safety, and income distribution.", "housing", "distribution", 6)]
    [InlineData("for terrorism, drug trafficking, money laundering and gambling.", "terrorism", "gambling", 4)]
    [InlineData("It covers coal mining, construction, and transportation sectors; and more.", "coal", "transportation", 3)]
    public void English_list_items_are_counted_with_and_inside_an_item(string text, string from, string to, int expected) =>
        Assert.Equal(expected, EnumerationItems.ListItems(text, text.IndexOf(from, StringComparison.Ordinal), text.IndexOf(to, StringComparison.Ordinal) + to.Length));

    [Fact]
    public void Jsonl_and_tmx_carry_the_review_flags_of_each_bead()
    {
        AlignmentResult a = OneBead(
            "各国应共同防范和反对利用网络空间进行恐怖、淫秽、贩毒、洗钱、赌博等犯罪活动。",
            "Countries should jointly prevent the use of cyberspace for terrorism, drug trafficking, money laundering and gambling.");
        string jsonl = new JsonlWriter().WriteToString(a);
        Assert.Contains("\"flags\":[{\"kind\":\"partial-omission\",\"message\":\"list items left out of the translation: 淫秽\"}]", jsonl, StringComparison.Ordinal);
        string tmx = new TmxWriter().WriteToString(a);
        Assert.Contains("<prop type=\"x-flag\">partial-omission: list items left out of the translation: 淫秽</prop>", tmx, StringComparison.Ordinal);

        Assert.DoesNotContain("flags", new JsonlWriter(new WriterOptions { IncludeFlags = false }).WriteToString(a), StringComparison.Ordinal);
        Assert.DoesNotContain("x-flag", new TmxWriter(new WriterOptions { IncludeFlags = false }).WriteToString(a), StringComparison.Ordinal);
    }

    [Fact]
    public void Omissions_in_the_report_show_the_aligned_pairs_around_them()
    {
        Document source = DocumentReader.Read("第一句话。\n\n第二句话被删掉了。\n\n第三句话。"u8, "zh.txt", Language.Chinese);
        Document target = DocumentReader.Read("The first sentence.\n\nThe third sentence."u8, "en.txt", Language.English);
        var a = new AlignmentResult(source, target, [new Bead(0, 1, 0, 1, 0.9), new Bead(1, 1, 1, 0, 0.5), new Bead(2, 1, 1, 1, 0.9)]);
        string html = new HtmlReportWriter().WriteToString(a);
        Assert.Contains("before: <a href=\"#b0\">bead 0</a> <q lang=\"zh-CN\">第一句话。</q> ↔ <q lang=\"en\">The first sentence.</q>", html, StringComparison.Ordinal);
        Assert.Contains("after: <a href=\"#b2\">bead 2</a> <q lang=\"zh-CN\">第三句话。</q> ↔ <q lang=\"en\">The third sentence.</q>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_list_item_benchmark_takes_each_item_out_in_turn_and_finds_it()
    {
        AlignmentResult a = OneBead(
            "在住房、教育、医疗、养老、食品药品安全、收入分配等方面，人民群众还有不少不满意的地方。",
            "There are many problems in housing, education, medical care, elderly care, food and drug safety, and income distribution.");
        var document = new DeletionDocument("t", a.Source, a.Target, [new IndexBead([0], [0], 1)]);
        ListItemScore score = DeletionBenchmark.RunListItems(document, BilingualLexicon.Default);
        Assert.Equal(1, score.Beads);
        Assert.Equal(0, score.FalseOnUntouched);
        Assert.InRange(score.Sites, 2, 4);
        Assert.Equal(score.Sites, score.Found);
        Assert.Equal(0, score.Wrong);
    }
}
