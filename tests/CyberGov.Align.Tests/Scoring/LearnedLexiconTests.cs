using System.Text;
using CyberGov.Align.Alignment;
using CyberGov.Align.Scoring;
using CyberGov.Align.Tests.Cli;
using CyberGov.Align.Text;

namespace CyberGov.Align.Tests.Scoring;

/// <summary>The learned lexicon (IBM Model 1 over confident beads): what it learns, how it is saved, and how it is used.</summary>
public sealed class LearnedLexiconTests
{
    // A story whose hero, 韦小宝, is "Trinket" in English: a name no dictionary has. The other words are ordinary.
    private static readonly (string Zh, string En)[] Story =
    [
        ("韦小宝走进了房间。", "Trinket walked into the room."),
        ("房间里有一个老人。", "There was an old man in the room."),
        ("老人对韦小宝笑了笑。", "The old man smiled at Trinket."),
        ("韦小宝问他叫什么名字。", "Trinket asked him his name."),
        ("老人说他是一个医生。", "The old man said he was a doctor."),
        ("医生给了韦小宝一本书。", "The doctor gave Trinket a book."),
        ("这本书很旧。", "The book was very old."),
        ("韦小宝打开书看了很久。", "Trinket opened the book and read for a long time."),
        ("天黑了，医生点了一盏灯。", "It grew dark, and the doctor lit a lamp."),
        ("韦小宝谢了医生就走了。", "Trinket thanked the doctor and left."),
        ("外面下着大雨。", "Outside it was raining hard."),
        ("韦小宝跑回家里。", "Trinket ran back home."),
        ("他的母亲在门口等他。", "His mother was waiting for him at the door."),
        ("母亲问韦小宝去了哪里。", "His mother asked Trinket where he had been."),
        ("韦小宝把书给母亲看。", "Trinket showed the book to his mother."),
        ("母亲很高兴。", "His mother was very happy."),
    ];

    private static (Document Zh, Document En) StoryDocuments(int copies = 3)
    {
        var zh = new StringBuilder();
        var en = new StringBuilder();
        for (int c = 0; c < copies; c++)
        {
            foreach ((string z, string e) in Story)
            {
                zh.Append(z).Append('\n');
                en.Append(e).Append('\n');
            }
        }

        var options = new DocumentOptions { ParagraphMode = ParagraphMode.PreSplit };
        return (Document.Parse(zh.ToString(), Language.Chinese, options), Document.Parse(en.ToString(), Language.English, options));
    }

    private static LearnedLexicon LearnStory()
    {
        (Document zh, Document en) = StoryDocuments();
        Aligner aligner = new AlignerBuilder().Build();
        return aligner.LearnLexicon([aligner.Align(zh, en)]);
    }

    [Fact]
    public void A_name_the_dictionary_lacks_is_learned_from_the_text()
    {
        LearnedLexicon lexicon = LearnStory();
        LearnedTranslation[] trinket = [.. lexicon.Entries.Where(e => e.English == "trinket" && "韦小宝".Contains(e.Chinese, StringComparison.Ordinal))];
        Assert.NotEmpty(trinket);
        Assert.True(trinket.Max(e => e.Probability) >= 0.5, string.Join("; ", trinket));
        Assert.True(trinket.Max(e => e.ReverseProbability) >= 0.2, string.Join("; ", trinket));

        // An ordinary word keeps an ordinary translation: 医生 is the doctor, not Trinket.
        Assert.DoesNotContain(lexicon.Entries, e => e.Chinese == "医生" && e.English == "trinket" && e.Probability >= 0.5);
        Assert.Contains(lexicon.Entries, e => e.Chinese == "医生" && e.English == "doctor" && e.Probability >= 0.5);
    }

    [Fact]
    public void Learning_is_deterministic_and_a_saved_lexicon_loads_back_the_same()
    {
        LearnedLexicon first = LearnStory(), second = LearnStory();
        string saved = Save(first);
        Assert.Equal(saved, Save(second));
        Assert.StartsWith("# cyberalign learned lexicon 1\t", saved, StringComparison.Ordinal);

        LearnedLexicon loaded = LearnedLexicon.Load(new StringReader(saved));
        Assert.Equal(first.Count, loaded.Count);
        Assert.Equal(saved, Save(loaded));
    }

    [Fact]
    public void A_bad_line_is_an_error_naming_the_file_and_line()
    {
        const string text = "# cyberalign learned lexicon 1\tchinese\tenglish\tp\tcount\toccurrences\tp\n宝\ttrinket\t0.8\t3\t4\t0.5\n宝\ttrinket\t1.8\t3\t4\t0.5\n";
        var ex = Assert.Throws<InvalidDataException>(() => LearnedLexicon.Load(new StringReader(text), "lex.tsv"));
        Assert.StartsWith("lex.tsv:3: ", ex.Message, StringComparison.Ordinal);

        var header = Assert.Throws<InvalidDataException>(() => LearnedLexicon.Load(new StringReader("宝\ttrinket\t0.8\t3\t4\t0.5\n"), "lex.tsv"));
        Assert.StartsWith("lex.tsv:1: not a learned lexicon", header.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_learned_translation_adds_evidence_to_the_word_and_never_removes_the_dictionarys()
    {
        var lexicon = new LearnedLexicon([new LearnedTranslation("韦小宝", "trinket", 0.9, 5, 5, 0.9), new LearnedTranslation("医生", "healer", 0.9, 5, 5, 0.9)]);
        Document zh = Document.Parse("医生韦小宝来了。", Language.Chinese);
        BilingualLexicon dictionary = BilingualLexicon.Default;
        LexiconOverlay overlay = lexicon.Bind(dictionary, 0.5, 0.2, 2);
        SentenceFeatures plain = FeatureExtractor.Extract(zh, dictionary, Glossary.Empty);
        SentenceFeatures learned = FeatureExtractor.Extract(zh, dictionary, Glossary.Empty, overlay, CancellationToken.None);
        int doctor = dictionary.KeyOf("doctor"), healer = dictionary.KeyOf("healer");
        Assert.Contains(doctor, plain.KeysOf(0).ToArray());
        Assert.Contains(doctor, learned.KeysOf(0).ToArray());
        Assert.DoesNotContain(healer, plain.KeysOf(0).ToArray());
        Assert.Contains(healer, learned.KeysOf(0).ToArray());
        Assert.Equal(plain.Content[0], learned.Content[0]);

        // Below the thresholds nothing is added.
        LexiconOverlay strict = lexicon.Bind(dictionary, 0.95, 0.2, 2);
        Assert.Equal(0, strict.Count);
    }

    [Fact]
    public void The_cli_writes_a_learned_lexicon_and_reads_it_back()
    {
        using var dir = new TempFolder();
        (Document zh, Document en) = StoryDocuments();
        File.WriteAllText(dir.Combine("zh.txt"), zh.Text, new UTF8Encoding(false));
        File.WriteAllText(dir.Combine("en.txt"), en.Text, new UTF8Encoding(false));
        CliRunner.Result learn = CliRunner.Run("align", dir.Combine("zh.txt"), dir.Combine("en.txt"), "--presplit", "-f", "index", "--learn", "--lexicon-out", dir.Combine("lex.tsv"));
        Assert.True(learn.ExitCode == 0, learn.StdErr);
        LearnedLexicon saved = LearnedLexicon.LoadFile(dir.Combine("lex.tsv"));
        Assert.Contains(saved.Entries, e => e.English == "trinket");

        CliRunner.Result use = CliRunner.Run("align", dir.Combine("zh.txt"), dir.Combine("en.txt"), "--presplit", "-f", "index", "--lexicon", dir.Combine("lex.tsv"));
        Assert.True(use.ExitCode == 0, use.StdErr);
        Assert.Equal(Story.Length * 3, use.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);

        File.WriteAllText(dir.Combine("bad.tsv"), "# cyberalign learned lexicon 1\n宝\ttrinket\n", new UTF8Encoding(false));
        CliRunner.Result bad = CliRunner.Run("align", dir.Combine("zh.txt"), dir.Combine("en.txt"), "--lexicon", dir.Combine("bad.tsv"));
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("bad.tsv:2: expected chinese", bad.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Batch_learns_one_lexicon_over_all_its_pairs()
    {
        using var dir = new TempFolder();
        Directory.CreateDirectory(dir.Combine("pairs"));
        (Document zh, Document en) = StoryDocuments(copies: 1);
        for (int k = 0; k < 3; k++)
        {
            File.WriteAllText(dir.Combine("pairs", $"part{k}.zh.txt"), zh.Text, new UTF8Encoding(false));
            File.WriteAllText(dir.Combine("pairs", $"part{k}.en.txt"), en.Text, new UTF8Encoding(false));
        }

        CliRunner.Result batch = CliRunner.Run("batch", "--pairs", dir.Combine("pairs"), "-o", dir.Combine("out"), "--presplit", "-f", "index", "--lexicon-out", dir.Combine("corpus.tsv"), "-j", "2");
        Assert.True(batch.ExitCode == 0, batch.StdErr);
        LearnedLexicon corpus = LearnedLexicon.LoadFile(dir.Combine("corpus.tsv"));

        // Each pair alone holds every sentence once; the corpus saw the story three times.
        Assert.Contains(corpus.Entries, e => e.English == "trinket" && e.Occurrences >= 3 * 8 && e.Probability >= 0.5);
    }

    private static string Save(LearnedLexicon lexicon)
    {
        var w = new StringWriter();
        lexicon.Save(w);
        return w.ToString();
    }
}
