using CyberGov.Align.Alignment;
using CyberGov.Align.Text;

namespace CyberGov.Align.Tests.Alignment;

/// <summary>Checks and inputs shared by the tests of alignments.</summary>
internal static class AlignmentAssert
{
    /// <summary>The bundled sample (a news report and its Chinese version) aligned by <paramref name="aligner"/>.</summary>
    public static AlignmentResult Sample(Aligner aligner) => aligner.Align(
        DocumentReader.ReadFile(AlignerTests.SeedPath("000_63b1f7de89521b9f.zh.txt")),
        DocumentReader.ReadFile(AlignerTests.SeedPath("000_63b1f7de89521b9f.txt")));

    /// <summary>Every sentence of both documents in exactly one bead, in order; no empty bead; confidences in [0, 1].</summary>
    public static void CoversEverySentenceOnceInOrder(AlignmentResult r)
    {
        int i = 0, j = 0;
        foreach (Bead b in r.Beads)
        {
            Assert.Equal((i, j), (b.SourceStart, b.TargetStart));
            Assert.True(b.SourceCount + b.TargetCount > 0, "empty bead");
            Assert.InRange(b.Confidence, 0, 1);
            (i, j) = (b.SourceEnd, b.TargetEnd);
        }

        Assert.Equal((r.Source.Sentences.Count, r.Target.Sentences.Count), (i, j));
    }
}
