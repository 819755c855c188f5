using CyberGov.Align.Segmentation;
using CyberGov.Align.Text;
using static CyberGov.Align.Tests.Segmentation.SegmenterAssert;

namespace CyberGov.Align.Tests.Segmentation;

public sealed class EnglishSegmenterTests
{
    private static string[] En(string text) => Split(Language.English, text);

    [Theory]
    [InlineData("Mr. Li met Dr. Wang. They talked.", new[] { "Mr. Li met Dr. Wang.", "They talked." })]
    [InlineData("Jonas E. Smith arrived. He sat down.", new[] { "Jonas E. Smith arrived.", "He sat down." })]
    [InlineData("Prof. Zhang and Mrs. Brown spoke. St. Louis agreed.", new[] { "Prof. Zhang and Mrs. Brown spoke.", "St. Louis agreed." })]
    [InlineData("Messrs. Smith and Jones left. Jr. staff stayed.", new[] { "Messrs. Smith and Jones left.", "Jr. staff stayed." })]
    public void Titles_and_initials_do_not_end_sentences(string text, string[] expected) => Assert.Equal(expected, En(text));

    [Theory]
    [InlineData("The U.S. economy grew. The U.S.A. is large.", new[] { "The U.S. economy grew.", "The U.S.A. is large." })]
    [InlineData("Bring fruit, e.g. apples, i.e. food. Then go.", new[] { "Bring fruit, e.g. apples, i.e. food.", "Then go." })]
    [InlineData("We met at 9 a.m. The talks ended at 5 p.m. sharp.", new[] { "We met at 9 a.m.", "The talks ended at 5 p.m. sharp." })]
    [InlineData("See No. 5 and Fig. 3 in Vol. 2. It helps.", new[] { "See No. 5 and Fig. 3 in Vol. 2.", "It helps." })]
    [InlineData("Apple Co. and Acme Inc. merged. It was big.", new[] { "Apple Co. and Acme Inc. merged.", "It was big." })]
    [InlineData("He moved to the U.S. The move was hard.", new[] { "He moved to the U.S.", "The move was hard." })]
    [InlineData("He bought pens, paper, etc. The shop closed.", new[] { "He bought pens, paper, etc.", "The shop closed." })]
    public void Abbreviations_split_only_where_a_sentence_ends(string text, string[] expected) => Assert.Equal(expected, En(text));

    [Theory]
    [InlineData("It costs $100.00 now. Growth was 3.5% last year.", new[] { "It costs $100.00 now.", "Growth was 3.5% last year." })]
    [InlineData("Pi is 3.14159. That is known.", new[] { "Pi is 3.14159.", "That is known." })]
    [InlineData("In 2015 the figure was 1,200.5 tons. In 2016 it fell.", new[] { "In 2015 the figure was 1,200.5 tons.", "In 2016 it fell." })]
    public void Numbers_and_decimals_stay_whole(string text, string[] expected) => Assert.Equal(expected, En(text));

    [Theory]
    [InlineData("Wait... What happened? Nobody knew.", new[] { "Wait...", "What happened?", "Nobody knew." })]
    [InlineData("He paused . . . and went on. Then stopped.", new[] { "He paused . . . and went on.", "Then stopped." })]
    [InlineData("She hesitated… Then she spoke.", new[] { "She hesitated…", "Then she spoke." })]
    [InlineData("And so on... and so forth.", new[] { "And so on... and so forth." })]
    public void Ellipses_in_their_forms(string text, string[] expected) => Assert.Equal(expected, En(text));

    [Theory]
    [InlineData("He said, \"Go home.\" Then he left.", new[] { "He said, \"Go home.\"", "Then he left." })]
    [InlineData("“We agree.” The talks ended.", new[] { "“We agree.”", "The talks ended." })]
    [InlineData("It grew (as planned.) Then it shrank.", new[] { "It grew (as planned.)", "Then it shrank." })]
    [InlineData("First point. (This whole sentence is an aside.) Last point.", new[] { "First point.", "(This whole sentence is an aside.)", "Last point." })]
    [InlineData("“Stop it,” she said. “Now!” he shouted.", new[] { "“Stop it,” she said.", "“Now!” he shouted." })]
    [InlineData("\"Why?\" he asked. Nobody answered.", new[] { "\"Why?\" he asked.", "Nobody answered." })]
    public void Quotes_and_brackets_stay_with_their_sentence(string text, string[] expected) => Assert.Equal(expected, En(text));

    [Theory]
    [InlineData("Really?! Yes!!! Fine.", new[] { "Really?!", "Yes!!!", "Fine." })]
    [InlineData("Is it true?? No.", new[] { "Is it true??", "No." })]
    public void Runs_of_exclamation_and_question_marks(string text, string[] expected) => Assert.Equal(expected, En(text));

    [Theory]
    [InlineData("1. Introduction to the topic.", new[] { "1. Introduction to the topic." })]
    [InlineData("Steps: 1) open it. 2) close it.", new[] { "Steps: 1) open it.", "2) close it." })]
    [InlineData("a. First item here. b. Second item here.", new[] { "a. First item here.", "b. Second item here." })]
    [InlineData("• One thing. • Another thing.", new[] { "• One thing.", "• Another thing." })]
    public void List_markers(string text, string[] expected) => Assert.Equal(expected, En(text));

    [Theory]
    [InlineData("Visit www.gov.cn/news.html today. Write to info@example.com. Thanks.", new[] { "Visit www.gov.cn/news.html today.", "Write to info@example.com.", "Thanks." })]
    [InlineData("See https://example.org/a.b?c=d. It works.", new[] { "See https://example.org/a.b?c=d.", "It works." })]
    public void Urls_and_email_addresses(string text, string[] expected) => Assert.Equal(expected, En(text));

    [Fact]
    public void A_lower_case_word_after_a_quote_continues_the_sentence()
    {
        Assert.Equal(["“We will win!” he said, and left."], En("“We will win!” he said, and left."));
        Assert.Equal(["“No double standards…,” she said."], En("“No double standards…,” she said."));
    }

    [Fact]
    public void User_abbreviations_extend_the_list()
    {
        var options = new SegmenterOptions { Abbreviations = AbbreviationSet.Default.WithAdditions(["Amb"]) };
        Assert.Equal(["Amb.", "Li spoke.", "He left."], Split(Language.English, "Amb. Li spoke. He left."));
        Assert.Equal(["Amb. Li spoke.", "He left."], Split(Language.English, "Amb. Li spoke. He left.", options));
    }

    [Fact]
    public void Abbreviation_lists_load_from_text()
    {
        var set = AbbreviationSet.Load(new StringReader("# comment\nAmb.\nDist\tambiguous\n\n"));
        Assert.Equal(AbbreviationKind.NonTerminal, set.Classify("amb"));
        Assert.Equal(AbbreviationKind.Ambiguous, set.Classify("DIST"));
        Assert.Equal(AbbreviationKind.None, set.Classify("mr"));
        Assert.True(AbbreviationSet.Default.Count > 50);
    }

    [Theory]
    [InlineData("Demand fell abroad.However, we grew.", new[] { "Demand fell abroad.", "However, we grew." })]
    [InlineData("It rose in 2016.The rest fell.", new[] { "It rose in 2016.", "The rest fell." })]
    [InlineData("Is it done?Yes, it is.", new[] { "Is it done?", "Yes, it is." })]
    [InlineData("in line with conventions…No double standards.", new[] { "in line with conventions…", "No double standards." })]
    [InlineData("He said “we won.”We cheered.", new[] { "He said “we won.”", "We cheered." })]
    [InlineData("We met in China.The talks went well.", new[] { "We met in China.", "The talks went well." })]
    public void A_lost_space_between_sentences_still_splits(string text, string[] expected) => Assert.Equal(expected, En(text));

    [Theory]
    [InlineData("Use System.Text.Json here. It works.", new[] { "Use System.Text.Json here.", "It works." })]
    [InlineData("Call Console.WriteLine now. Done.", new[] { "Call Console.WriteLine now.", "Done." })]
    [InlineData("Bring fruit, e.g.Apples and pears.", new[] { "Bring fruit, e.g.Apples and pears." })]
    [InlineData("Visit www.Example.com today.", new[] { "Visit www.Example.com today." })]
    [InlineData("See the U.S.Army report.", new[] { "See the U.S.Army report." })]
    [InlineData("Growth was 3.5 percent.", new[] { "Growth was 3.5 percent." })]
    [InlineData("Wait...Then go.", new[] { "Wait...Then go." })]
    [InlineData("Mail a.b@Example.org now.", new[] { "Mail a.b@Example.org now." })]
    public void Dotted_names_urls_and_abbreviations_stay_whole(string text, string[] expected) => Assert.Equal(expected, En(text));
}
