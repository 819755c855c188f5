using CyberGov.Align.Text;

namespace CyberGov.Align.Alignment;

/// <summary>
/// The result of aligning two documents: beads in document order that use every source and every target sentence
/// exactly once (monotone, nothing lost, nothing used twice).
/// </summary>
public sealed class AlignmentResult
{
    private readonly Bead[] _beads;

    /// <summary>Creates a result and checks that the beads cover both documents exactly once, in order.</summary>
    /// <param name="source">Source document.</param>
    /// <param name="target">Target document.</param>
    /// <param name="beads">The beads.</param>
    /// <exception cref="ArgumentException">The beads skip, repeat or reorder a sentence.</exception>
    public AlignmentResult(Document source, Document target, IEnumerable<Bead> beads)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(beads);
        Source = source;
        Target = target;
        _beads = [.. beads];
        int s = 0, t = 0;
        foreach (Bead b in _beads)
        {
            if (b.SourceStart != s || b.TargetStart != t || b.SourceCount < 0 || b.TargetCount < 0 || (b.SourceCount == 0 && b.TargetCount == 0))
            {
                throw new ArgumentException($"bead {b.Kind} at source {b.SourceStart}, target {b.TargetStart} does not continue the alignment at ({s}, {t})", nameof(beads));
            }

            s += b.SourceCount;
            t += b.TargetCount;
        }

        if (s != source.Sentences.Count || t != target.Sentences.Count)
        {
            throw new ArgumentException($"the beads cover {s}/{source.Sentences.Count} source and {t}/{target.Sentences.Count} target sentences", nameof(beads));
        }
    }

    /// <summary>The source document.</summary>
    public Document Source { get; }

    /// <summary>The target document.</summary>
    public Document Target { get; }

    /// <summary>The beads, in document order.</summary>
    public IReadOnlyList<Bead> Beads => _beads;

    /// <summary>Statistics of the run: <c>search.cells</c> (grid cells the search scored, see <see cref="Aligner.SearchCellsStatistic"/>) from <see cref="Aligner.Align(Text.Document, Text.Document, CancellationToken)"/>; characters translated and requests from gap filling.</summary>
    public IReadOnlyDictionary<string, double> Statistics { get; init; } = new Dictionary<string, double>();

    /// <summary>The source sentences of a bead joined with <paramref name="separator"/> (default: a space for English, nothing for Chinese).</summary>
    /// <param name="bead">The bead.</param>
    /// <param name="separator">Separator between sentences; null for the language's default.</param>
    /// <returns>The text, empty for an addition.</returns>
    public string SourceText(Bead bead, string? separator = null) => Join(Source, bead.SourceStart, bead.SourceCount, separator);

    /// <summary>The target sentences of a bead joined (see <see cref="SourceText"/>).</summary>
    /// <param name="bead">The bead.</param>
    /// <param name="separator">Separator; null for the language's default.</param>
    /// <returns>The text, empty for an omission.</returns>
    public string TargetText(Bead bead, string? separator = null) => Join(Target, bead.TargetStart, bead.TargetCount, separator);

    private static string Join(Document doc, int start, int count, string? separator)
    {
        separator ??= doc.Language == Language.Chinese ? string.Empty : " ";
        return count switch
        {
            0 => string.Empty,
            1 => OneLine(doc.SentenceSpan(start)),
            _ => string.Join(separator, Enumerable.Range(start, count).Select(i => OneLine(doc.SentenceSpan(i)))),
        };
    }

    internal static string OneLine(ReadOnlySpan<char> sentence) =>
        sentence.ContainsAny('\r', '\n') ? string.Join(' ', sentence.ToString().Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) : sentence.ToString();
}
