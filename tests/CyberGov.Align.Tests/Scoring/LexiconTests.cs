using CyberGov.Align.Scoring;

namespace CyberGov.Align.Tests.Scoring;

public sealed class LexiconTests
{
    private static int Key(string english)
    {
        Span<char> buffer = stackalloc char[64];
        int n = EnglishWords.Normalize(english, buffer);
        Assert.True(n > 0, $"'{english}' should be a content word");
        return BilingualLexicon.Default.KeyOf(buffer[..n]);
    }

    [Theory]
    [InlineData("网络", "internet")]
    [InlineData("霸权", "hegemony")]
    [InlineData("國家", "countries")]
    [InlineData("安全", "security")]
    public void Bundled_CC_CEDICT_links_Chinese_words_to_English_keys(string chinese, string english)
    {
        int[]? keys = BilingualLexicon.Default.Lookup(chinese);
        Assert.NotNull(keys);
        Assert.Contains(Key(english), keys);
    }

    [Fact]
    public void Words_outside_the_vocabulary_get_the_same_id_in_every_process()
    {
        // Fixed values: string hashing is randomised per process, so these would differ from run to run if it were used.
        Assert.Equal(1294901274, BilingualLexicon.Default.KeyOf("xiaobao"));
        Assert.Equal(1656715576, BilingualLexicon.Empty.KeyOf("qwzx"));
    }

    [Fact]
    public void Stop_words_and_inflections_are_normalised()
    {
        Span<char> buffer = stackalloc char[32];
        Assert.Equal(0, EnglishWords.Normalize("the", buffer));
        Assert.Equal(Key("country"), Key("countries"));
        Assert.Equal(Key("call"), Key("called"));
        Assert.Equal(Key("develop"), Key("developing"));
        Assert.NotEqual(Key("internet"), Key("hegemony"));
    }

    [Fact]
    public void Compiler_keeps_glosses_and_drops_noise()
    {
        const string cedict = "# comment\n網絡 网络 [wang3 luo4] /network/internet/\n丁 丁 [Ding1] /surname Ding/\n丁 丁 [ding1] /male adult/(chemistry) butyl/\n";
        var compact = new StringWriter();
        Assert.Equal(2, CedictCompiler.Compile(new StringReader(cedict), compact));
        Assert.Equal("网络\t網絡\tnetwork internet\n丁\t\tmal adult butyl\n", compact.ToString());
        BilingualLexicon lexicon = BilingualLexicon.Load(new StringReader(compact.ToString()));
        Assert.Equal(3, lexicon.Count);
        Assert.Equal(lexicon.Lookup("网络"), lexicon.Lookup("網絡"));
        Assert.Null(lexicon.Lookup("霸权"));
    }

    [Fact]
    public void Glossary_reads_tsv_in_either_column_order_and_reports_bad_lines()
    {
        Glossary g = Glossary.Load(new StringReader("# terms\n一带一路\tBelt and Road Initiative\nWuzhen\t乌镇\n"));
        Assert.Equal([("一带一路", "Belt and Road Initiative"), ("乌镇", "Wuzhen")], g.Entries);
        var ex = Assert.Throws<CyberGov.Align.Text.InputFormatException>(() => Glossary.Load(new StringReader("一带一路\tBRI\nonly one column\n"), "terms.tsv"));
        Assert.Equal(2, ex.Line);
        Assert.StartsWith("terms.tsv:2", ex.Message, StringComparison.Ordinal);
    }
}
