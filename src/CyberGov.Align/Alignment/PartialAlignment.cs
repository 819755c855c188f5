using CyberGov.Align.Text;

namespace CyberGov.Align.Alignment;

/// <summary>How a sentence of a report renders the original, in a <see cref="PartialAlignmentResult"/>.</summary>
public enum QuoteLinkKind
{
    /// <summary>Nothing of the original: the reporter's own framing, a headline, page furniture, a quote from elsewhere.</summary>
    Unlinked = 0,

    /// <summary>Words inside quotation marks that render the linked original sentences.</summary>
    Quote,

    /// <summary>Reported speech: the sentence renders the linked original sentences without quoting them.</summary>
    Paraphrase,
}

/// <summary>What a fidelity flag of a <see cref="QuoteLink"/> is about.</summary>
public enum QuoteFlagKind
{
    /// <summary>An item of an enumeration in the original (a word between 、 or commas) that the report leaves out.</summary>
    DroppedItem,

    /// <summary>A number in the report that the linked original sentences do not have, or the other way round.</summary>
    NumberDiffers,

    /// <summary>A name inside the quotation marks that the linked original sentences do not support.</summary>
    AddedName,
}

/// <summary>One fidelity flag of a link: what the report changed against the original it renders.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Text">The item, number or name concerned, as written.</param>
public readonly record struct QuoteFlag(QuoteFlagKind Kind, string Text)
{
    /// <summary>The flag as a short message, e.g. <c>dropped from the original: 淫秽</c>.</summary>
    public string Message => Kind switch
    {
        QuoteFlagKind.DroppedItem => $"dropped from the original: {Text}",
        QuoteFlagKind.NumberDiffers => $"number differs: {Text}",
        _ => $"added in the quote: {Text}",
    };
}

/// <summary>
/// One row of a <see cref="PartialAlignmentResult"/>: a run of report (target) sentences of one paragraph and the
/// original (source) sentences they quote or paraphrase, in any order and from anywhere in the original, or none.
/// </summary>
/// <param name="TargetStart">Index of the first report sentence.</param>
/// <param name="TargetCount">Number of report sentences (at least 1).</param>
/// <param name="Source">The original sentences rendered, ascending (empty when <see cref="Kind"/> is <see cref="QuoteLinkKind.Unlinked"/>).</param>
/// <param name="Kind">Quote, paraphrase or unlinked.</param>
/// <param name="Confidence">A score in [0,1]: 0.5 where the evidence just meets the thresholds, higher the more it clears them (for an unlinked row, the more clearly nothing is rendered); not a calibrated probability.</param>
/// <param name="Flags">Fidelity flags: dropped items, numbers that differ, names the quote adds.</param>
public sealed record QuoteLink(int TargetStart, int TargetCount, IReadOnlyList<int> Source, QuoteLinkKind Kind, double Confidence, IReadOnlyList<QuoteFlag> Flags)
{
    /// <summary>One past the last report sentence.</summary>
    public int TargetEnd => TargetStart + TargetCount;

    /// <summary>The link's name as written in JSONL and TMX: <c>quote</c>, <c>paraphrase</c> or <c>unlinked</c>.</summary>
    public string LinkName => Kind switch
    {
        QuoteLinkKind.Quote => "quote",
        QuoteLinkKind.Paraphrase => "paraphrase",
        _ => "unlinked",
    };
}

/// <summary>
/// The result of <see cref="Aligner.AlignPartial"/>: a report that covers only parts of an original (a news story
/// quoting a speech), each of its sentences linked to the original sentences it quotes or paraphrases, or to nothing.
/// The rows cover every report sentence exactly once, in report order; original sentences may be used by several rows
/// or by none, in any order.
/// </summary>
public sealed class PartialAlignmentResult
{
    private readonly QuoteLink[] _links;

    /// <summary>Creates a result and checks that the rows cover the report once, in order, and name only original sentences that exist.</summary>
    /// <param name="source">The original.</param>
    /// <param name="target">The report.</param>
    /// <param name="links">The rows.</param>
    /// <exception cref="ArgumentException">A row skips or repeats a report sentence, or names a sentence outside the original.</exception>
    public PartialAlignmentResult(Document source, Document target, IEnumerable<QuoteLink> links)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(links);
        Source = source;
        Target = target;
        _links = [.. links];
        int t = 0;
        foreach (QuoteLink link in _links)
        {
            if (link.TargetStart != t || link.TargetCount < 1)
            {
                throw new ArgumentException($"the row at report sentence {link.TargetStart} does not continue the report at {t}", nameof(links));
            }

            int previous = -1;
            foreach (int s in link.Source)
            {
                if (s <= previous || s >= source.Sentences.Count)
                {
                    throw new ArgumentException($"the row at report sentence {link.TargetStart} names original sentence {s}: not ascending or not in the original", nameof(links));
                }

                previous = s;
            }

            if ((link.Kind == QuoteLinkKind.Unlinked) != (link.Source.Count == 0))
            {
                throw new ArgumentException($"the row at report sentence {link.TargetStart} is {link.LinkName} with {link.Source.Count} original sentences", nameof(links));
            }

            t = link.TargetEnd;
        }

        if (t != target.Sentences.Count)
        {
            throw new ArgumentException($"the rows cover {t}/{target.Sentences.Count} report sentences", nameof(links));
        }
    }

    /// <summary>The original (source) document.</summary>
    public Document Source { get; }

    /// <summary>The report (target) document.</summary>
    public Document Target { get; }

    /// <summary>The rows, in report order.</summary>
    public IReadOnlyList<QuoteLink> Links => _links;

    /// <summary>The original sentences of a row joined (a space between English sentences, nothing between Chinese ones).</summary>
    /// <param name="link">The row.</param>
    /// <returns>The text, empty for an unlinked row.</returns>
    public string SourceText(QuoteLink link) => Join(Source, link.Source);

    /// <summary>The report sentences of a row joined.</summary>
    /// <param name="link">The row.</param>
    /// <returns>The text.</returns>
    public string TargetText(QuoteLink link) => Join(Target, Enumerable.Range(link.TargetStart, link.TargetCount));

    private static string Join(Document doc, IEnumerable<int> sentences) =>
        string.Join(doc.Language == Language.Chinese ? string.Empty : " ", sentences.Select(i => AlignmentResult.OneLine(doc.SentenceSpan(i))));
}
