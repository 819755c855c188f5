using CyberGov.Align.Alignment;
using CyberGov.Align.Evaluation;
using CyberGov.Align.Formats;
using CyberGov.Align.Text;

namespace CyberGov.Align.Tests.Evaluation;

public sealed class DeletionBenchmarkTests
{
    private static readonly string[] Zh = ["经济", "政府", "改革", "教育", "科技", "文化", "农业", "工业", "环境", "健康"];
    private static readonly string[] En = ["economy", "government", "reform", "education", "technology", "culture", "agriculture", "industry", "environment", "health"];

    /// <summary>A 1-1 translation of <paramref name="n"/> sentences in paragraphs of up to three and one-sentence headings, each pair sharing a figure and two dictionary words.</summary>
    private static DeletionDocument Translation(int n)
    {
        var zh = new System.Text.StringBuilder();
        var en = new System.Text.StringBuilder();
        var reference = new List<IndexBead>();
        for (int i = 0; i < n; i++)
        {
            if (i % 7 == 6)
            {
                zh.Append('\n'); // a heading: a paragraph of its own
                en.Append('\n');
            }

            zh.Append($"{Zh[i % 10]}和{Zh[(i * 3 + 1) % 10]}的指标达到{1000 + (i * 37)}。\n");
            en.Append($"The {En[i % 10]} and {En[(i * 3 + 1) % 10]} index reached {1000 + (i * 37)}.\n");
            if (i % 3 == 2 || i % 7 == 6)
            {
                zh.Append('\n');
                en.Append('\n');
            }

            reference.Add(new IndexBead([i], [i], null));
        }

        var opts = new DocumentOptions { ParagraphMode = ParagraphMode.PreSplit };
        return new DeletionDocument("synthetic", Document.Parse(zh.ToString(), Language.Chinese, opts), Document.Parse(en.ToString(), Language.English, opts), reference);
    }

    [Fact]
    public void Every_kind_is_deleted_and_recorded_reproducibly()
    {
        Aligner aligner = new AlignerBuilder().UseBundledDictionary().Build();
        DeletionDocument document = Translation(150);
        List<DeletionTrial> trials = DeletionBenchmark.Run(aligner, document, seed: 7);

        // One copy per kind; in a 1-1 translation each deleted sentence leaves exactly one sentence without a counterpart.
        Assert.Equal(Enum.GetValues<DeletionKind>(), trials.Select(t => t.Kind));
        DeletionTrial sentence = trials.Single(t => t.Kind == DeletionKind.Sentence);
        Assert.Equal(sentence.Sites, sentence.Score.Truth);
        DeletionTrial paragraph = trials.Single(t => t.Kind == DeletionKind.Paragraph);
        Assert.InRange(paragraph.Score.Truth, 2 * paragraph.Sites, 3 * paragraph.Sites);
        Assert.All(trials, t => Assert.True(t.Sites > 0 && t.Score.Hits <= Math.Min(t.Score.Truth, t.Score.Predicted)));

        // Every sentence counted wrong is listed: each missed deletion and each null bead without one.
        Assert.All(trials, t => Assert.Equal((t.Score.Truth - t.Score.Hits) + (t.Score.Predicted - t.Score.Hits), t.Errors.Count));

        // The same seed gives the same sites; another seed gives others.
        Assert.Equal(trials.Select(t => (t.Kind, t.Sites, t.Score)), DeletionBenchmark.Run(aligner, document, seed: 7).Select(t => (t.Kind, t.Sites, t.Score)));
        Assert.NotEqual(trials.Select(t => t.Sites), DeletionBenchmark.Run(aligner, document, seed: 8).Select(t => t.Sites));
    }
}
