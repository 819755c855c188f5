using System.Runtime.CompilerServices;
using CyberGov.Align.Scoring;

namespace CyberGov.Align.Alignment;

/// <summary>The evidence for one candidate bead, and its cost (lower is better).</summary>
/// <remarks><paramref name="Translation"/> is the mean translation coverage of the bead's sentences (see TranslationCoverage), or -1 when the source side is not (fully) translated.</remarks>
internal readonly record struct BeadEvidence(double Cost, double Similarity, double LengthDelta, int SharedNumbers, int UnmatchedNumbers, double Translation = -1, int ContentWords = 0);

/// <summary>Machine translations of source sentences (null where none) and the target sentences, as character n-gram profiles.</summary>
internal sealed record TranslationEvidence(CharNGrams SourceTranslations, CharNGrams Target);

/// <summary>Scores candidate beads from the features of both documents.</summary>
internal sealed class BeadScorer
{
    public static readonly (int A, int B)[] Shapes = [(1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2), (3, 1), (1, 3), (1, 4), (4, 1), (2, 3), (3, 2)];

    /// <summary>The shapes of the first, coarse pass: up to 3-1 and 1-3. The refine pass adds 1-4, 4-1, 2-3 and 3-2.</summary>
    public const int FirstPassShapes = 8;

    private readonly SentenceFeatures _s;
    private readonly SentenceFeatures _t;
    private readonly AlignerOptions _o;
    private readonly double[] _shapeCost;

    private readonly TranslationEvidence? _translation;

    public BeadScorer(SentenceFeatures source, SentenceFeatures target, AlignerOptions options, LengthModel lengths, TranslationEvidence? translation = null)
    {
        _translation = translation;
        _s = source;
        _t = target;
        _o = options;
        Lengths = lengths;
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
                _ => options.FourOneCost,
            };
        }
    }

    public SentenceFeatures Source => _s;

    /// <summary>This scorer with translation evidence added.</summary>
    public BeadScorer WithTranslation(TranslationEvidence translation) => new(_s, _t, _o, Lengths, translation);

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

    public LengthModel Lengths { get; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int PairOverlap(int s, int t) => (_s.KeySignature[s] & _t.KeySignature[t]) == 0 ? 0 : SentenceFeatures.Overlap(_s.KeysOf(s), _t.KeysOf(t));

    /// <summary>Scores the bead of shape <paramref name="shape"/> whose first sentences are <paramref name="i0"/> and <paramref name="j0"/>.</summary>
    public BeadEvidence Score(int shape, int i0, int j0, OverlapCache overlaps)
    {
        (int a, int b) = Shapes[shape];
        if (a == 0 || b == 0)
        {
            return new BeadEvidence(_o.NullCost, 0, 0, 0, a == 0 ? _t.NumbersOf(j0).Length : _s.NumbersOf(i0).Length);
        }

        int ls = _s.LengthPrefix[i0 + a] - _s.LengthPrefix[i0], lt = _t.LengthPrefix[j0 + b] - _t.LengthPrefix[j0];
        int cs = _s.ContentPrefix[i0 + a] - _s.ContentPrefix[i0], ct = _t.ContentPrefix[j0 + b] - _t.ContentPrefix[j0];
        int ns = _s.NumberStart[i0 + a] - _s.NumberStart[i0], nt = _t.NumberStart[j0 + b] - _t.NumberStart[j0];
        int ps = a == 1 ? _s.Punctuation[i0] : _s.PunctuationOf(i0, a);
        int pt = b == 1 ? _t.Punctuation[j0] : _t.PunctuationOf(j0, b);

        int matches = 0, sharedNumbers = 0, unsupported = 0;
        if (a == 1 && b == 1)
        {
            matches = overlaps.Get(i0, j0);
            if (ns > 0 && nt > 0)
            {
                sharedNumbers = SentenceFeatures.CompareNumbers(_s.NumbersOf(i0), _t.NumbersOf(j0)).Shared;
            }
        }
        else
        {
            Span<int> targetSupport = stackalloc int[b];
            for (int s = i0; s < i0 + a; s++)
            {
                int support = 0;
                for (int t = j0; t < j0 + b; t++)
                {
                    int o = overlaps.Get(s, t);
                    support += o;
                    targetSupport[t - j0] += o;
                    if (ns > 0 && nt > 0)
                    {
                        sharedNumbers += SentenceFeatures.CompareNumbers(_s.NumbersOf(s), _t.NumbersOf(t)).Shared;
                    }
                }

                matches += support;
                if (a > 1 && support == 0 && _s.Content[s] > 0)
                {
                    unsupported++;
                }
            }

            if (b > 1)
            {
                for (int t = 0; t < b; t++)
                {
                    if (targetSupport[t] == 0 && _t.Content[j0 + t] > 0)
                    {
                        unsupported++;
                    }
                }
            }
        }

        int breaks = Math.Abs((_s.Paragraph[i0 + a - 1] - _s.Paragraph[i0]) - (_t.Paragraph[j0 + b - 1] - _t.Paragraph[j0]));

        sharedNumbers = Math.Min(sharedNumbers, Math.Min(ns, nt));
        int unmatched = ns + nt - 2 * sharedNumbers;
        double similarity = cs + ct == 0 ? 0 : Math.Min(1.0, 2.0 * matches / (cs + ct));
        double lengthCost = Lengths.Cost(ls, lt);
        double cost = _shapeCost[shape]
            + _o.LengthWeight * lengthCost
            - _o.LexicalWeight * similarity
            - _o.NumberWeight * sharedNumbers
            + _o.NumberMismatchWeight * unmatched
            + _o.PunctuationWeight * SentenceFeatures.PunctuationDifference(ps, pt)
            + _o.ParagraphBreakCost * breaks
            + _o.UnsupportedSentenceCost * unsupported;
        double translation = -1;
        if (_translation is { } tr && Translated(tr.SourceTranslations, i0, a))
        {
            // Each sentence is rewarded for how well it is covered inside this bead: the total over a path counts every
            // sentence once, so no bead shape is favoured.
            (double sum, double mean) = TranslationCoverage.Score(tr.SourceTranslations, i0, a, tr.Target, j0, b);
            translation = mean;
            cost -= _o.TranslationWeight * sum / 2;
        }

        return new BeadEvidence(cost, similarity, LengthModel.Delta(Lengths, ls, lt), sharedNumbers, unmatched, translation, cs + ct);
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
        for (int r = 0; r < lo.Length; r++)
        {
            int s = firstRow + r;
            for (int t = lo[r]; t <= hi[r]; t++)
            {
                _values[_rowStart[r] + t - lo[r]] = scorer.PairOverlap(s, t);
            }
        }
    }

    public int FirstRow { get; }

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
