using System.Text;
using CyberGov.Align.Alignment;
using CyberGov.Align.Formats;
using CyberGov.Align.Scoring;
using CyberGov.Align.Text;

namespace CyberGov.Align.Evaluation;

/// <summary>What <see cref="DeletionBenchmark"/> deletes from one side of a translation.</summary>
public enum DeletionKind
{
    /// <summary>One sentence inside a paragraph (or of a text without paragraphs): one side of a reference bead with one sentence there.</summary>
    Sentence,

    /// <summary>A run: one side of two to four consecutive reference beads.</summary>
    Run,

    /// <summary>A list item or heading: a sentence that is a whole paragraph.</summary>
    Item,

    /// <summary>A whole paragraph of two or more sentences.</summary>
    Paragraph,
}

/// <summary>A translation with a trusted sentence alignment (hand-made gold, or the aligner's own output on a complete translation).</summary>
/// <param name="Name">A label for messages.</param>
/// <param name="Source">The source document.</param>
/// <param name="Target">The target document.</param>
/// <param name="Reference">Beads covering both documents in order.</param>
public sealed record DeletionDocument(string Name, Document Source, Document Target, IReadOnlyList<IndexBead> Reference);

/// <summary>
/// Partial omissions found: one English list item taken out of <paramref name="Sites"/> linked beads whose Chinese
/// enumeration was fully rendered, <paramref name="Found"/> of them reported as exactly that item,
/// <paramref name="Wrong"/> other items reported in those beads, and <paramref name="FalseOnUntouched"/> items reported in
/// the <paramref name="Beads"/> linked beads as they are.
/// </summary>
public readonly record struct ListItemScore(int Beads, int Sites, int Found, int Wrong, int FalseOnUntouched)
{
    /// <summary>Found / sites (1 when there were none).</summary>
    public double Recall => Sites == 0 ? 1 : (double)Found / Sites;

    /// <summary>Found / everything reported on the damaged beads (1 when nothing was).</summary>
    public double Precision => Found + Wrong == 0 ? 1 : (double)Found / (Found + Wrong);

    /// <summary>The sum of two scores.</summary>
    public static ListItemScore operator +(ListItemScore a, ListItemScore b) =>
        new(a.Beads + b.Beads, a.Sites + b.Sites, a.Found + b.Found, a.Wrong + b.Wrong, a.FalseOnUntouched + b.FalseOnUntouched);

    /// <summary>The sum of two scores.</summary>
    public ListItemScore Add(ListItemScore other) => this + other;
}

/// <summary>
/// Null-bead detection counted by sentence: <paramref name="Truth"/> sentences lost their counterpart,
/// <paramref name="Predicted"/> sentences were put in 1-0/0-1 beads, <paramref name="Hits"/> are both. Sentences that
/// are already null beads in the reference are left out of all three.
/// </summary>
public readonly record struct NullScore(int Truth, int Predicted, int Hits)
{
    /// <summary>Hits / predicted (1 when nothing was predicted).</summary>
    public double Precision => Predicted == 0 ? 1 : (double)Hits / Predicted;

    /// <summary>Hits / truth (1 when nothing was deleted).</summary>
    public double Recall => Truth == 0 ? 1 : (double)Hits / Truth;

    /// <summary>The sum of two scores.</summary>
    public static NullScore operator +(NullScore a, NullScore b) => new(a.Truth + b.Truth, a.Predicted + b.Predicted, a.Hits + b.Hits);

    /// <summary>The sum of two scores.</summary>
    public NullScore Add(NullScore other) => this + other;
}

/// <summary>One damaged copy of a document: what was deleted, and how well the aligner found the sentences left alone.</summary>
/// <param name="Kind">What was deleted.</param>
/// <param name="Sites">How many deletions the copy has.</param>
/// <param name="Score">The null beads of the alignment of the damaged copy against the truth.</param>
/// <param name="Errors">Each sentence counted wrong, in words: a deletion's counterpart that was linked (with the bead it went into), or a null bead with no deletion behind it.</param>
public sealed record DeletionTrial(DeletionKind Kind, int Sites, NullScore Score, IReadOnlyList<string> Errors);

/// <summary>
/// A deletion benchmark: deletes sentences, runs, list items and paragraphs from either side of translations whose
/// sentence alignment is known (recording which sentences of the other side are left without a counterpart), aligns the
/// damaged copies and counts the null beads against that truth. Sites are at least <see cref="MinimumGap"/> reference
/// beads apart and chosen by a seeded generator, so a run is reproducible byte for byte.
/// </summary>
public static class DeletionBenchmark
{
    /// <summary>The fewest reference beads between two deletion sites of one copy.</summary>
    public const int MinimumGap = 6;

    /// <summary>Makes one damaged copy per kind that the document allows (items and paragraphs need paragraphs on the deleted side) and aligns each.</summary>
    /// <param name="aligner">The aligner under test.</param>
    /// <param name="document">The translation and its reference.</param>
    /// <param name="seed">Chooses the sites (with the document's name and the kind).</param>
    /// <param name="cancellationToken">Cancels between copies and inside alignments.</param>
    /// <returns>One trial per kind with at least one site.</returns>
    public static List<DeletionTrial> Run(Aligner aligner, DeletionDocument document, int seed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(aligner);
        ArgumentNullException.ThrowIfNull(document);
        var trials = new List<DeletionTrial>();
        foreach (DeletionKind kind in Enum.GetValues<DeletionKind>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var random = new Random(StableHash($"{seed}/{document.Name}/{kind}"));
            List<Site> sites = ChooseSites(document, kind, random);
            if (sites.Count == 0)
            {
                continue;
            }

            var errors = new List<string>();
            trials.Add(new DeletionTrial(kind, sites.Count, Score(aligner, document, sites, errors, cancellationToken), errors));
        }

        return trials;
    }

    /// <summary>
    /// Partial omissions: in every linked reference bead between Chinese and English, each item of a Chinese
    /// enumeration (a term between 、) that the English renders as a list item of its own is taken out of the English
    /// in turn, and the translation review's check for dropped items runs on the damaged bead. No aligning is involved:
    /// this measures the check inside a bead, with the bead given.
    /// </summary>
    /// <param name="document">The translation and its reference.</param>
    /// <param name="lexicon">The dictionary the check uses.</param>
    /// <returns>The counts.</returns>
    public static ListItemScore RunListItems(DeletionDocument document, BilingualLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(lexicon);
        bool chineseSource = document.Source.Language == Language.Chinese;
        if (chineseSource == (document.Target.Language == Language.Chinese))
        {
            return default;
        }

        var items = new EnumerationItems(lexicon, Glossary.Empty);
        var missing = new List<string>();
        int beads = 0, sites = 0, found = 0, wrong = 0, untouched = 0;
        foreach (IndexBead b in document.Reference.Where(Linked))
        {
            beads++;
            (int[] zh, Document zhDoc, int[] en, Document enDoc) = chineseSource
                ? (b.Source, document.Source, b.Target, document.Target)
                : (b.Target, document.Target, b.Source, document.Source);
            string chinese = string.Concat(zh.Select(zhDoc.SentenceText));
            if (!EnumerationItems.MayHaveItems(chinese))
            {
                continue;
            }

            items.SetEnglish(string.Join(" ", en.Select(enDoc.SentenceText)));
            missing.Clear();
            items.AddDropped(chinese, missing);
            untouched += missing.Count;
            foreach ((string item, string english) in items.ItemDeletions(chinese))
            {
                sites++;
                items.SetEnglish(english);
                missing.Clear();
                items.AddDropped(chinese, missing);
                found += missing.Contains(item) ? 1 : 0;
                wrong += missing.Count(m => m != item);
            }
        }

        return new ListItemScore(beads, sites, found, wrong, untouched);
    }

    /// <summary>A deletion: the beads [First, First + Count) of the reference lose their side <see cref="Side"/> (0 source, 1 target).</summary>
    private readonly record struct Site(int First, int Count, int Side);

    private static List<Site> ChooseSites(DeletionDocument d, DeletionKind kind, Random random)
    {
        IReadOnlyList<IndexBead> beads = d.Reference;
        var sites = new List<Site>();
        int k = random.Next(MinimumGap);
        while (k < beads.Count)
        {
            int side = random.Next(2);
            Document doc = side == 0 ? d.Source : d.Target;
            int count = kind switch
            {
                DeletionKind.Sentence => IsSentence(beads[k], doc, side) ? 1 : 0,
                DeletionKind.Run => RunLength(beads, k, 2 + random.Next(3)),
                DeletionKind.Item => IsItem(beads[k], doc, side) ? 1 : 0,
                _ => ParagraphBeads(beads, k, doc, side),
            };
            if (count == 0)
            {
                k++;
                continue;
            }

            sites.Add(new Site(k, count, side));
            k += count + MinimumGap + random.Next(MinimumGap);
        }

        return sites;
    }

    private static int[] SideOf(IndexBead b, int side) => side == 0 ? b.Source : b.Target;

    private static bool Linked(IndexBead b) => b.Source.Length > 0 && b.Target.Length > 0;

    /// <summary>Paragraphs say something on this side: more than one, and not one per sentence.</summary>
    private static bool HasParagraphs(Document doc) => doc.Paragraphs.Count > 1 && doc.Paragraphs.Count < doc.Sentences.Count;

    private static bool IsSentence(IndexBead b, Document doc, int side) =>
        Linked(b) && SideOf(b, side).Length == 1 && (!HasParagraphs(doc) || doc.Paragraphs[doc.Sentences[SideOf(b, side)[0]].Paragraph].SentenceCount > 1);

    private static bool IsItem(IndexBead b, Document doc, int side) =>
        Linked(b) && SideOf(b, side).Length == 1 && HasParagraphs(doc) && doc.Paragraphs[doc.Sentences[SideOf(b, side)[0]].Paragraph].SentenceCount == 1;

    /// <summary><paramref name="length"/> when the beads from <paramref name="k"/> on are all linked, else 0.</summary>
    private static int RunLength(IReadOnlyList<IndexBead> beads, int k, int length)
    {
        if (k + length > beads.Count)
        {
            return 0;
        }

        for (int e = k; e < k + length; e++)
        {
            if (!Linked(beads[e]))
            {
                return 0;
            }
        }

        return length;
    }

    /// <summary>
    /// When bead <paramref name="k"/> starts a paragraph of two or more sentences on this side and linked beads from it
    /// cover exactly that paragraph there: how many beads; else 0.
    /// </summary>
    private static int ParagraphBeads(IReadOnlyList<IndexBead> beads, int k, Document doc, int side)
    {
        if (!HasParagraphs(doc) || !Linked(beads[k]))
        {
            return 0;
        }

        int first = SideOf(beads[k], side)[0];
        Paragraph p = doc.Paragraphs[doc.Sentences[first].Paragraph];
        if (p.FirstSentence != first || p.SentenceCount < 2)
        {
            return 0;
        }

        int end = p.FirstSentence + p.SentenceCount;
        for (int e = k; e < beads.Count && Linked(beads[e]); e++)
        {
            int last = SideOf(beads[e], side)[^1];
            if (last + 1 == end)
            {
                return e - k + 1;
            }

            if (last + 1 > end)
            {
                return 0;
            }
        }

        return 0;
    }

    private static NullScore Score(Aligner aligner, DeletionDocument d, List<Site> sites, List<string> errors, CancellationToken cancellationToken)
    {
        var deleted = new[] { new HashSet<int>(), new HashSet<int>() };
        var truth = new[] { new HashSet<int>(), new HashSet<int>() };
        foreach (Site site in sites)
        {
            for (int b = site.First; b < site.First + site.Count; b++)
            {
                deleted[site.Side].UnionWith(SideOf(d.Reference[b], site.Side));
                truth[1 - site.Side].UnionWith(SideOf(d.Reference[b], 1 - site.Side));
            }
        }

        var excluded = new[] { new HashSet<int>(), new HashSet<int>() };
        foreach (IndexBead b in d.Reference.Where(b => !Linked(b)))
        {
            excluded[0].UnionWith(b.Source);
            excluded[1].UnionWith(b.Target);
        }

        (Document source, int[] sourceIndex) = Without(d.Source, deleted[0], d.Name);
        (Document target, int[] targetIndex) = Without(d.Target, deleted[1], d.Name);
        AlignmentResult result = aligner.Align(source, target, cancellationToken);
        int predicted = 0, hits = 0;
        foreach (Bead b in result.Beads)
        {
            for (int side = 0; side < 2; side++)
            {
                (int[] index, int start, int count) = side == 0 ? (sourceIndex, b.SourceStart, b.SourceCount) : (targetIndex, b.TargetStart, b.TargetCount);
                for (int i = start; i < start + count; i++)
                {
                    int original = index[i];
                    if (excluded[side].Contains(original))
                    {
                        continue;
                    }

                    bool deletedCounterpart = truth[side].Contains(original);
                    if (b.IsNull)
                    {
                        predicted++;
                        hits += deletedCounterpart ? 1 : 0;
                    }

                    if (b.IsNull != deletedCounterpart)
                    {
                        Document doc = side == 0 ? source : target;
                        string what = b.IsNull ? "null without a deletion" : $"missed, in {b.Kind} bead {Describe(result, b)}";
                        errors.Add($"{d.Name} {(side == 0 ? "source" : "target")} {original} {what}: {doc.SentenceText(i)}");
                    }
                }
            }
        }

        return new NullScore(truth[0].Count + truth[1].Count, predicted, hits);
    }

    private static string Describe(AlignmentResult result, Bead b)
    {
        static string Clip(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
        string Side(Document doc, int start, int count) => string.Join(" | ", Enumerable.Range(start, count).Select(i => Clip(doc.SentenceText(i))));
        return $"[{Side(result.Source, b.SourceStart, b.SourceCount)}] <> [{Side(result.Target, b.TargetStart, b.TargetCount)}] ({b.Confidence:0.00})";
    }

    /// <summary>The document without some sentences (paragraphs kept, emptied ones dropped), and each new sentence's old index (also the calibration test's damaged copies).</summary>
    internal static (Document Document, int[] Index) Without(Document doc, HashSet<int> deleted, string name)
    {
        var text = new StringBuilder();
        var index = new List<int>(doc.Sentences.Count);
        foreach (Paragraph p in doc.Paragraphs)
        {
            bool any = false;
            for (int s = p.FirstSentence; s < p.FirstSentence + p.SentenceCount; s++)
            {
                if (deleted.Contains(s))
                {
                    continue;
                }

                foreach (char c in doc.SentenceSpan(s))
                {
                    text.Append(c is '\r' or '\n' ? ' ' : c); // one line per sentence
                }

                text.Append('\n');
                index.Add(s);
                any = true;
            }

            if (any)
            {
                text.Append('\n');
            }
        }

        Document damaged = Document.Parse(text.ToString(), doc.Language, new DocumentOptions { ParagraphMode = ParagraphMode.PreSplit, Name = name });
        if (damaged.Sentences.Count != index.Count)
        {
            throw new InvalidOperationException($"{name}: the damaged copy has {damaged.Sentences.Count} sentences, expected {index.Count}");
        }

        return (damaged, [.. index]);
    }

    /// <summary>FNV-1a of the text: the same seed on every run and platform (string hash codes are randomised per process).</summary>
    private static int StableHash(string text)
    {
        uint h = 2166136261;
        foreach (char c in text)
        {
            h = (h ^ c) * 16777619;
        }

        return (int)(h & 0x7fffffff);
    }
}
