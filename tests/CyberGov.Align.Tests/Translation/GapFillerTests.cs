using CyberGov.Align.Alignment;
using CyberGov.Align.Tests.Alignment;
using CyberGov.Align.Text;
using CyberGov.Align.Translation;
using CyberGov.Align.Translation.GapFilling;
using Microsoft.Extensions.DependencyInjection;

namespace CyberGov.Align.Tests.Translation;

public sealed class GapFillerTests : IAsyncLifetime
{
    private static readonly Aligner Aligner = new AlignerBuilder().Build();
    private FakeTranslatorServer _server = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _server = await FakeTranslatorServer.StartAsync();
        var services = new ServiceCollection();
        services.AddAzureTranslator(o =>
        {
            o.Endpoint = _server.Url;
            o.Key = AzureTranslatorTests.Key;
            o.AttemptTimeout = TimeSpan.FromMilliseconds(1500);
            o.TotalTimeout = TimeSpan.FromSeconds(20);
            o.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
            o.MaxRetries = 1;
        });
        _services = services.BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _server.DisposeAsync();
    }

    private ITranslator Azure => _services.GetRequiredService<ITranslator>();

    private static AlignmentResult Sample()
    {
        Document zh = DocumentReader.ReadFile(AlignerTests.SeedPath("000_63b1f7de89521b9f.zh.txt"), Language.Chinese);
        Document en = DocumentReader.ReadFile(AlignerTests.SeedPath("000_63b1f7de89521b9f.txt"), Language.English);
        return Aligner.Align(zh, en);
    }

    [Fact]
    public async Task Translates_only_low_confidence_regions_and_says_what_it_cost()
    {
        AlignmentResult offline = Sample();
        var filler = new GapFiller(Aligner, Azure, new GapFillOptions { ConfidenceThreshold = 0.9 });
        IReadOnlyList<BeadRange> regions = filler.FindRegions(offline);
        Assert.NotEmpty(regions);
        GapFillResult r = await filler.FillAsync(offline);
        AlignerTests.AssertComplete(r.Alignment);
        Assert.Equal(regions.Count, r.RegionsFilled);
        Assert.Empty(r.Untranslated);
        int sentences = regions.Sum(g => offline.Beads[g.End - 1].SourceEnd - offline.Beads[g.Start].SourceStart);
        Assert.Equal(sentences, r.SentencesTranslated);
        Assert.Equal(sentences, _server.Requests.Sum(q => q.Texts.Count));
        Assert.True(r.SentencesTranslated < offline.Source.Sentences.Count);
        Assert.Equal(_server.Requests.Count, r.Requests);
        Assert.Equal(_server.Requests.Sum(q => q.Texts.Sum(t => t.Length)), r.CharactersSent);
        Assert.Contains(r.Alignment.Beads, b => b.Method == AlignMethod.Translation);
        Assert.Equal(r.CharactersSent, r.Alignment.Statistics["translator.characters"]);
    }

    [Fact]
    public async Task A_failing_translator_leaves_the_offline_alignment_and_flags_every_region()
    {
        AlignmentResult offline = Sample();
        _server.ThenError(401, 401000);
        GapFillResult r = await new GapFiller(Aligner, Azure, new GapFillOptions { ConfidenceThreshold = 0.9 }).FillAsync(offline);
        AlignerTests.AssertComplete(r.Alignment);
        Assert.Equal(offline.Beads, r.Alignment.Beads);
        Assert.Equal(0, r.RegionsFilled);
        Assert.NotEmpty(r.Untranslated);
        Assert.All(r.Untranslated, u => Assert.StartsWith("Authentication", u.Reason, StringComparison.Ordinal));
        Assert.All(r.Untranslated, u => Assert.DoesNotContain(AzureTranslatorTests.Key, u.Reason, StringComparison.Ordinal));

        foreach (Action script in new Action[] { _server.ThenMalformed, _server.ThenFewer, () => { _server.ThenDelay(TimeSpan.FromSeconds(4)); _server.ThenDelay(TimeSpan.FromSeconds(4)); } })
        {
            script();
            GapFillResult failed = await new GapFiller(Aligner, Azure, new GapFillOptions { ConfidenceThreshold = 0.9, MaxCharactersPerCall = 1_000_000 }).FillAsync(offline);
            Assert.Equal(offline.Beads, failed.Alignment.Beads);
            Assert.NotEmpty(failed.Untranslated);
        }
    }

    [Fact]
    public async Task Stops_at_the_character_budget_and_reports_what_it_left()
    {
        // Every other bead unsure, so that there are several regions to choose from.
        AlignmentResult sample = Sample();
        var offline = new AlignmentResult(sample.Source, sample.Target, [.. sample.Beads.Select((b, k) => b with { Confidence = k % 2 == 0 ? 0.5 : 1 })]);
        GapFillResult all = await new GapFiller(Aligner, Azure, new GapFillOptions { ConfidenceThreshold = 0.9, ContextBeads = 0 }).FillAsync(offline);
        Assert.True(all.Regions > 1, $"{all.Regions} regions");
        long budget = all.CharactersSent / 2;
        GapFillResult r = await new GapFiller(Aligner, Azure, new GapFillOptions { ConfidenceThreshold = 0.9, ContextBeads = 0, BudgetCharacters = budget }).FillAsync(offline);
        AlignerTests.AssertComplete(r.Alignment);
        Assert.True(r.CharactersSent <= budget && r.CharactersSent > 0, $"{r.CharactersSent} characters sent, budget {budget}");
        Assert.True(r.RegionsFilled < all.RegionsFilled);
        Assert.Contains(r.Untranslated, u => u.Reason.Contains("budget", StringComparison.Ordinal));

        GapFillResult none = await new GapFiller(Aligner, Azure, new GapFillOptions { ConfidenceThreshold = 0.95, BudgetCharacters = 0 }).FillAsync(offline);
        Assert.Equal(0, none.CharactersSent);
        Assert.Equal(offline.Beads, none.Alignment.Beads);
        Assert.Throws<ArgumentOutOfRangeException>(() => new GapFiller(Aligner, Azure, new GapFillOptions { ConfidenceThreshold = 2 }));
    }

    [Fact]
    public async Task The_cache_makes_a_rerun_free_and_survives_a_torn_line()
    {
        AlignmentResult offline = Sample();
        string folder = Path.Combine(Path.GetTempPath(), $"cyberalign-cache-{Guid.NewGuid():N}");
        try
        {
            var options = new GapFillOptions { ConfidenceThreshold = 0.9 };
            GapFillResult first, second;
            using (var cache = new CachingTranslator(Azure, folder))
            {
                first = await new GapFiller(Aligner, cache, options).FillAsync(offline);
            }

            Assert.True(first.CharactersSent > 0);
            int requests = _server.Requests.Count;
            File.AppendAllText(Path.Combine(folder, "translations.jsonl"), "{\"k\":\"torn"); // a crash mid-write
            using (var cache = new CachingTranslator(Azure, folder))
            {
                Assert.Equal(first.SentencesTranslated, cache.Count);
                second = await new GapFiller(Aligner, cache, options).FillAsync(offline);
                Assert.Equal(first.SentencesTranslated, cache.Hits);
            }

            Assert.Equal(0, second.CharactersSent);
            Assert.Equal(requests, _server.Requests.Count);
            Assert.Equal(first.Alignment.Beads, second.Alignment.Beads);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_translation_file_must_have_one_line_per_sentence()
    {
        var opts = new DocumentOptions { ParagraphMode = ParagraphMode.PreSplit, Name = "src.txt" };
        Document source = Document.Parse("一。\n二。\n三。\n", Language.Chinese, opts);
        string path = Path.Combine(Path.GetTempPath(), $"cyberalign-trans-{Guid.NewGuid():N}.txt");
        try
        {
            File.WriteAllText(path, "One.\nTwo.\n");
            var ex = Assert.Throws<InputFormatException>(() => FileTranslator.Load(path, source));
            Assert.Contains(path, ex.Message, StringComparison.Ordinal);
            Assert.Contains("2 translation lines for 3 source sentences", ex.Message, StringComparison.Ordinal);

            File.WriteAllText(path, "One.\nTwo.\nThree.\n");
            FileTranslator translator = FileTranslator.Load(path, source);
            Assert.Equal(["Two."], await translator.TranslateAsync(["二。"], Language.Chinese, Language.English));
            var missing = await Assert.ThrowsAsync<TranslatorException>(() => translator.TranslateAsync(["四。"], Language.Chinese, Language.English));
            Assert.Equal(TranslatorErrorKind.MissingTranslation, missing.Kind);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
