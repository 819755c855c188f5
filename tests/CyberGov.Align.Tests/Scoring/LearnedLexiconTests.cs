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
    public void The_learner_computes_ibm_model_1_exactly_as_the_textbook_does()
    {
        // Beads of different shapes (so rows of different widths), words repeated across beads, and a word seen once.
        (string Zh, string En)[] beads =
        [
            ("医生给了他一本书。", "The doctor gave him a book."),
            ("这本书很旧。", "The book was old."),
            ("医生很高兴。他笑了。", "The doctor was happy and smiled."),
            ("他的母亲在门口。", "His mother was at the door."),
            ("母亲给了医生一盏灯。", "Mother gave the doctor a lamp."),
            ("灯很旧。", "The lamp was old."),
        ];
        var options = new DocumentOptions { ParagraphMode = ParagraphMode.PreSplit };
        Document zh = Document.Parse(string.Join('\n', beads.Select(b => b.Zh)), Language.Chinese, options);
        Document en = Document.Parse(string.Join('\n', beads.Select(b => b.En)), Language.English, options);
        var learner = new LexiconLearner(BilingualLexicon.Default, Glossary.Empty);
        var words = new List<(string[] Zh, string[] En)>();
        for (int k = 0; k < beads.Length; k++)
        {
            Assert.True(learner.Add(zh, k, 1, en, k, 1));
            words.Add((ChineseWords(zh.SentenceText(k)), EnglishStems(en.SentenceText(k))));
        }

        LearnedLexicon learned = learner.Learn();
        Dictionary<(string, string), double> forward = Model1([.. words.Select(w => (w.Zh, w.En))]);
        Dictionary<(string, string), double> reverse = Model1([.. words.Select(w => (w.En, w.Zh))]);
        (string Zh, string En)[] expected = [.. forward.Where(p => p.Value >= LexiconLearner.KeepProbability && p.Key.Item1.Length > 0).Select(p => p.Key)];
        Assert.Equal(expected.Length, learned.Count);
        foreach (LearnedTranslation e in learned.Entries)
        {
            Assert.Equal(forward[(e.Chinese, e.English)], e.Probability, 12);
            Assert.Equal(reverse[(e.English, e.Chinese)], e.ReverseProbability, 12);
        }

        Assert.Contains(learned.Entries, e => e.Chinese == "医生" && e.English == "doctor");
    }

    private static string[] ChineseWords(string text)
    {
        var words = new List<string>();
        int i = 0;
        while (FeatureExtractor.NextChineseToken(text, ref i, BilingualLexicon.Default, Glossary.Empty, out int start, out FeatureExtractor.ChineseToken kind, out _, out _))
        {
            if (kind is FeatureExtractor.ChineseToken.Word or FeatureExtractor.ChineseToken.Unknown && !words.Contains(text[start..i]))
            {
                words.Add(text[start..i]);
            }
        }

        return [.. words];
    }

    private static string[] EnglishStems(string text)
    {
        var words = new List<string>();
        var buffer = new char[64];
        int i = 0;
        while (CyberGov.Align.Scoring.EnglishWords.NextWord(text, ref i, out int start))
        {
            if (CyberGov.Align.Scoring.EnglishWords.Normalize(text.AsSpan(start, i - start), buffer) is int n and > 0 && !words.Contains(new string(buffer, 0, n)))
            {
                words.Add(new string(buffer, 0, n));
            }
        }

        return [.. words];
    }

    /// <summary>IBM Model 1, five EM iterations from uniform, as Brown et al. give it: t(e | f) with NULL written as "".</summary>
    private static Dictionary<(string, string), double> Model1((string[] Given, string[] Generated)[] corpus)
    {
        var t = new Dictionary<(string, string), double>();
        foreach ((string[] given, string[] generated) in corpus)
        {
            foreach (string e in generated)
            {
                foreach (string f in given.Append(""))
                {
                    t[(f, e)] = 1.0;
                }
            }
        }

        for (int iteration = 0; iteration < LexiconLearner.Iterations; iteration++)
        {
            var count = t.Keys.ToDictionary(k => k, _ => 0.0);
            foreach ((string[] given, string[] generated) in corpus)
            {
                foreach (string e in generated)
                {
                    double sum = given.Append("").Sum(f => t[(f, e)]);
                    foreach (string f in given.Append(""))
                    {
                        count[(f, e)] += t[(f, e)] / sum;
                    }
                }
            }

            var total = count.GroupBy(p => p.Key.Item1).ToDictionary(g => g.Key, g => g.Sum(p => p.Value));
            foreach ((string, string) key in t.Keys)
            {
                t[key] = count[key] / total[key.Item1];
            }
        }

        return t;
    }

    [Fact]
    public void Aligning_again_with_the_learned_lexicon_keeps_every_sentence_once_and_every_fixed_point()
    {
        // 80 copies of the story: 1,280 beads, so the second search runs in more than one piece.
        (Document zh, Document en) = StoryDocuments(copies: 80);
        Aligner learning = new AlignerBuilder().Configure(o => o with { LearnLexicon = true }).Build();
        FixedPoint[] points = [new(400, 400), new(1000, 1001)];
        AlignmentResult result = learning.Align(zh, en, points);

        int i = 0, j = 0;
        foreach (Bead b in result.Beads)
        {
            Assert.Equal((i, j), (b.SourceStart, b.TargetStart));
            i += b.SourceCount;
            j += b.TargetCount;
        }

        Assert.Equal((zh.Sentences.Count, en.Sentences.Count), (i, j));
        foreach (FixedPoint p in points)
        {
            Assert.Contains(result.Beads, b => b.SourceStart == p.Source && b.TargetStart == p.Target);
        }

        // Away from the forced (1000, 1001), the story's one-to-one pairs come out as they are.
        Assert.Contains(result.Beads, b => b is { SourceStart: 16 * 70, TargetStart: 16 * 70, SourceCount: 1, TargetCount: 1 });
        Assert.True(result.Beads.Count(b => b.SourceCount == 1 && b.TargetCount == 1 && b.SourceStart == b.TargetStart) >= 1_200);
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
