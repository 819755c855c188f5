namespace CyberGov.Align.Text;

/// <summary>A range of characters in a document's text.</summary>
/// <param name="Start">Index of the first character.</param>
/// <param name="Length">Number of characters.</param>
public readonly record struct TextSpan(int Start, int Length)
{
    /// <summary>Index one past the last character.</summary>
    public int End => Start + Length;

    /// <summary>Makes a span from its start and end indices.</summary>
    /// <param name="start">First character.</param>
    /// <param name="end">One past the last character.</param>
    /// <returns>The span.</returns>
    public static TextSpan FromBounds(int start, int end) => new(start, end - start);

    /// <inheritdoc/>
    public override string ToString() => $"[{Start}..{End})";
}
