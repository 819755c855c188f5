namespace CyberGov.Align.Alignment;

/// <summary>
/// A bead boundary fixed in advance: source sentences before <see cref="Source"/> align only with target sentences
/// before <see cref="Target"/> (see <see cref="Aligner.Align(Text.Document, Text.Document, IReadOnlyList{FixedPoint}, CancellationToken)"/>).
/// </summary>
/// <param name="Source">Source sentence index (0 to the sentence count).</param>
/// <param name="Target">Target sentence index (0 to the sentence count).</param>
public readonly record struct FixedPoint(int Source, int Target);
