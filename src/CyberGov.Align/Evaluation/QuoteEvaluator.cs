using System.Globalization;
using CyberGov.Align.Alignment;
using CyberGov.Align.Text;

namespace CyberGov.Align.Evaluation;

/// <summary>What one paragraph of a test report does, by hand: the original sentences it renders, or none.</summary>
/// <param name="Paragraph">The report paragraph (0-based, blank-line-separated blocks).</param>
/// <param name="Kind">quote, paraphrase, framing (the reporter's own words, headlines, page furniture) or foreign (a quote from another occasion).</param>
/// <param name="Sources">The original sentences it renders, ascending; empty for framing and foreign.</param>
public sealed record QuoteGoldParagraph(int Paragraph, string Kind, IReadOnlyList<int> Sources)
{
    /// <summary>Whether the paragraph renders the original (quote or paraphrase).</summary>
    public bool Renders => Sources.Count > 0;
}

/// <summary>Scores of <see cref="Aligner.AlignPartial"/> against hand-made gold, per paragraph.</summary>
/// <param name="Rendering">Paragraphs that quote or paraphrase the original.</param>
/// <param name="Exact">Of those, paragraphs linked to exactly the right original sentences.</param>
/// <param name="Framing">Paragraphs that render nothing of the original (framing and foreign quotes).</param>
/// <param name="FramingLinked">Of those, paragraphs linked to something.</param>
public readonly record struct QuoteScore(int Rendering, int Exact, int Framing, int FramingLinked)
{
    /// <summary>Exact / rendering paragraphs.</summary>
    public double ExactShare => Rendering == 0 ? 0 : (double)Exact / Rendering;

    /// <summary>Framing paragraphs linked / framing paragraphs.</summary>
    public double FramingLinkedShare => Framing == 0 ? 0 : (double)FramingLinked / Framing;

    /// <summary>Adds counts (pooling over reports).</summary>
    /// <param name="a">First.</param>
    /// <param name="b">Second.</param>
    /// <returns>The sum.</returns>
    public static QuoteScore operator +(QuoteScore a, QuoteScore b) =>
        new(a.Rendering + b.Rendering, a.Exact + b.Exact, a.Framing + b.Framing, a.FramingLinked + b.FramingLinked);

    /// <summary>Adds counts.</summary>
    /// <param name="other">The other score.</param>
    /// <returns>The sum.</returns>
    public QuoteScore Add(QuoteScore other) => this + other;
}

/// <summary>
/// Reads the gold of a test report and scores a <see cref="PartialAlignmentResult"/> against it. The gold file
/// (<c>gold.tsv</c>) has one line per report paragraph: <c>paragraph&lt;TAB&gt;kind&lt;TAB&gt;sentences</c>, where each
/// original sentence is named by a piece of its text that occurs in no other sentence (so the gold survives changes to
/// segmentation), separated by <c> | </c>; lines starting with <c>#</c> are comments, <c># original: NAME</c> names the
/// original.
/// </summary>
public static class QuoteEvaluator
{
    /// <summary>The name after <c># original:</c> in a gold file (the original's folder), or null.</summary>
    /// <param name="goldPath">The gold file.</param>
    /// <returns>The name.</returns>
    public static string? OriginalName(string goldPath) =>
        File.ReadLines(goldPath).Where(l => l.StartsWith("# original:", StringComparison.Ordinal))
            .Select(l => l["# original:".Length..].Trim().Split(' ')[0]).FirstOrDefault();

    /// <summary>Reads a gold file against the original it describes.</summary>
    /// <param name="goldPath">The gold file.</param>
    /// <param name="original">The original, segmented.</param>
    /// <returns>One entry per listed paragraph.</returns>
    /// <exception cref="FormatException">A bad line, or a piece of text found in no sentence or in several (file and line named).</exception>
    public static List<QuoteGoldParagraph> ReadGold(string goldPath, Document original)
    {
        ArgumentNullException.ThrowIfNull(original);
        var gold = new List<QuoteGoldParagraph>();
        int lineNo = 0;
        foreach (string line in File.ReadLines(goldPath))
        {
            lineNo++;
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            string[] f = line.Split('\t');
            if (f.Length < 2 || !int.TryParse(f[0], NumberStyles.None, CultureInfo.InvariantCulture, out int paragraph)
                || f[1] is not ("quote" or "paraphrase" or "framing" or "foreign") || (f[1] is "quote" or "paraphrase") != (f.Length > 2))
            {
                throw new FormatException($"{goldPath}:{lineNo}: expected 'paragraph<TAB>quote|paraphrase<TAB>sentences' or 'paragraph<TAB>framing|foreign'");
            }

            var sources = new SortedSet<int>();
            if (f.Length > 2)
            {
                foreach (string piece in f[2].Split(" | "))
                {
                    var found = Enumerable.Range(0, original.Sentences.Count).Where(s => original.SentenceSpan(s).Contains(piece.AsSpan(), StringComparison.Ordinal)).ToList();
                    if (found.Count != 1)
                    {
                        throw new FormatException($"{goldPath}:{lineNo}: '{piece}' is in {found.Count} sentences of the original, not one");
                    }

                    sources.Add(found[0]);
                }
            }

            gold.Add(new QuoteGoldParagraph(paragraph, f[1], [.. sources]));
        }

        return gold;
    }

    /// <summary>The original sentences each report paragraph is linked to (the union over its rows).</summary>
    /// <param name="result">The partial alignment.</param>
    /// <returns>Per paragraph of the report, the linked original sentences, ascending.</returns>
    public static SortedSet<int>[] LinkedByParagraph(PartialAlignmentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        int paragraphs = result.Target.Sentences.Count == 0 ? 0 : result.Target.Sentences[^1].Paragraph + 1;
        var linked = new SortedSet<int>[paragraphs];
        for (int p = 0; p < paragraphs; p++)
        {
            linked[p] = [];
        }

        foreach (QuoteLink link in result.Links)
        {
            linked[result.Target.Sentences[link.TargetStart].Paragraph].UnionWith(link.Source);
        }

        return linked;
    }

    /// <summary>Scores a partial alignment against its gold, per paragraph.</summary>
    /// <param name="result">The partial alignment.</param>
    /// <param name="gold">The gold from <see cref="ReadGold"/>.</param>
    /// <returns>The counts.</returns>
    public static QuoteScore Score(PartialAlignmentResult result, IReadOnlyList<QuoteGoldParagraph> gold)
    {
        ArgumentNullException.ThrowIfNull(gold);
        SortedSet<int>[] linked = LinkedByParagraph(result);
        var score = default(QuoteScore);
        foreach (QuoteGoldParagraph g in gold)
        {
            SortedSet<int> test = g.Paragraph < linked.Length ? linked[g.Paragraph] : [];
            score += g.Renders
                ? new QuoteScore(1, test.SetEquals(g.Sources) ? 1 : 0, 0, 0)
                : new QuoteScore(0, 0, 1, test.Count > 0 ? 1 : 0);
        }

        return score;
    }
}
