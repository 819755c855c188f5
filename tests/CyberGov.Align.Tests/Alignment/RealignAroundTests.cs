using CyberGov.Align.Alignment;

namespace CyberGov.Align.Tests.Alignment;

/// <summary>"Realign the rest": beads a person kept stay exactly as they are; the aligner works between them.</summary>
public sealed class RealignAroundTests
{
    private static readonly Aligner Aligner = new AlignerBuilder().UseBundledDictionary().Build();

    private static AlignmentResult Sample() => AlignmentAssert.Sample(Aligner);

    [Fact]
    public void A_merge_made_by_hand_is_kept_and_the_rest_is_aligned_again()
    {
        AlignmentResult aligned = Sample();
        int k = Enumerable.Range(2, aligned.Beads.Count - 3).First(x => !aligned.Beads[x].IsNull && !aligned.Beads[x + 1].IsNull);
        Bead a = aligned.Beads[k], b = aligned.Beads[k + 1];
        var merged = new Bead(a.SourceStart, a.SourceCount + b.SourceCount, a.TargetStart, a.TargetCount + b.TargetCount, 1.0);
        List<Bead> edited = [.. aligned.Beads.Take(k), merged, .. aligned.Beads.Skip(k + 2)];

        AlignmentResult result = Aligner.RealignAround(new AlignmentResult(aligned.Source, aligned.Target, edited), [k]);

        AlignmentAssert.CoversEverySentenceOnceInOrder(result);
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

        AlignmentAssert.CoversEverySentenceOnceInOrder(result);
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
