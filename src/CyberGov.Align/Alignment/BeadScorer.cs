using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CyberGov.Align.Scoring;

namespace CyberGov.Align.Alignment;

/// <summary>The evidence for one candidate bead, and its cost (lower is better).</summary>
/// <remarks><paramref name="Translation"/> is the mean translation coverage of the bead's sentences (see TranslationCoverage), or -1 when the source side is not (fully) translated.</remarks>
internal readonly record struct BeadEvidence(double Cost, double Similarity, double LengthDelta, int SharedNumbers, int UnmatchedNumbers, double Translation = -1, int ContentWords = 0);

/// <summary>Machine translations of source sentences (null where none) and the target sentences, as character n-gram profiles.</summary>
internal sealed record TranslationEvidence(CharNGrams SourceTranslations, CharNGrams Target);

/// <summary>
/// The work one alignment did, counted rather than timed (so a test can check that it grows linearly with the input):
/// grid cells searched, each scored for every bead shape.
/// </summary>
internal sealed class SearchWork
{
    private long _cells;

    /// <summary>Grid cells searched so far, over all passes and regions.</summary>
    public long Cells => Interlocked.Read(ref _cells);

    public void AddCells(long cells) => Interlocked.Add(ref _cells, cells);
}

/// <summary>Scores candidate beads from the features of both documents.</summary>
internal sealed class BeadScorer
{
    /// <summary>
    /// The bead shapes the search offers, in the order it tries them: the eight of the first, coarse pass (1-1, the
    /// null beads, the two-sentence merges, 2-2, 3-1 and 1-3), then those the refine pass adds: 1-4, 4-1, 2-3, 3-2,
    /// 3-3 and the wide beads 1-5 … 1-<see cref="MaxSide"/> and 5-1 … <see cref="MaxSide"/>-1 (official English often
    /// renders one long Chinese sentence as a lead-in and a list of items, one sentence or paragraph each). Costs
    /// are not a table per shape beyond the small ones: a bead of more than five sentences in all costs
    /// <see cref="AlignerOptions.FourOneCost"/> plus <see cref="AlignerOptions.WideBeadStepCost"/> per sentence beyond
    /// five, and is only offered when every sentence in it shares content with the other side (see
    /// <see cref="Evaluate"/>).
    /// </summary>
    public static readonly (int A, int B)[] Shapes = BuildShapes();

    /// <summary>The most sentences on one side of a bead.</summary>
    public const int MaxSide = 24;

    /// <summary>The most sentences on one side of the beads whose pair overlaps the search caches ahead (wider beads read the rest on demand).</summary>
    public const int CachedSide = 4;

    /// <summary>The shapes of the first, coarse pass: up to 3-1 and 1-3.</summary>
    public const int FirstPassShapes = 8;

    /// <summary>The index in <see cref="Shapes"/> of the first wide 1-k or k-1 shape (1-5); from there on every shape is one of those.</summary>
    public const int FirstWideShape = 13;

    private static (int A, int B)[] BuildShapes()
    {
        var shapes = new List<(int, int)> { (1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2), (3, 1), (1, 3), (1, 4), (4, 1), (2, 3), (3, 2), (3, 3) };
        System.Diagnostics.Debug.Assert(shapes.Count == FirstWideShape, "the wide 1-k and k-1 shapes follow the others");
        for (int k = 5; k <= MaxSide; k++)
        {
            shapes.Add((1, k));
            shapes.Add((k, 1));
        }

        return [.. shapes];
    }

    /// <summary>The index in <see cref="Shapes"/> of the shape <paramref name="a"/>-<paramref name="b"/>.</summary>
    public static int ShapeIndex(int a, int b)
    {
        for (int k = 0; k < Shapes.Length; k++)
        {
            if (Shapes[k] == (a, b))
            {
                return k;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(a), $"no bead shape {a}-{b}");
    }

    /// <summary>Whether a shape is wide (more than five sentences in all: 3-3, 1-5, 5-1 and wider): it must be supported sentence by sentence.</summary>
    private static bool IsWide(int a, int b) => a + b > 5;

    private readonly SentenceFeatures _s;
    private readonly SentenceFeatures _t;
    private readonly AlignerOptions _o;
    private readonly double[] _shapeCost;

    private readonly TranslationEvidence? _translation;

    public BeadScorer(SentenceFeatures source, SentenceFeatures target, AlignerOptions options, LengthModel lengths, TranslationEvidence? translation = null, SearchWork? work = null, SupportModel? support = null)
    {
        Support = support ?? SupportModel.Prior;
        _translation = translation;
        Work = work ?? new SearchWork();
        _s = source;
        _t = target;
        _o = options;
        _lengths = lengths;
        _shapeCost = new double[Shapes.Length];
        for (int k = 0; k < Shapes.Length; k++)
        {
            (int a, int b) = Shapes[k];
            _shapeCost[k] = (a, b) switch
            {
                (1, 1) => 0,
                (2, 1) or (1, 2) => options.MergeCost,
                (2, 2) => options.TwoTwoCost,
                (3, 1) or (1, 3) => options.ThreeOneCost,
                _ => options.FourOneCost + (options.WideBeadStepCost * Math.Max(0, a + b - 5)),
            };
        }
    }

    public SentenceFeatures Source => _s;

    /// <summary>This scorer with translation evidence added.</summary>
    public BeadScorer WithTranslation(TranslationEvidence translation) => new(_s, _t, _o, Lengths, translation, Work, Support);

    /// <summary>This scorer with other length and support models (the same work counter).</summary>
    public BeadScorer WithModels(LengthModel lengths, SupportModel support) => new(_s, _t, _o, lengths, _translation, Work, support);

    /// <summary>How much a translated sentence is expected to share with its counterpart (the omission model).</summary>
    public SupportModel Support { get; }

    /// <summary>
    /// The cost of a sentence of a linked bead given its evidence of having no counterpart there (<see cref="SupportModel"/>,
    /// nats): <see cref="AlignerOptions.OmissionWeight"/> times the evidence when positive (capped), plus the flat
    /// <see cref="AlignerOptions.UnsupportedSentenceCost"/> when it shares nothing.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double OmissionCost(double evidence, int content, int matched) =>
        content == 0 ? 0 : (_o.OmissionWeight * Math.Clamp(evidence - _o.OmissionMargin, 0, _o.OmissionEvidenceCap)) + (matched == 0 ? _o.UnsupportedSentenceCost : 0);

    /// <summary>The work done by every search with this scorer and those derived from it.</summary>
    public SearchWork Work { get; }

    private static bool Translated(CharNGrams translations, int i0, int a)
    {
        for (int i = i0; i < i0 + a; i++)
        {
            if (!translations.Has(i))
            {
                return false;
            }
        }

        return true;
    }

    public SentenceFeatures Target => _t;

    public LengthModel Lengths => _lengths;

    private readonly LengthModel _lengths;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int PairOverlap(int s, int t) => (_s.KeySignature[s] & _t.KeySignature[t]) == 0 ? 0 : SentenceFeatures.Overlap(_s.KeysOf(s), _t.KeysOf(t));

    /// <summary>Scores the bead of shape <paramref name="shape"/> whose first sentences are <paramref name="i0"/> and <paramref name="j0"/>.</summary>
    public BeadEvidence Score(int shape, int i0, int j0, OverlapCache overlaps)
    {
        (int a, int b) = Shapes[shape];
        double cost = Evaluate(shape, a, b, i0, j0, overlaps, out Parts p, 0, float.PositiveInfinity);
        return new BeadEvidence(cost, p.Similarity, p.NullSide ? 0 : LengthModel.Delta(Lengths, p.SourceLength, p.TargetLength), p.SharedNumbers, p.UnmatchedNumbers, p.Translation, p.ContentWords);
    }

    /// <summary>
    /// For the search's inner loop: the cost of a path that reaches this bead (shape <paramref name="shape"/>, which is
    /// <paramref name="a"/>-<paramref name="b"/>) at cost <paramref name="previous"/> and then takes it:
    /// <c>previous + (float)</c> the cost of <see cref="Score"/> (the same arithmetic in the same order, so the same
    /// bits), or +∞ when that cannot be below <paramref name="best"/>. The cheap evidence (lengths, numbers,
    /// punctuation, breaks) is summed first with the most the lexical evidence could still earn; only a bead that can
    /// still win has its sentence-pair overlaps summed. The cut is exact: it never drops a bead that would have won.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float Extend(float previous, float best, int shape, int a, int b, int i0, int j0, OverlapCache overlaps)
    {
        double cost = Evaluate(shape, a, b, i0, j0, overlaps, out _, previous, best);
        return double.IsPositiveInfinity(cost) ? float.PositiveInfinity : previous + (float)cost;
    }

    /// <summary>The cost of a null bead (1-0 or 0-1), whatever its sentence.</summary>
    public double NullCost => _o.NullCost;

    /// <summary>What <see cref="Score"/> reports besides the cost.</summary>
    private struct Parts
    {
        public bool NullSide;
        public int SourceLength, TargetLength, SharedNumbers, UnmatchedNumbers, ContentWords;
        public double Similarity, Translation;
    }

    /// <summary>
    /// The cost of a bead, or +∞ as soon as a lower bound shows that <paramref name="previous"/> + the cost cannot be
    /// below <paramref name="best"/> (pass +∞ for the exact cost and its parts).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Evaluate(int shape, int a, int b, int i0, int j0, OverlapCache overlaps, out Parts parts, float previous, float best)
    {
        parts = default;
        parts.Translation = -1;
        if (a == 0 || b == 0)
        {
            parts.NullSide = true;
            parts.UnmatchedNumbers = a == 0 ? _t.NumbersOf(j0).Length : _s.NumbersOf(i0).Length;
            return _o.NullCost;
        }

        SentenceFeatures src = _s, tgt = _t;
        int ls, lt, cs, ct, ns, nt, punctuation, breaks;

        // A bead that starts where both texts start a paragraph: the publication's own structure agrees with it (earned
        // only with content shared across the bead, below; the bound takes it as earned).
        double agreement = i0 > 0 && j0 > 0 && src.Paragraph[i0] != src.Paragraph[i0 - 1] && tgt.Paragraph[j0] != tgt.Paragraph[j0 - 1]
            ? _o.ParagraphAgreementReward : 0;
        double lengthCost;
        int matches = 0, sharedNumbers = 0, unsupported = 0;
        double unsupportedCost = 0;
        if (a == 1 && b == 1)
        {
            // The common case, from the per-sentence arrays: no prefix differences, no paragraph break possible.
            ls = src.Length[i0];
            lt = tgt.Length[j0];
            cs = src.Content[i0];
            ct = tgt.Content[j0];
            ns = src.NumberStart[i0 + 1] - src.NumberStart[i0];
            nt = tgt.NumberStart[j0 + 1] - tgt.NumberStart[j0];
            punctuation = SentenceFeatures.PunctuationDifference(src.Punctuation[i0], tgt.Punctuation[j0]);
            lengthCost = _lengths.Cost(ls, lt);
            breaks = 0;
            matches = overlaps.Get(i0, j0);
            if (ns > 0 && nt > 0)
            {
                sharedNumbers = SentenceFeatures.CompareNumbers(src.NumbersOf(i0), tgt.NumbersOf(j0)).Shared;
            }
        }
        else
        {
            ls = src.LengthPrefix[i0 + a] - src.LengthPrefix[i0];
            lt = tgt.LengthPrefix[j0 + b] - tgt.LengthPrefix[j0];
            cs = src.ContentPrefix[i0 + a] - src.ContentPrefix[i0];
            ct = tgt.ContentPrefix[j0 + b] - tgt.ContentPrefix[j0];
            ns = src.NumberStart[i0 + a] - src.NumberStart[i0];
            nt = tgt.NumberStart[j0 + b] - tgt.NumberStart[j0];
            if (!float.IsPositiveInfinity(best) && _translation is null)
            {
                // Lower bounds, cheapest first; a bead that cannot win even so is dropped before the costly parts. Every
                // term is exact except that every number counts as matched and the omission costs (never negative) as
                // zero; the lexical term is exact, from the sentence-pair overlaps summed (a few cached reads). First
                // without the punctuation and break costs and the length cost (none ever negative; the length cost's
                // square root and division dominate a bead's cost), then with each. Each bound is lowered by a margin
                // far above the rounding of two orders of summation and rounded to float as the path cost is (rounding
                // is monotone), so a bead cut here would never have been chosen: the search returns the same beads.
                int bestNumbers = Math.Min(ns, nt);
                int shared = SumOverlaps(i0, a, j0, b, overlaps);
                double similarityBound = cs + ct == 0 ? 0 : Math.Min(1.0, 2.0 * shared / (cs + ct));
                double bound = _shapeCost[shape]
                    - _o.LexicalWeight * similarityBound
                    - _o.NumberWeight * bestNumbers
                    + _o.NumberMismatchWeight * (ns + nt - 2 * bestNumbers)
                    - (shared == 0 ? 0 : agreement);
                double margin = 1e-9 * (1 + Math.Abs(bound) + _o.LexicalWeight);
                if (previous + (float)(bound - margin) >= best)
                {
                    return double.PositiveInfinity;
                }

                punctuation = Punctuation(src, i0, a, tgt, j0, b);
                breaks = Breaks(src, i0, a, tgt, j0, b);
                bound += (_o.PunctuationWeight * punctuation) + (_o.ParagraphBreakCost * breaks);
                margin += 1e-9 * Math.Abs(bound);
                if (previous + (float)(bound - margin) >= best)
                {
                    return double.PositiveInfinity;
                }

                lengthCost = _lengths.Cost(ls, lt);
                if (previous + (float)(bound + (_o.LengthWeight * lengthCost) - margin - (1e-9 * lengthCost)) >= best)
                {
                    return double.PositiveInfinity;
                }
            }
            else
            {
                punctuation = Punctuation(src, i0, a, tgt, j0, b);
                breaks = Breaks(src, i0, a, tgt, j0, b);
                lengthCost = _lengths.Cost(ls, lt);
            }

            matches = MultiSentenceSupport(i0, a, j0, b, ns > 0 && nt > 0, overlaps, out sharedNumbers, out unsupported, out unsupportedCost);
            if (unsupported > 0 && IsWide(a, b))
            {
                // A wide merge must be earned by every sentence in it: one that shares nothing with the other side is
                // an omission or an addition, not part of the bead.
                return double.PositiveInfinity;
            }
        }

        sharedNumbers = Math.Min(sharedNumbers, Math.Min(ns, nt));
        if (matches == 0)
        {
            agreement = 0;
        }

        int unmatched = ns + nt - 2 * sharedNumbers;
        double similarity = cs + ct == 0 ? 0 : Math.Min(1.0, 2.0 * matches / (cs + ct));
        double cost = _shapeCost[shape]
            + _o.LengthWeight * lengthCost
            - _o.LexicalWeight * similarity
            - _o.NumberWeight * sharedNumbers
            + _o.NumberMismatchWeight * unmatched
            + _o.PunctuationWeight * punctuation
            + _o.ParagraphBreakCost * breaks
            - agreement
            + unsupportedCost;
        if (_translation is { } tr && Translated(tr.SourceTranslations, i0, a))
        {
            // Each sentence is rewarded for how well it is covered inside this bead: the total over a path counts every
            // sentence once, so no bead shape is favoured.
            (double sum, double mean) = TranslationCoverage.Score(tr.SourceTranslations, i0, a, tr.Target, j0, b);
            parts.Translation = mean;
            cost -= _o.TranslationWeight * sum / 2;
        }

        parts.SourceLength = ls;
        parts.TargetLength = lt;
        parts.Similarity = similarity;
        parts.SharedNumbers = sharedNumbers;
        parts.UnmatchedNumbers = unmatched;
        parts.ContentWords = cs + ct;
        return cost;
    }

    /// <summary>How much the two sides' punctuation differs (question and exclamation marks, quotes, colons, parentheses).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Punctuation(SentenceFeatures src, int i0, int a, SentenceFeatures tgt, int j0, int b) =>
        SentenceFeatures.PunctuationDifference(a == 1 ? src.Punctuation[i0] : src.PunctuationOf(i0, a), b == 1 ? tgt.Punctuation[j0] : tgt.PunctuationOf(j0, b));

    /// <summary>Paragraph breaks inside the bead on one side and not the other.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Breaks(SentenceFeatures src, int i0, int a, SentenceFeatures tgt, int j0, int b) =>
        Math.Abs((src.Paragraph[i0 + a - 1] - src.Paragraph[i0]) - (tgt.Paragraph[j0 + b - 1] - tgt.Paragraph[j0]));

    /// <summary>
    /// How far a wide bead ending with source sentence <paramref name="i"/> and target sentence <paramref name="j"/>
    /// can reach back and still have every merged sentence supported (see <see cref="Evaluate"/>): the number of
    /// consecutive targets j, j - 1, … that share content with source i or have none (so 1-k beads with k above it are
    /// never offered), and likewise of sources i, i - 1, … against target j (k-1 beads); at most <see cref="MaxSide"/>.
    /// </summary>
    public void SupportedRuns(int i, int j, OverlapCache overlaps, out int targets, out int sources)
    {
        int[] targetContent = _t.Content, sourceContent = _s.Content;
        targets = 0;
        while (targets < MaxSide && j - targets >= 0 && (targetContent[j - targets] == 0 || overlaps.Get(i, j - targets) > 0))
        {
            targets++;
        }

        sources = 0;
        while (sources < MaxSide && i - sources >= 0 && (sourceContent[i - sources] == 0 || overlaps.Get(i - sources, j) > 0))
        {
            sources++;
        }
    }

    /// <summary>Key matches of a many-sentence bead: its sentence-pair overlaps summed (what <see cref="MultiSentenceSupport"/> returns).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SumOverlaps(int i0, int a, int j0, int b, OverlapCache overlaps)
    {
        int sum = 0;
        for (int s = i0; s < i0 + a; s++)
        {
            if (overlaps.RowOffset(s, j0, j0 + b - 1) is int offset and >= 0)
            {
                foreach (int o in overlaps.Values.AsSpan(offset + j0, b))
                {
                    sum += o;
                }
            }
            else
            {
                for (int t = j0; t < j0 + b; t++)
                {
                    sum += overlaps.Get(s, t);
                }
            }
        }

        return sum;
    }

    /// <summary>Key matches of a many-sentence bead, its shared numbers, and its sentences that share nothing with the other side (how many, and their <see cref="OmissionCost"/>).</summary>
    private int MultiSentenceSupport(int i0, int a, int j0, int b, bool numbers, OverlapCache overlaps, out int sharedNumbers, out int unsupported, out double unsupportedCost)
    {
        unsupportedCost = 0;
        int matches = 0;
        Span<int> targetSupport = stackalloc int[MaxSide]; // support of each target sentence
        targetSupport = targetSupport[..b];
        targetSupport.Clear();
        sharedNumbers = 0;
        unsupported = 0;
        int[] cached = overlaps.Values;
        for (int s = i0; s < i0 + a; s++)
        {
            int support = 0;
            if (overlaps.RowOffset(s, j0, j0 + b - 1) is int offset and >= 0)
            {
                // The whole run of targets is cached for this sentence: read it straight.
                ReadOnlySpan<int> row = cached.AsSpan(offset + j0, b);
                for (int t = 0; t < row.Length; t++)
                {
                    support += row[t];
                    targetSupport[t] += row[t];
                }
            }
            else
            {
                for (int t = 0; t < b; t++)
                {
                    int o = overlaps.Get(s, j0 + t);
                    support += o;
                    targetSupport[t] += o;
                }
            }

            if (numbers)
            {
                for (int t = j0; t < j0 + b; t++)
                {
                    sharedNumbers += SentenceFeatures.CompareNumbers(_s.NumbersOf(s), _t.NumbersOf(t)).Shared;
                }
            }

            matches += support;
            if (a > 1)
            {
                // A sentence merged with others must earn its place (the single sentence of an n-1 bead is the bead's own),
                // unless that single sentence is a condensed term's spelling-out (Condensed).
                int c = _s.Content[s];
                unsupported += support == 0 && c > 0 ? 1 : 0;
                unsupportedCost += b == 1 && _t.Condensed[j0] ? 0 : OmissionCost(Support.SourceEvidence(c, support), c, support);
            }
        }

        if (b > 1)
        {
            int[] content = _t.Content;
            bool spelledOut = a == 1 && _s.Condensed[i0];
            for (int t = 0; t < b; t++)
            {
                int c = content[j0 + t];
                unsupported += targetSupport[t] == 0 && c > 0 ? 1 : 0;
                unsupportedCost += spelledOut ? 0 : OmissionCost(Support.TargetEvidence(c, targetSupport[t]), c, targetSupport[t]);
            }
        }

        return matches;
    }
}

/// <summary>Pairwise key overlaps of source and target sentences, cached inside a band.</summary>
internal sealed class OverlapCache
{
    private readonly BeadScorer _scorer;
    private readonly int[] _rowStart;
    private readonly int[] _rowLo;
    private readonly int[] _rowHi;
    private readonly int[] _values;

    /// <summary>Caches rows s = firstRow.. with target ranges [lo, hi] (inclusive) given per row.</summary>
    public OverlapCache(BeadScorer scorer, int firstRow, int[] lo, int[] hi)
    {
        _scorer = scorer;
        FirstRow = firstRow;
        _rowLo = lo;
        _rowHi = hi;
        _rowStart = new int[lo.Length + 1];
        for (int r = 0; r < lo.Length; r++)
        {
            _rowStart[r + 1] = _rowStart[r] + Math.Max(0, hi[r] - lo[r] + 1);
        }

        _values = new int[_rowStart[lo.Length]];
        if (!FillFromPostings(scorer, firstRow, lo, hi))
        {
            for (int r = 0; r < lo.Length; r++)
            {
                int s = firstRow + r;
                for (int t = lo[r]; t <= hi[r]; t++)
                {
                    _values[_rowStart[r] + t - lo[r]] = scorer.PairOverlap(s, t);
                }
            }
        }
    }

    /// <summary>
    /// Fills the cache from the postings of the targets' keys instead of merging every pair's key lists: each source key
    /// adds one to the targets in its row's range that hold it (key lists are unique, so the counts are the overlaps).
    /// Row ranges move forward only (the band is monotone), so each key's postings are walked once with a cursor: the
    /// work is the keys and their matches rather than pairs × keys. Returns false (nothing done) when the band is too
    /// narrow for it to pay or the ranges are not monotone.
    /// </summary>
    private bool FillFromPostings(BeadScorer scorer, int firstRow, int[] lo, int[] hi)
    {
        // Worth it from about eight targets a row: below, merging the few pairs is cheaper than sorting the postings.
        if (_values.Length < 4096 || _values.Length < 8L * lo.Length)
        {
            return false;
        }

        SentenceFeatures source = scorer.Source, target = scorer.Target;
        int tFirst = int.MaxValue, tLast = -1;
        for (int r = 0; r < lo.Length; r++)
        {
            if (r > 0 && (lo[r] < lo[r - 1] || hi[r] < hi[r - 1]))
            {
                return false;
            }

            if (hi[r] >= lo[r])
            {
                tFirst = Math.Min(tFirst, lo[r]);
                tLast = Math.Max(tLast, hi[r]);
            }
        }

        // (key, target) pairs sorted by key, then target; each distinct key's run, and a cursor into it.
        var postings = new long[target.KeyStart[tLast + 1] - target.KeyStart[tFirst]];
        int n = 0;
        for (int t = tFirst; t <= tLast; t++)
        {
            foreach (int k in target.KeysOf(t))
            {
                postings[n++] = ((long)k << 32) | (uint)t;
            }
        }

        Array.Sort(postings);
        var runOf = new Dictionary<int, int>();
        var cursor = new List<int>();
        var runEnd = new List<int>();
        for (int p = 0; p < postings.Length; p++)
        {
            if (p == 0 || (postings[p] >> 32) != (postings[p - 1] >> 32))
            {
                runOf[(int)(postings[p] >> 32)] = cursor.Count;
                cursor.Add(p);
                runEnd.Add(p);
            }

            runEnd[^1] = p + 1;
        }

        Span<int> cursors = CollectionsMarshal.AsSpan(cursor);
        ReadOnlySpan<int> ends = CollectionsMarshal.AsSpan(runEnd);
        for (int r = 0; r < lo.Length; r++)
        {
            int rowLo = lo[r], rowHi = hi[r];
            if (rowHi < rowLo)
            {
                continue;
            }

            Span<int> row = _values.AsSpan(_rowStart[r], rowHi - rowLo + 1);
            foreach (int k in source.KeysOf(firstRow + r))
            {
                if (!runOf.TryGetValue(k, out int run))
                {
                    continue;
                }

                int p = cursors[run], end = ends[run];
                while (p < end && (int)(uint)postings[p] < rowLo)
                {
                    p++;
                }

                cursors[run] = p;
                for (; p < end && (int)(uint)postings[p] <= rowHi; p++)
                {
                    row[(int)(uint)postings[p] - rowLo]++;
                }
            }
        }

        return true;
    }

    public int FirstRow { get; }

    /// <summary>The cached overlaps, addressed through <see cref="RowOffset"/>.</summary>
    public int[] Values => _values;

    /// <summary>
    /// When targets <paramref name="tFirst"/>..<paramref name="tLast"/> are all cached for sentence <paramref name="s"/>:
    /// the offset o such that <c>Values[o + t]</c> is the overlap of (s, t); otherwise -1.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int RowOffset(int s, int tFirst, int tLast)
    {
        int r = s - FirstRow;
        if ((uint)r < (uint)_rowLo.Length && tFirst >= _rowLo[r] && tLast <= _rowHi[r])
        {
            return _rowStart[r] - _rowLo[r];
        }

        return -1;
    }

    /// <summary>A cache that holds nothing (overlaps are computed on demand).</summary>
    public static OverlapCache None(BeadScorer scorer) => new(scorer, 0, [], []);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Get(int s, int t)
    {
        int r = s - FirstRow;
        if ((uint)r < (uint)_rowLo.Length && t >= _rowLo[r] && t <= _rowHi[r])
        {
            return _values[_rowStart[r] + t - _rowLo[r]];
        }

        return _scorer.PairOverlap(s, t);
    }
}
