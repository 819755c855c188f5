using CyberGov.Align.Alignment;
using CyberGov.Align.Review;

namespace CyberGov.Align.Formats;

/// <summary>
/// The translation review's findings per bead, as the JSONL (<c>flags</c>) and TMX (<c>x-flag</c>) writers carry them:
/// omissions, additions, probable moves, differing numbers, partial omissions and additions, low confidence. Merges and
/// splits are left out (the bead's kind says them).
/// </summary>
internal sealed class BeadFlags
{
    private readonly Dictionary<(int Source, int Target), List<Finding>> _byBead = [];

    public BeadFlags(AlignmentResult alignment, WriterOptions options)
    {
        if (!options.IncludeFlags)
        {
            return;
        }

        TranslationReview review = TranslationReview.Analyze(alignment, new ReviewOptions { LowConfidence = options.LowConfidence });
        foreach (Finding f in review.Findings)
        {
            if (f.Kind is FindingKind.Merge or FindingKind.Split)
            {
                continue;
            }

            Bead b = alignment.Beads[f.Bead];
            if (!_byBead.TryGetValue((b.SourceStart, b.TargetStart), out List<Finding>? list))
            {
                _byBead[(b.SourceStart, b.TargetStart)] = list = [];
            }

            list.Add(f);
        }
    }

    /// <summary>The findings of a bead (a bead is known by where it starts on both sides), in the review's order.</summary>
    public IReadOnlyList<Finding> Of(Bead bead) => _byBead.TryGetValue((bead.SourceStart, bead.TargetStart), out List<Finding>? list) ? list : [];

    /// <summary>The finding's kind as written: <c>omission</c>, <c>number-mismatch</c>, <c>partial-omission</c>…</summary>
    public static string KindName(FindingKind kind) => kind switch
    {
        FindingKind.Omission => "omission",
        FindingKind.Addition => "addition",
        FindingKind.ReorderSuspect => "reorder-suspect",
        FindingKind.NumberMismatch => "number-mismatch",
        FindingKind.LowConfidence => "low-confidence",
        FindingKind.PartialOmission => "partial-omission",
        FindingKind.PartialAddition => "partial-addition",
        FindingKind.Merge => "merge",
        _ => "split",
    };
}
