using CyberGov.Align.Alignment;
using CyberGov.Align.Text;

namespace CyberGov.Align.Tests.Alignment;

/// <summary>"Realign the rest": beads a person kept stay exactly as they are; the aligner works between them.</summary>
public sealed class RealignAroundTests
{
    private static readonly Aligner Aligner = new AlignerBuilder().UseBundledDictionary().Build();

    private static AlignmentResult Sample() => Aligner.Align(
        DocumentReader.ReadFile(AlignerTests.SeedPath("000_63b1f7de89521b9f.zh.txt")),
        DocumentReader.ReadFile(AlignerTests.SeedPath("000_63b1f7de89521b9f.txt")));

    private static void CoversEverySentenceOnceInOrder(AlignmentResult r)
    {
        int i = 0, j = 0;
        foreach (Bead b in r.Beads)
        {
            Assert.Equal((i, j), (b.SourceStart, b.TargetStart));
            (i, j) = (b.SourceEnd, b.TargetEnd);
        }

        Assert.Equal((r.Source.Sentences.Count, r.Target.Sentences.Count), (i, j));
    }

    [Fact]
    public void A_merge_made_by_hand_is_kept_and_the_rest_is_aligned_again()
    {
        AlignmentResult aligned = Sample();
        int k = Enumerable.Range(2, aligned.Beads.Count - 3).First(x => !aligned.Beads[x].IsNull && !aligned.Beads[x + 1].IsNull);
        Bead a = aligned.Beads[k], b = aligned.Beads[k + 1];
        var merged = new Bead(a.SourceStart, a.SourceCount + b.SourceCount, a.TargetStart, a.TargetCount + b.TargetCount, 1.0);
        List<Bead> edited = [.. aligned.Beads.Take(k), merged, .. aligned.Beads.Skip(k + 2)];

        AlignmentResult result = Aligner.RealignAround(new AlignmentResult(aligned.Source, aligned.Target, edited), [k]);

        CoversEverySentenceOnceInOrder(result);
        Assert.Contains(merged, result.Beads);
        Assert.Equal(aligned.Beads.Take(k).Select(x => (x.SourceStart, x.SourceCount, x.TargetStart, x.TargetCount)), result.Beads.Take(k).Select(x => (x.SourceStart, x.SourceCount, x.TargetStart, x.TargetCount)));
    }

    [Fact]
    public void Kept_beads_that_contradict_the_aligner_stay_and_nothing_else_is_lost()
    {
        AlignmentResult aligned = Sample();

        // An alignment "edited" into a worse one: the first two beads swapped into an omission and an addition.
        Bead first = aligned.Beads[0];
        List<Bead> edited = [new Bead(first.SourceStart, first.SourceCount, 0, 0, 1.0), new Bead(first.SourceEnd, 0, first.TargetStart, first.TargetCount, 1.0), .. aligned.Beads.Skip(1)];
        AlignmentResult result = Aligner.RealignAround(new AlignmentResult(aligned.Source, aligned.Target, edited), [0, 1]);

        CoversEverySentenceOnceInOrder(result);
        Assert.Equal(edited[0], result.Beads[0]);
        Assert.Equal(edited[1], result.Beads[1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => Aligner.RealignAround(aligned, [aligned.Beads.Count]));
    }

    [Fact]
    public void Keeping_nothing_is_aligning_again()
    {
        AlignmentResult aligned = Sample();
        Assert.Equal(aligned.Beads, Aligner.RealignAround(aligned, []).Beads);
    }
}
