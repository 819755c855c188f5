namespace CyberGov.Align.Alignment;

/// <summary>How a bead was decided.</summary>
public enum AlignMethod
{
    /// <summary>By the offline scorer (length, anchors, dictionary, glossary).</summary>
    Offline = 0,

    /// <summary>Re-aligned by translation similarity.</summary>
    Translation,
}

/// <summary>
/// One link of an alignment: a run of source sentences and a run of target sentences that translate each other
/// (either run may be empty: an omission or an addition).
/// </summary>
/// <param name="SourceStart">Index of the first source sentence (where the run would start when empty).</param>
/// <param name="SourceCount">Number of source sentences (0 for an addition).</param>
/// <param name="TargetStart">Index of the first target sentence.</param>
/// <param name="TargetCount">Number of target sentences (0 for an omission).</param>
/// <param name="Confidence">Calibrated probability in [0,1] that the bead is right.</param>
/// <param name="Method">What decided it.</param>
public readonly record struct Bead(int SourceStart, int SourceCount, int TargetStart, int TargetCount, double Confidence, AlignMethod Method = AlignMethod.Offline)
{
    /// <summary>The shape, e.g. <c>1-1</c>, <c>2-1</c>, <c>1-0</c>.</summary>
    public string Kind => $"{SourceCount}-{TargetCount}";

    /// <summary>Whether one side is empty.</summary>
    public bool IsNull => SourceCount == 0 || TargetCount == 0;

    /// <summary>One past the last source sentence.</summary>
    public int SourceEnd => SourceStart + SourceCount;

    /// <summary>One past the last target sentence.</summary>
    public int TargetEnd => TargetStart + TargetCount;
}

/// <summary>A run of consecutive beads of an alignment.</summary>
/// <param name="Start">Index of the first bead.</param>
/// <param name="Count">Number of beads.</param>
public readonly record struct BeadRange(int Start, int Count)
{
    /// <summary>One past the last bead.</summary>
    public int End => Start + Count;
}
