using CyberGov.Align.Evaluation;
using CyberGov.Align.Formats;
using CyberGov.Align.Text;

namespace CyberGov.Align.Tests.Evaluation;

public sealed class EvaluationTests
{
    private static List<IndexBead> Parse(string text) => IndexFormat.Read(new StringReader(text));

    [Fact]
    public void Strict_counts_exact_beads_including_null_beads()
    {
        var gold = Parse("[0]:[0]\n[1,2]:[1]\n[3]:[]\n[4]:[2]\n");
        var test = Parse("[0]:[0]:0.9\n[1]:[1]:0.5\n[2]:[]:0.2\n[3]:[]\n[4]:[2]\n");
        EvaluationResult r = AlignmentEvaluator.Evaluate(gold, test);
        Assert.Equal(new Score(3, 5, 4, 3), r.Strict);
        Assert.Equal(0.6, r.Strict.Precision, 6);
        Assert.Equal(0.75, r.Strict.Recall, 6);
        Assert.Equal(2 * 0.6 * 0.75 / 1.35, r.Strict.F1, 6);
    }

    [Fact]
    public void Lax_counts_overlaps_and_ignores_null_gold_beads_in_recall()
    {
        var gold = Parse("[0]:[0]\n[1,2]:[1]\n[3]:[]\n[4]:[2]\n");
        var test = Parse("[0]:[0]\n[1]:[1]\n[2]:[]\n[3]:[]\n[4]:[2]\n");
        EvaluationResult r = AlignmentEvaluator.Evaluate(gold, test);
        // hits: [0]:[0], [1]:[1] (overlaps gold [1,2]:[1]), [3]:[] (same null bead), [4]:[2]; [2]:[] is not in the gold
        Assert.Equal(4, r.Lax.Hits);
        Assert.Equal(5, r.Lax.TestBeads);
        Assert.Equal(3, r.Lax.GoldBeads);
        Assert.Equal(3, r.Lax.RecallHits);
    }

    [Fact]
    public void Index_format_reports_bad_lines()
    {
        var ex = Assert.Throws<InputFormatException>(() => IndexFormat.Read(new StringReader("[0]:[0]\n[1]-[1]\n"), "x.align"));
        Assert.Equal(2, ex.Line);
        Assert.Throws<InputFormatException>(() => IndexFormat.Read(new StringReader("[a]:[0]\n")));
        Assert.Throws<InputFormatException>(() => IndexFormat.Read(new StringReader("[0]:[0]:high\n")));
        Assert.Equal(new[] { 0, 1 }, Parse("[0,1]:[]:0.25").Single().Source);
        Assert.Equal(0.25, Parse("[0,1]:[]:0.25").Single().Confidence);
    }
}
