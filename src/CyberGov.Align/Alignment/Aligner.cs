using CyberGov.Align.Scoring;
using CyberGov.Align.Text;

namespace CyberGov.Align.Alignment;

/// <summary>
/// Aligns the sentences of two documents (Chinese and English, either may be the source). Build one with
/// <see cref="AlignerBuilder"/>; it is immutable and thread-safe, so one instance can align many document pairs at once.
/// </summary>
/// <remarks>
/// The search runs in time and memory linear in the document length: (1) per-sentence features once;
/// (2) where both documents have paragraphs, paragraphs are aligned first and confident paragraph links become fixed
/// cut points; (3) in each region, anchors (rare shared words and numbers) steer a first banded pass; (4) the length
/// model is re-estimated from that pass and a narrow band around it gives the final path.
/// </remarks>
public sealed class Aligner
{
    private readonly BilingualLexicon _lexicon;
    private readonly Glossary _glossary;
    private readonly LexiconOverlay? _learned;

    internal Aligner(AlignerOptions options, BilingualLexicon lexicon, Glossary glossary, LearnedLexicon? learned = null)
    {
        Options = options;
        _lexicon = lexicon;
        _glossary = glossary;
        _learned = learned is { Count: > 0 } ? learned.Bind(lexicon, options.LearnedMinProbability, LearnedMinReverse, LearnedMinOccurrences) : null;
    }

    /// <summary>A learned translation counts only for a Chinese word seen in at least this many training beads.</summary>
    internal const int LearnedMinOccurrences = 2;

    /// <summary>The reverse probability p(Chinese | English) a learned translation needs to count as evidence.</summary>
    internal const double LearnedMinReverse = 0.2;

    /// <summary>Beads at least this confident train the learned lexicon.</summary>
    internal const double LearningConfidence = 0.8;

    /// <summary>The options this aligner was built with.</summary>
    public AlignerOptions Options { get; }

    /// <summary>Aligns two documents.</summary>
    /// <param name="source">The source document.</param>
    /// <param name="target">The target document.</param>
    /// <param name="cancellationToken">Cancels between regions.</param>
    /// <returns>Beads covering both documents exactly once, in order.</returns>
    public AlignmentResult Align(Document source, Document target, CancellationToken cancellationToken = default) =>
        Align(source, target, [], cancellationToken);

    /// <summary>
    /// Aligns two documents through fixed points: every <see cref="FixedPoint"/> is a bead boundary of the result
    /// (the sentences before it on both sides align only with each other). Use them for pairings known in advance —
    /// a bilingual release's own interleaving of paragraphs, or beads a reviewer has confirmed; the aligner searches
    /// between them as it does between its own paragraph links.
    /// </summary>
    /// <param name="source">The source document.</param>
    /// <param name="target">The target document.</param>
    /// <param name="fixedPoints">Points in order, each no earlier than the one before on either side.</param>
    /// <param name="cancellationToken">Cancels between regions.</param>
    /// <returns>Beads covering both documents exactly once, in order, with a boundary at every fixed point.</returns>
    /// <exception cref="ArgumentException">A point outside the documents, or points out of order.</exception>
    public AlignmentResult Align(Document source, Document target, IReadOnlyList<FixedPoint> fixedPoints, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(fixedPoints);
        List<(int I, int J)> points = CheckFixedPoints(fixedPoints, source.Sentences.Count, target.Sentences.Count);
        SentenceFeatures s = null!, t = null!;
        Parallel.Invoke(
            () => s = FeatureExtractor.Extract(source, _lexicon, _glossary, _learned, cancellationToken),
            () => t = FeatureExtractor.Extract(target, _lexicon, _glossary, _learned, cancellationToken));
        var work = new SearchWork();
        List<BandedSearch.PathBead> path = AlignPath(source, target, s, t, work, cancellationToken, points);
        if (Options.LearnLexicon && IsChineseEnglish(source, target))
        {
            // Learn what this text's words translate as from the confident beads, then align again with that evidence.
            LearnedLexicon learned = LearnLexicon([new AlignmentResult(source, target, Confidence.Assign(path, s, t))], cancellationToken);
            LexiconOverlay? overlay = LexiconOverlay.Combine(_learned, learned.Bind(_lexicon, Options.LearnedMinProbability, LearnedMinReverse, LearnedMinOccurrences));
            if (overlay is { Count: > 0 })
            {
                // The old Chinese features go first (they live in the closure above, so only this lets them go).
                if (source.Language == Language.Chinese)
                {
                    s = null!;
                    s = FeatureExtractor.Extract(source, _lexicon, _glossary, overlay, cancellationToken);
                }
                else
                {
                    t = null!;
                    t = FeatureExtractor.Extract(target, _lexicon, _glossary, overlay, cancellationToken);
                }

                path = RealignAlong(source, target, s, t, path, work, points, cancellationToken);
            }
        }

        List<Bead> beads = Confidence.Assign(path, s, t, Posteriors(s, t, path, work, cancellationToken));
        return new AlignmentResult(source, target, beads)
        {
            Statistics = new Dictionary<string, double> { [SearchCellsStatistic] = work.Cells },
        };
    }

    /// <summary>
    /// Learns a translation lexicon from alignments of Chinese and English documents (IBM Model 1 over their confident
    /// beads): for each Chinese word, the English words it was seen translated by, with probabilities. Give it to
    /// <see cref="AlignerBuilder.UseLearnedLexicon"/> to align other documents of the same kind with it, or save it
    /// (<see cref="LearnedLexicon.Save"/>). A corpus of many documents learns more than one document alone.
    /// </summary>
    /// <param name="alignments">Alignments made by this aligner (or any alignments with confidences).</param>
    /// <param name="cancellationToken">Observed between beads and EM iterations.</param>
    /// <returns>The learned lexicon (empty when no alignment pairs Chinese with English).</returns>
    public LearnedLexicon LearnLexicon(IEnumerable<AlignmentResult> alignments, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alignments);
        var learner = new LexiconLearner(_lexicon, _glossary);
        foreach (AlignmentResult alignment in alignments)
        {
            AddBeads(learner, alignment.Source, alignment.Target, alignment.Beads, cancellationToken);
        }

        return learner.Learn(cancellationToken);
    }

    private static bool IsChineseEnglish(Document source, Document target) =>
        (source.Language, target.Language) is (Language.Chinese, Language.English) or (Language.English, Language.Chinese);

    private static void AddBeads(LexiconLearner learner, Document source, Document target, IReadOnlyList<Bead> beads, CancellationToken cancellationToken)
    {
        if (!IsChineseEnglish(source, target))
        {
            return;
        }

        bool chineseSource = source.Language == Language.Chinese;
        for (int k = 0; k < beads.Count; k++)
        {
            if ((k & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            Bead b = beads[k];
            if (b.IsNull || b.Confidence < LearningConfidence)
            {
                continue;
            }

            bool added = chineseSource
                ? learner.Add(source, b.SourceStart, b.SourceCount, target, b.TargetStart, b.TargetCount)
                : learner.Add(target, b.TargetStart, b.TargetCount, source, b.SourceStart, b.SourceCount);
            if (!added && learner.Beads >= LexiconLearner.MaxBeads)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Aligns a report that covers only parts of an original — a news story quoting and paraphrasing a speech, in its
    /// own order, with its own framing — against the original: every report sentence is linked to the original
    /// sentences it quotes or paraphrases (from anywhere in the original, several if it combines them) or to nothing.
    /// Candidates come from an inverted index over the original's sentences (dictionary translations, names, numbers,
    /// glossary terms, weighted by rarity), so the work is near-linear: the original's features plus the postings of the
    /// report's words. Thresholds are <see cref="AlignerOptions.PartialQuoteEvidence"/> and its neighbours.
    /// </summary>
    /// <param name="original">The original (source), e.g. the Chinese speech.</param>
    /// <param name="report">The report (target), e.g. an English news story.</param>
    /// <param name="cancellationToken">Observed while features are extracted and between report sentences.</param>
    /// <returns>One row per run of report sentences, covering the report once in order, with fidelity flags.</returns>
    public PartialAlignmentResult AlignPartial(Document original, Document report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(original);
        ArgumentNullException.ThrowIfNull(report);
        SentenceFeatures o = FeatureExtractor.Extract(original, _lexicon, _glossary, _learned, cancellationToken);
        var finder = new QuoteFinder(original, report, o, _lexicon, _glossary, Options, _learned);
        return new PartialAlignmentResult(original, report, finder.Find(cancellationToken));
    }

    /// <summary>
    /// The <see cref="AlignmentResult.Statistics"/> entry that counts the grid cells the search scored: the work done,
    /// linear in the input's length whatever its shape.
    /// </summary>
    public const string SearchCellsStatistic = "search.cells";

    /// <summary>The best path with each bead's evidence (confidence not yet assigned).</summary>
    internal List<BandedSearch.PathBead> AlignPath(Document source, Document target, SentenceFeatures s, SentenceFeatures t, SearchWork work, CancellationToken cancellationToken, List<(int I, int J)>? fixedPoints = null)
    {
        List<(int I, int J)> cuts = [];
        SupportModel support = SupportModel.Prior;
        if (Options.UseParagraphs && ParagraphsInform(source) && ParagraphsInform(target))
        {
            (cuts, support) = ParagraphCuts(source, target, s, t, work, cancellationToken);
        }

        var scorer = new BeadScorer(s, t, Options, LengthModel.Initial(s.LengthPrefix[^1], t.LengthPrefix[^1]), work: work, support: support);
        List<(int I, int J)> paragraphCuts = [.. cuts];
        List<BandedSearch.PathBead> path = SearchPath(scorer, fixedPoints is { Count: > 0 } ? WithFixedPoints(cuts, fixedPoints) : cuts, cancellationToken);
        if (paragraphCuts.Count > 0)
        {
            RelaxCuts(scorer, path, paragraphCuts, fixedPoints, cancellationToken);
        }

        return path;
    }

    /// <summary>
    /// The temperature at which <see cref="Posteriors"/> reads costs as negative log-likelihoods. Chosen on the
    /// development sets and their deleted copies (1.5 and 2.5 were worse over all six); the only fitted number in the
    /// posteriors, which otherwise follow from the scorer and each document's own length and support models.
    /// </summary>
    private const double PosteriorTemperature = 2;

    /// <summary>Columns each side of the path that <see cref="Posteriors"/> sums over (1 to 3 gave the same calibration).</summary>
    private const int PosteriorWidth = 1;

    /// <summary>The posterior probability of each bead of a path (<see cref="BandedSearch.Posteriors"/>), under the length and support models estimated from the path.</summary>
    internal double[] Posteriors(SentenceFeatures s, SentenceFeatures t, List<BandedSearch.PathBead> path, SearchWork work, CancellationToken cancellationToken)
    {
        BeadScorer scorer = WithModelsOf(new BeadScorer(s, t, Options, LengthModel.Initial(s.LengthPrefix[^1], t.LengthPrefix[^1]), work: work), path, 0, path.Count);
        return BandedSearch.Posteriors(scorer, path, PosteriorWidth, PosteriorTemperature, cancellationToken);
    }

    /// <summary>Beads on each side of a paragraph cut that <see cref="RelaxCuts"/> searches again.</summary>
    private const int RelaxBeads = 2;

    /// <summary>The most sentences a side of a window that <see cref="RelaxCuts"/> searches again.</summary>
    private const int RelaxSpan = 64;

    /// <summary>
    /// Paragraph cuts come from the paragraph pass, which sees a one-sentence heading paragraph (积极利用外资。 and "We
    /// will step up utilization of foreign capital.") as a small part of whichever neighbour it shares a word with,
    /// and may fix a corner one paragraph off on one side. Around each cut, the beads from
    /// <see cref="RelaxBeads"/> before it to <see cref="RelaxBeads"/> after it are searched again without the cut,
    /// with every shape and the whole window as the band, and replaced when the sentence evidence finds a cheaper
    /// path there. Fixed points given by the caller are never moved and no window crosses one. The cost is a few
    /// small searches per paragraph.
    /// </summary>
    private static void RelaxCuts(BeadScorer scorer, List<BandedSearch.PathBead> path, List<(int I, int J)> cuts, List<(int I, int J)>? fixedPoints, CancellationToken cancellationToken)
    {
        HashSet<(int, int)> fixedSet = fixedPoints is null ? [] : [.. fixedPoints];
        OverlapCache noCache = OverlapCache.None(scorer);
        for (int c = cuts.Count - 1; c >= 0; c--)
        {
            if ((c & 63) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            (int ci, int cj) = cuts[c];
            if (fixedSet.Contains((ci, cj)))
            {
                continue;
            }

            int k = path.BinarySearch(new BandedSearch.PathBead(ci, 0, cj, 0, default), PathStartOrder.Instance);
            if (k < 0)
            {
                continue; // a later window moved this corner already
            }

            int first = k, last = k;
            while (first > 0 && k - first < RelaxBeads && !fixedSet.Contains((path[first].I0, path[first].J0)))
            {
                first--;
            }

            while (last < path.Count - 1 && last - k < RelaxBeads - 1 && !fixedSet.Contains((path[last + 1].I0, path[last + 1].J0)))
            {
                last++;
            }

            int i0 = path[first].I0, j0 = path[first].J0;
            int i1 = path[last].I0 + path[last].A, j1 = path[last].J0 + path[last].B;
            if (i1 - i0 > RelaxSpan || j1 - j0 > RelaxSpan || i1 == i0 || j1 == j0)
            {
                continue;
            }

            double old = 0;
            for (int b = first; b <= last; b++)
            {
                BandedSearch.PathBead bead = path[b];
                old += scorer.Score(BeadScorer.ShapeIndex(bead.A, bead.B), bead.I0, bead.J0, noCache).Cost;
            }

            int rows = i1 - i0 + 1;
            int[] low = new int[rows], high = new int[rows];
            Array.Fill(low, j0);
            Array.Fill(high, j1);
            List<BandedSearch.PathBead> local = BandedSearch.Run(scorer, i0, i1, j0, j1, low, high, cancellationToken: cancellationToken);
            double cost = 0;
            foreach (BandedSearch.PathBead bead in local)
            {
                cost += bead.Evidence.Cost;
            }

            if (cost < old - 1e-6)
            {
                path.RemoveRange(first, last - first + 1);
                path.InsertRange(first, local);
            }
        }
    }

    /// <summary>Orders path beads by where they start (a path's beads are in this order).</summary>
    private sealed class PathStartOrder : IComparer<BandedSearch.PathBead>
    {
        public static readonly PathStartOrder Instance = new();

        public int Compare(BandedSearch.PathBead x, BandedSearch.PathBead y) =>
            x.I0 != y.I0 ? x.I0.CompareTo(y.I0) : x.J0.CompareTo(y.J0);
    }

    /// <summary>
    /// Realigns everything except the beads a person kept ("realign the rest"): every kept bead stays exactly as it is
    /// and its corners become fixed points, so the aligner searches only the stretches between them.
    /// </summary>
    /// <param name="alignment">A complete alignment of two documents (this aligner's, or one edited by hand).</param>
    /// <param name="keep">Indices into <paramref name="alignment"/>'s beads of the beads to keep.</param>
    /// <param name="cancellationToken">Cancels between regions.</param>
    /// <returns>The new alignment: the kept beads unchanged and in place, the rest aligned again.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An index outside the beads.</exception>
    public AlignmentResult RealignAround(AlignmentResult alignment, IEnumerable<int> keep, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alignment);
        ArgumentNullException.ThrowIfNull(keep);
        IReadOnlyList<Bead> beads = alignment.Beads;
        var kept = new SortedSet<int>();
        foreach (int k in keep)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(k, nameof(keep));
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(k, beads.Count, nameof(keep));
            kept.Add(k);
        }

        var points = new List<FixedPoint>(2 * kept.Count);
        foreach (int k in kept)
        {
            points.Add(new FixedPoint(beads[k].SourceStart, beads[k].TargetStart));
            points.Add(new FixedPoint(beads[k].SourceEnd, beads[k].TargetEnd));
        }

        AlignmentResult fresh = Align(alignment.Source, alignment.Target, points, cancellationToken);

        // Between a kept bead's corners (fixed points, so the new path passes through both) the search may have cut
        // its sentences differently: put the bead back in their place.
        var byStart = kept.ToDictionary(k => (beads[k].SourceStart, beads[k].TargetStart), k => beads[k]);
        var result = new List<Bead>(fresh.Beads.Count);
        IReadOnlyList<Bead> found = fresh.Beads;
        for (int i = 0; i < found.Count;)
        {
            if (byStart.TryGetValue((found[i].SourceStart, found[i].TargetStart), out Bead keptBead))
            {
                result.Add(keptBead);
                while (i < found.Count && (found[i].SourceStart, found[i].TargetStart) != (keptBead.SourceEnd, keptBead.TargetEnd))
                {
                    i++;
                }

                continue;
            }

            result.Add(found[i++]);
        }

        return new AlignmentResult(alignment.Source, alignment.Target, result) { Statistics = fresh.Statistics };
    }

    /// <summary>The fixed points, in order and inside the grid, without the corners and repeats.</summary>
    private static List<(int I, int J)> CheckFixedPoints(IReadOnlyList<FixedPoint> fixedPoints, int n, int m)
    {
        var checkedPoints = new List<(int I, int J)>(fixedPoints.Count);
        (int I, int J) previous = (0, 0);
        foreach (FixedPoint p in fixedPoints)
        {
            if (p.Source < 0 || p.Source > n || p.Target < 0 || p.Target > m)
            {
                throw new ArgumentException($"fixed point ({p.Source}, {p.Target}) lies outside the documents ({n} and {m} sentences)", nameof(fixedPoints));
            }

            if (p.Source < previous.I || p.Target < previous.J)
            {
                throw new ArgumentException($"fixed point ({p.Source}, {p.Target}) comes before ({previous.I}, {previous.J}): give them in order", nameof(fixedPoints));
            }

            if ((p.Source, p.Target) != previous && (p.Source, p.Target) != (n, m))
            {
                checkedPoints.Add((p.Source, p.Target));
            }

            previous = (p.Source, p.Target);
        }

        return checkedPoints;
    }

    /// <summary>The aligner's own paragraph cuts that agree with the fixed points (do not cross one), merged with them in order.</summary>
    private static List<(int I, int J)> WithFixedPoints(List<(int I, int J)> cuts, List<(int I, int J)> fixedPoints)
    {
        var merged = new List<(int I, int J)>(cuts.Count + fixedPoints.Count);
        int k = 0;
        foreach ((int i, int j) in fixedPoints)
        {
            for (; k < cuts.Count && (cuts[k].I < i || (cuts[k].I == i && cuts[k].J < j)); k++)
            {
                if (cuts[k].J <= j && Follows(cuts[k]))
                {
                    merged.Add(cuts[k]);
                }
            }

            if (merged.Count == 0 || merged[^1] != (i, j))
            {
                merged.Add((i, j));
            }
        }

        for (; k < cuts.Count; k++)
        {
            if (Follows(cuts[k]))
            {
                merged.Add(cuts[k]);
            }
        }

        return merged;

        // A cut that lies beyond the last point kept (on both sides), so the merged list stays in order without repeats.
        bool Follows((int I, int J) cut) => merged.Count == 0 || (cut.I >= merged[^1].I && cut.J >= merged[^1].J && cut != merged[^1]);
    }

    /// <summary>
    /// Whether a document's paragraphs say more than its sentences: more than one paragraph, and not (nearly) one
    /// sentence each — then a paragraph pass would only repeat the sentence pass at the same cost.
    /// </summary>
    private static bool ParagraphsInform(Document document) =>
        document.HasParagraphs && document.Sentences.Count >= document.Paragraphs.Count * 5L / 4;

    /// <summary>
    /// The best path through the whole grid of <paramref name="scorer"/>'s two feature sequences (sentences, or
    /// paragraphs in the paragraph pass), never crossing the fixed <paramref name="cuts"/>. Linear in length: the grid is
    /// cut at the fixed points and, in long stretches, at consistent anchors; the pieces are searched in parallel in bands.
    /// </summary>
    private List<BandedSearch.PathBead> SearchPath(BeadScorer scorer, List<(int I, int J)> cuts, CancellationToken cancellationToken)
    {
        int n = scorer.Source.Count, m = scorer.Target.Count;
        cuts.Add((n, m));

        // Regions between fixed cuts, long ones split further at consistent anchors, are independent: align them
        // on all cores and concatenate in order (the result does not depend on the scheduling).
        var regions = new List<(int I0, int I1, int J0, int J1, List<(int I, int J)>? Anchors)>();
        int pi = 0, pj = 0;
        foreach ((int ci, int cj) in cuts)
        {
            (List<(int I, int J)> corners, List<(int I, int J)>? anchors) = ChunkCorners(scorer, pi, ci, pj, cj, cancellationToken);
            foreach ((int si, int sj) in corners)
            {
                regions.Add((pi, si, pj, sj, Inside(anchors, pi, si, pj, sj)));
                pi = si;
                pj = sj;
            }

            regions.Add((pi, ci, pj, cj, Inside(anchors, pi, ci, pj, cj)));
            pi = ci;
            pj = cj;
        }

        var paths = new List<BandedSearch.PathBead>[regions.Count];
        Parallel.For(0, regions.Count, new ParallelOptions { CancellationToken = cancellationToken }, r =>
        {
            // Sized for the region's beads (at most one per sentence), so a long region's list never doubles past need.
            paths[r] = new List<BandedSearch.PathBead>(Math.Max(regions[r].I1 - regions[r].I0, regions[r].J1 - regions[r].J0) + 1);
            AlignLongRegion(scorer, regions[r].I0, regions[r].I1, regions[r].J0, regions[r].J1, paths[r], regions[r].Anchors, cancellationToken);
        });

        return Concatenate(paths);
    }

    /// <summary>The pieces' beads in order, one list (each piece's list let go as soon as it is copied).</summary>
    private static List<BandedSearch.PathBead> Concatenate(List<BandedSearch.PathBead>[] pieces)
    {
        if (pieces.Length == 1)
        {
            return pieces[0];
        }

        var beads = new List<BandedSearch.PathBead>(pieces.Sum(p => p.Count));
        for (int r = 0; r < pieces.Length; r++)
        {
            beads.AddRange(pieces[r]);
            pieces[r] = null!;
        }

        return beads;
    }

    /// <summary>
    /// Aligns a region that no consistent anchor could cut (repetitive text, or text with nothing to anchor on). A short
    /// one goes straight to <see cref="AlignRegion"/>; a long one is searched in overlapping windows (see
    /// <see cref="AlignWindows"/>), and a very long one (over 2 × <see cref="StretchRows"/> rows) first in stretches
    /// of <see cref="StretchRows"/> rows on all cores, each started <see cref="ChunkRows"/> rows early and run
    /// <see cref="ChunkRows"/> rows late, then joined where two neighbours' paths meet. Where they do not meet, the later
    /// stretch is searched again from the earlier one's path, so the result never depends on the number of cores.
    /// </summary>
    private void AlignLongRegion(BeadScorer scorer, int i0, int i1, int j0, int j1, List<BandedSearch.PathBead> beads, List<(int I, int J)>? anchors, CancellationToken cancellationToken)
    {
        if (i1 - i0 <= 3 * ChunkRows || j1 - j0 <= ChunkRows)
        {
            AlignRegion(scorer, i0, i1, j0, j1, beads, anchors, cancellationToken);
            return;
        }

        var knots = new List<(int I, int J)> { (i0, j0) };
        knots.AddRange(anchors ?? []);
        knots.Add((i1, j1));
        double[] expected = ExpectedColumns(scorer, i0, i1, j0, j1, knots);
        int count = (i1 - i0) / StretchRows;
        if (count < 2)
        {
            AlignWindows(scorer, i0, j0, i1, j1, expected, i0, anchors, beads, cancellationToken);
            return;
        }

        // Stretch p nominally covers rows [i0 + p·S, i0 + (p+1)·S) and is searched over one more ChunkRows on each side.
        int Nominal(int p) => p == count ? i1 : i0 + (p * StretchRows);
        int Column(int i) => Math.Clamp((int)Math.Round(expected[i - i0]), j0, j1);
        int EndRow(int p) => p == count - 1 ? i1 : Nominal(p + 1) + ChunkRows;
        int EndColumn(int p) => p == count - 1 ? j1 : Column(EndRow(p));
        var paths = new List<BandedSearch.PathBead>[count];
        Parallel.For(0, count, new ParallelOptions { CancellationToken = cancellationToken }, p =>
        {
            int si = p == 0 ? i0 : Nominal(p) - ChunkRows;
            paths[p] = [];
            AlignWindows(scorer, si, p == 0 ? j0 : Column(si), EndRow(p), EndColumn(p), expected, i0, anchors, paths[p], cancellationToken);
        });

        // Join: keep stretch p-1 up to a bead boundary its path shares with stretch p near their nominal border.
        List<BandedSearch.PathBead> current = paths[0];
        for (int p = 1; p < count; p++)
        {
            List<BandedSearch.PathBead> next = paths[p];
            int border = Nominal(p);
            var corners = new HashSet<(int I, int J)>();
            foreach (BandedSearch.PathBead b in next)
            {
                if (b.I0 >= border - ChunkRows && b.I0 <= border + ChunkRows)
                {
                    corners.Add((b.I0, b.J0));
                }
            }

            int keep = -1;
            for (int k = 0; k < current.Count; k++)
            {
                BandedSearch.PathBead b = current[k];
                if (b.I0 >= border && corners.Contains((b.I0, b.J0)))
                {
                    keep = k;
                    break;
                }
            }

            if (keep < 0)
            {
                // The paths never met: search this stretch again, starting where the kept path is at the border.
                keep = current.FindIndex(b => b.I0 >= border);
                keep = keep < 0 ? current.Count : keep;
                (int si, int sj) = keep < current.Count ? (current[keep].I0, current[keep].J0) : (current[^1].I0 + current[^1].A, current[^1].J0 + current[^1].B);
                next = [];
                AlignWindows(scorer, si, sj, EndRow(p), Math.Max(sj, EndColumn(p)), expected, i0, anchors, next, cancellationToken);
            }

            beads.AddRange(current.Take(keep));
            (int mi, int mj) = keep < current.Count ? (current[keep].I0, current[keep].J0) : (next[0].I0, next[0].J0);
            next.RemoveRange(0, next.FindIndex(b => b.I0 >= mi && b.J0 >= mj));
            current = next;
            paths[p] = null!; // held by current now; the joined stretches' lists can go
        }

        beads.AddRange(current);
    }

    /// <summary>
    /// Aligns rows [pi, i1) with columns [pj, j1) in windows of 1.25 × <see cref="ChunkRows"/> rows: each window's path is
    /// kept for its first <see cref="ChunkRows"/> rows, where the next window starts, so the forced end of a window never
    /// decides a kept bead. Memory stays bounded by the window and time linear in the rows, whatever their number.
    /// <paramref name="expected"/> holds the expected column of each row from <paramref name="expectedBase"/> on.
    /// </summary>
    private void AlignWindows(BeadScorer scorer, int pi, int pj, int i1, int j1, double[] expected, int expectedBase, List<(int I, int J)>? anchors, List<BandedSearch.PathBead> beads, CancellationToken cancellationToken)
    {
        var window = new List<BandedSearch.PathBead>();
        while (i1 - pi > 3 * ChunkRows)
        {
            int wi = pi + ChunkRows + (ChunkRows / 4);
            int wj = Math.Clamp((int)Math.Round(expected[wi - expectedBase]), pj, j1);
            window.Clear();
            AlignRegion(scorer, pi, wi, pj, wj, window, Inside(anchors, pi, wi, pj, wj), cancellationToken, NarrowBand);
            int keep = pi + ChunkRows;
            int k = 0;
            while (k < window.Count && window[k].I0 + window[k].A <= keep)
            {
                beads.Add(window[k]);
                k++;
            }

            if (k == 0)
            {
                // Nothing ended before the kept part's end (one bead spans it): keep the first bead to make progress.
                beads.Add(window[0]);
                k = 1;
            }

            pi = window[k - 1].I0 + window[k - 1].A;
            pj = window[k - 1].J0 + window[k - 1].B;
        }

        AlignRegion(scorer, pi, i1, pj, j1, beads, Inside(anchors, pi, i1, pj, j1), cancellationToken, NarrowBand);
    }

    /// <summary>Rows of a stretch of a very long region without anchors (stretches are searched in parallel).</summary>
    private const int StretchRows = 16 * ChunkRows;

    /// <summary>Paragraph counts up to which the paragraph pass is one wide band pass (at most ~4,000 × 501 cells).</summary>
    private const int ExhaustiveParagraphs = 2 * ChunkRows;

    /// <summary>Largest first-pass half-width in the windows of a long region without anchors (keeps its cost linear with a small constant).</summary>
    private const int NarrowBand = 12;

    /// <summary>Source rows per chunk of a long region (a chunk gets its own two-pass search and length model).</summary>
    private const int ChunkRows = 2000;

    /// <summary>
    /// Corners at which a long region may be cut into chunks: the top-left corner of an anchor whose neighbouring anchors
    /// lie on the same diagonal (so it is very unlikely to be wrong), about every <see cref="ChunkRows"/> rows.
    /// </summary>
    /// <returns>The corners, and the anchors found on the way (null when none were looked for), which the chunks reuse.</returns>
    private (List<(int I, int J)> Corners, List<(int I, int J)>? Anchors) ChunkCorners(BeadScorer scorer, int i0, int i1, int j0, int j1, CancellationToken cancellationToken)
    {
        var corners = new List<(int I, int J)>();
        if (i1 - i0 < 2 * ChunkRows || j1 - j0 < ChunkRows || !Options.UseAnchors)
        {
            return (corners, null);
        }

        double[] expected = ExpectedColumns(scorer, i0, i1, j0, j1, [(i0, j0), (i1, j1)]);
        List<(int I, int J)> anchors = AnchorFinder.Find(scorer, i0, i1, j0, j1, expected, cancellationToken);
        double ratio = (double)(j1 - j0) / (i1 - i0);
        int last = i0;
        for (int k = 1; k + 1 < anchors.Count; k++)
        {
            (int pi, int pj) = anchors[k - 1];
            (int ai, int aj) = anchors[k];
            (int ni, int nj) = anchors[k + 1];
            bool consistent = ai - pi <= 20 && ni - ai <= 20
                && Math.Abs((aj - pj) - ((ai - pi) * ratio)) <= 3 && Math.Abs((nj - aj) - ((ni - ai) * ratio)) <= 3;
            if (consistent && ai - last >= ChunkRows && i1 - ai >= ChunkRows / 2)
            {
                corners.Add((ai, aj));
                last = ai;
            }
        }

        return (corners, anchors);
    }

    /// <summary>The anchors strictly inside a chunk (its corners are its ends), or null to let the chunk look for its own.</summary>
    private static List<(int I, int J)>? Inside(List<(int I, int J)>? anchors, int i0, int i1, int j0, int j1) =>
        anchors?.Where(a => a.I > i0 && a.I < i1 && a.J > j0 && a.J < j1).ToList();

    /// <summary>
    /// Aligns sentences [i0, i1) with [j0, j1) and appends the beads. <paramref name="knownAnchors"/>: anchors already
    /// found for this region (a chunk of a long one), or null to find them.
    /// </summary>
    private void AlignRegion(BeadScorer scorer, int i0, int i1, int j0, int j1, List<BandedSearch.PathBead> beads, List<(int I, int J)>? knownAnchors, CancellationToken cancellationToken, int maxBandWidth = int.MaxValue)
    {
        int n = i1 - i0, m = j1 - j0;
        if (n == 0 || m == 0)
        {
            for (int i = i0; i < i1; i++)
            {
                beads.Add(new BandedSearch.PathBead(i, 1, j0, 0, scorer.Score(1, i, j0, OverlapCache.None(scorer))));
            }

            for (int j = j0; j < j1; j++)
            {
                beads.Add(new BandedSearch.PathBead(i1, 0, j, 1, scorer.Score(2, i1, j, OverlapCache.None(scorer))));
            }

            return;
        }

        // Pass 1: a band through the anchors, centred between them by cumulative length.
        double[] expected = ExpectedColumns(scorer, i0, i1, j0, j1, [(i0, j0), (i1, j1)]);
        List<(int I, int J)> knots = [(i0, j0)];
        if (Options.UseAnchors && n > 4 && m > 4)
        {
            knots.AddRange(knownAnchors ?? AnchorFinder.Find(scorer, i0, i1, j0, j1, expected, cancellationToken));
        }

        knots.Add((i1, j1));
        expected = knots.Count > 2 ? ExpectedColumns(scorer, i0, i1, j0, j1, knots) : expected;
        var lo = new int[n + 1];
        var hi = new int[n + 1];
        double countRatio = (double)m / n;
        for (int k = 0; k + 1 < knots.Count; k++)
        {
            (int ai, int aj) = knots[k];
            (int bi, int bj) = knots[k + 1];
            int g = bi - ai, h = bj - aj;
            int w = (int)Math.Min(Math.Min(Options.MaxBandWidth, maxBandWidth), 5 + Math.Max(g, h) / 20.0 + Math.Abs(h - g * countRatio) / 2);
            for (int i = ai; i <= bi; i++)
            {
                int c = (int)Math.Round(expected[i - i0]);
                lo[i - i0] = c - w;
                hi[i - i0] = c + w;
            }
        }

        List<BandedSearch.PathBead> first = BandedSearch.Run(scorer, i0, i1, j0, j1, lo, hi, BeadScorer.FirstPassShapes, null, out OverlapCache overlaps, cancellationToken);

        // Pass 2: re-estimate the length model on confident 1-1 beads, then search a narrow band around pass 1.
        BeadScorer refined = WithModelsOf(scorer, first, 0, first.Count, overlaps);
        BandedSearch.Corridor(first, 0, first.Count, i0, Options.RefineBandWidth, lo, hi);

        // The second band lies (almost) inside the first, whose pair overlaps are already known.
        beads.AddRange(BandedSearch.Run(refined, i0, i1, j0, j1, lo, hi, int.MaxValue, overlaps, out _, cancellationToken));
    }

    /// <summary>
    /// Re-aligns some stretches of an alignment with the help of machine translations of source sentences: inside each
    /// range of beads the sentences are aligned again, candidate beads scored by translation similarity (how much
    /// of each sentence's content words — Chinese as the dictionary segments it, English stems — the translation and the target text share) on top of length and anchors. Beads outside the ranges are kept as they are;
    /// beads decided with a translation get <see cref="AlignMethod.Translation"/>.
    /// </summary>
    /// <param name="alignment">An alignment made by this aligner (or any complete alignment of the same documents).</param>
    /// <param name="regions">Ranges of beads to re-align; they must not overlap.</param>
    /// <param name="sourceTranslations">For each source sentence, its translation into the target language, or null.</param>
    /// <param name="cancellationToken">Cancels between regions.</param>
    /// <returns>The new alignment.</returns>
    /// <exception cref="ArgumentException">Overlapping or out-of-range regions, or a translation list of the wrong length.</exception>
    public AlignmentResult Realign(AlignmentResult alignment, IReadOnlyList<BeadRange> regions, IReadOnlyList<string?> sourceTranslations, CancellationToken cancellationToken = default) =>
        Realign(alignment, regions, sourceTranslations, null, cancellationToken);

    /// <summary><see cref="Realign(AlignmentResult, IReadOnlyList{BeadRange}, IReadOnlyList{string}, CancellationToken)"/>, also handing each re-aligned region's path to <paramref name="observer"/> (for calibration).</summary>
    internal AlignmentResult Realign(AlignmentResult alignment, IReadOnlyList<BeadRange> regions, IReadOnlyList<string?> sourceTranslations, Action<List<BandedSearch.PathBead>, SentenceFeatures, SentenceFeatures>? observer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alignment);
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(sourceTranslations);
        Document source = alignment.Source, target = alignment.Target;
        if (sourceTranslations.Count != source.Sentences.Count)
        {
            throw new ArgumentException($"{sourceTranslations.Count} translations for {source.Sentences.Count} source sentences", nameof(sourceTranslations));
        }

        IReadOnlyList<Bead> beads = alignment.Beads;
        List<BeadRange> ordered = [.. regions.Where(r => r.Count > 0).OrderBy(r => r.Start)];
        for (int k = 0; k < ordered.Count; k++)
        {
            if (ordered[k].Start < 0 || ordered[k].End > beads.Count || (k > 0 && ordered[k].Start < ordered[k - 1].End))
            {
                throw new ArgumentException($"region {ordered[k]} overlaps another or lies outside the {beads.Count} beads", nameof(regions));
            }
        }

        if (ordered.Count == 0)
        {
            return alignment;
        }

        SentenceFeatures s = null!, t = null!;
        Parallel.Invoke(
            () => s = FeatureExtractor.Extract(source, _lexicon, _glossary, _learned, cancellationToken),
            () => t = FeatureExtractor.Extract(target, _lexicon, _glossary, _learned, cancellationToken));
        var targetTexts = new string?[target.Sentences.Count];
        for (int j = 0; j < targetTexts.Length; j++)
        {
            targetTexts[j] = target.SentenceText(j);
        }

        var evidence = new TranslationEvidence(CharNGrams.Build(sourceTranslations, _lexicon, _glossary), CharNGrams.Build(targetTexts, _lexicon, _glossary));
        BeadScorer scorer = new BeadScorer(s, t, Options, LengthsOf(s, t, beads)).WithTranslation(evidence);

        var result = new List<Bead>(beads.Count);
        int next = 0;
        foreach (BeadRange region in ordered)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (; next < region.Start; next++)
            {
                result.Add(beads[next]);
            }

            Bead first = beads[region.Start], last = beads[region.End - 1];
            int i0 = first.SourceStart, i1 = last.SourceEnd, j0 = first.TargetStart, j1 = last.TargetEnd;
            if (i1 == i0 || j1 == j0)
            {
                for (int k = region.Start; k < region.End; k++)
                {
                    result.Add(beads[k]);
                }
            }
            else
            {
                // Band: the current path through the region, widened.
                var lo = new int[i1 - i0 + 1];
                var hi = new int[i1 - i0 + 1];
                var current = new List<BandedSearch.PathBead>(region.Count);
                for (int k = region.Start; k < region.End; k++)
                {
                    current.Add(new BandedSearch.PathBead(beads[k].SourceStart, beads[k].SourceCount, beads[k].TargetStart, beads[k].TargetCount, default));
                }

                BandedSearch.Corridor(current, 0, current.Count, i0, Options.RefineBandWidth, lo, hi);
                List<BandedSearch.PathBead> path = BandedSearch.Run(scorer, i0, i1, j0, j1, lo, hi, cancellationToken: cancellationToken);
                observer?.Invoke(path, s, t);
                result.AddRange(Confidence.Assign(path, s, t));
            }

            next = region.End;
        }

        for (; next < beads.Count; next++)
        {
            result.Add(beads[next]);
        }

        return new AlignmentResult(source, target, result) { Statistics = alignment.Statistics };
    }

    /// <summary>
    /// Half-width of <see cref="RealignAlong"/>'s band around the first path. A learned word moves a bead boundary by
    /// a sentence or so: bands of 2 and 4 gave the same beads on mac-dev, data/real and the 33k × 37k document (and 8
    /// the same F1 there), and 2 costs least.
    /// </summary>
    private const int LearnedBandWidth = 2;

    /// <summary>Beads between two corners of <see cref="RealignAlong"/> (a corner needs 1-1 beads on both sides).</summary>
    private const int CorridorChunkBeads = 1024;

    /// <summary>
    /// Aligns again, with features that have changed (a lexicon learned from <paramref name="first"/>), in a narrow band
    /// around the first path (<see cref="LearnedBandWidth"/> sentences each side): the changes move
    /// beads locally, and the first path already found the way through the document, so its anchors, wide band and
    /// paragraph pass are not repeated. The length and support models are estimated again from the first path's 1-1
    /// beads in each piece (one model for a document of several genres lost accuracy). The band is cut, so the pieces
    /// can run on all cores, where the first path passes through a paragraph
    /// corner on both sides, through a fixed point, or every <see cref="CorridorChunkBeads"/> beads between two 1-1
    /// beads.
    /// </summary>
    private List<BandedSearch.PathBead> RealignAlong(Document source, Document target, SentenceFeatures s, SentenceFeatures t, List<BandedSearch.PathBead> first, SearchWork work, List<(int I, int J)> fixedPoints, CancellationToken cancellationToken)
    {
        if (first.Count == 0)
        {
            return first;
        }

        BeadScorer scorer = WithModelsOf(new BeadScorer(s, t, Options, LengthModel.Initial(s.LengthPrefix[^1], t.LengthPrefix[^1]), work: work), first, 0, first.Count);

        bool paragraphs = Options.UseParagraphs && ParagraphsInform(source) && ParagraphsInform(target);
        HashSet<(int, int)> fixedSet = [.. fixedPoints];
        List<int> cuts = [0];
        for (int k = 1; k < first.Count; k++)
        {
            (int i, int j) = (first[k].I0, first[k].J0);
            bool corner = fixedSet.Contains((i, j))
                || (paragraphs && StartsParagraph(source, i) && StartsParagraph(target, j))
                || (k - cuts[^1] >= CorridorChunkBeads && first[k - 1] is { A: 1, B: 1 } && first[k] is { A: 1, B: 1 });
            if (corner)
            {
                cuts.Add(k);
            }
        }

        cuts.Add(first.Count);
        var pieces = new List<BandedSearch.PathBead>[cuts.Count - 1];
        Parallel.For(0, pieces.Length, new ParallelOptions { CancellationToken = cancellationToken }, c =>
        {
            BandedSearch.PathBead a = first[cuts[c]], z = first[cuts[c + 1] - 1];
            int i0 = a.I0, i1 = z.I0 + z.A, j0 = a.J0, j1 = z.J0 + z.B;
            var lo = new int[i1 - i0 + 1];
            var hi = new int[i1 - i0 + 1];
            BandedSearch.Corridor(first, cuts[c], cuts[c + 1], i0, LearnedBandWidth, lo, hi);
            pieces[c] = i1 == i0 || j1 == j0
                ? first.GetRange(cuts[c], cuts[c + 1] - cuts[c])
                : BandedSearch.Run(WithModelsOf(scorer, first, cuts[c], cuts[c + 1]), i0, i1, j0, j1, lo, hi, int.MaxValue, null, out _, cancellationToken);
        });

        return Concatenate(pieces);
    }

    /// <summary>
    /// <paramref name="scorer"/> with its length and support models estimated from the 1-1 beads among
    /// [<paramref name="start"/>, <paramref name="end"/>) of <paramref name="path"/> (its own models where they are
    /// too few): confident (similarity ≥ 0.2) 1-1 beads for the length model, all 1-1 beads for the support model, whose
    /// pair overlaps come from <paramref name="overlaps"/> where given.
    /// </summary>
    private static BeadScorer WithModelsOf(BeadScorer scorer, List<BandedSearch.PathBead> path, int start, int end, OverlapCache? overlaps = null)
    {
        List<(int I, int J)> oneToOne = [];
        List<(int I, int J)> confident = [];
        for (int k = start; k < end; k++)
        {
            if (path[k] is { A: 1, B: 1 } b)
            {
                oneToOne.Add((b.I0, b.J0));
                if (b.Evidence.Similarity >= 0.2)
                {
                    confident.Add((b.I0, b.J0));
                }
            }
        }

        return scorer.WithModels(
            Reestimate(scorer.Lengths, scorer.Source, scorer.Target, confident),
            SupportModel.Estimate(scorer.Support, scorer, overlaps ?? OverlapCache.None(scorer), oneToOne));
    }

    private static bool StartsParagraph(Document document, int sentence) =>
        sentence == 0 || sentence >= document.Sentences.Count || document.Sentences[sentence].Paragraph != document.Sentences[sentence - 1].Paragraph;

    /// <summary>The length model of an existing alignment: ratio and variance from its confident (≥ 0.8) 1-1 beads.</summary>
    private static LengthModel LengthsOf(SentenceFeatures s, SentenceFeatures t, IReadOnlyList<Bead> beads) =>
        Reestimate(
            LengthModel.Initial(s.LengthPrefix[^1], t.LengthPrefix[^1]),
            s,
            t,
            [.. beads.Where(b => b.SourceCount == 1 && b.TargetCount == 1 && b.Confidence >= 0.8).Select(b => (b.SourceStart, b.TargetStart))]);

    /// <summary>For each row i in [i0, i1], the column the path is expected to cross: length-proportional between knots.</summary>
    private static double[] ExpectedColumns(BeadScorer scorer, int i0, int i1, int j0, int j1, List<(int I, int J)> knots)
    {
        var cumS = new long[i1 - i0 + 1];
        for (int i = i0; i < i1; i++)
        {
            cumS[i - i0 + 1] = cumS[i - i0] + scorer.Source.Length[i] + 1;
        }

        var cumT = new long[j1 - j0 + 1];
        for (int j = j0; j < j1; j++)
        {
            cumT[j - j0 + 1] = cumT[j - j0] + scorer.Target.Length[j] + 1;
        }

        var expected = new double[i1 - i0 + 1];
        for (int k = 0; k + 1 < knots.Count; k++)
        {
            (int ai, int aj) = knots[k];
            (int bi, int bj) = knots[k + 1];
            double sSpan = Math.Max(1, cumS[bi - i0] - cumS[ai - i0]);
            long tBase = cumT[aj - j0], tSpan = cumT[bj - j0] - tBase;
            int j = aj;
            for (int i = ai; i <= bi; i++)
            {
                double targetChars = tBase + tSpan * ((cumS[i - i0] - cumS[ai - i0]) / sSpan);
                while (j < bj && cumT[j + 1 - j0] <= targetChars)
                {
                    j++;
                }

                expected[i - i0] = j;
            }
        }

        return expected;
    }

    /// <summary>Ratio and variance estimated from sentence pairs believed to translate each other; <paramref name="fallback"/> when fewer than 20.</summary>
    private static LengthModel Reestimate(LengthModel fallback, SentenceFeatures s, SentenceFeatures t, List<(int I, int J)> pairs)
    {
        long ls = 0, lt = 0;
        foreach ((int i, int j) in pairs)
        {
            ls += s.Length[i];
            lt += t.Length[j];
        }

        if (pairs.Count < 20 || ls == 0 || lt == 0)
        {
            return fallback;
        }

        double c = (double)lt / ls;
        double sum = 0;
        foreach ((int i, int j) in pairs)
        {
            double l1 = s.Length[i], l2 = t.Length[j];
            double mean = Math.Max(1, (l1 + l2 / c) / 2);
            sum += (l2 - c * l1) * (l2 - c * l1) / mean;
        }

        double variance = Math.Clamp(sum / pairs.Count, 0.5 * c, 50 * c);
        return new LengthModel(c, variance);
    }

    /// <summary>
    /// Aligns paragraphs and returns the sentence-grid corners of confident paragraph links. A document of up to
    /// <see cref="ExhaustiveParagraphs"/> paragraphs gets one wide band pass with every bead shape (cheap at that size,
    /// and the most accurate); a longer one gets the sentence search run over paragraph features, which is linear and
    /// bounded in the same way as the sentence pass. Also returns the document's <see cref="SupportModel"/> as the
    /// trusted links show it: the share of each sentence's content words found in the paragraph it is linked to
    /// (the sentence regions between cuts are mostly too small to estimate it).
    /// </summary>
    private (List<(int I, int J)> Cuts, SupportModel Support) ParagraphCuts(Document source, Document target, SentenceFeatures s, SentenceFeatures t, SearchWork work, CancellationToken cancellationToken)
    {
        SentenceFeatures ps = ParagraphFeatures.Aggregate(s, source.Paragraphs);
        SentenceFeatures pt = ParagraphFeatures.Aggregate(t, target.Paragraphs);
        var scorer = new BeadScorer(ps, pt, Options, LengthModel.Initial(ps.LengthPrefix[^1], pt.LengthPrefix[^1]), work: work);
        int n = ps.Count, m = pt.Count;
        List<BandedSearch.PathBead> path;
        if (Math.Max(n, m) <= ExhaustiveParagraphs)
        {
            var lo = new int[n + 1];
            var hi = new int[n + 1];
            int w = Math.Min(Options.MaxBandWidth, 10 + Math.Abs(n - m) + (Math.Max(n, m) / 10));
            for (int i = 0; i <= n; i++)
            {
                int c = (int)((long)i * m / Math.Max(1, n));
                lo[i] = c - w;
                hi[i] = c + w;
            }

            path = BandedSearch.Run(scorer, 0, n, 0, m, lo, hi, cancellationToken: cancellationToken);
        }
        else
        {
            path = SearchPath(scorer, [], cancellationToken);
        }

        var cuts = new List<(int I, int J)>();
        var sourceTally = new SupportModel.Tally();
        var targetTally = new SupportModel.Tally();
        foreach (BandedSearch.PathBead b in path)
        {
            if (b.A == 0 || b.B == 0)
            {
                continue;
            }

            if (TrustedParagraphLink(b) && b.Evidence.Similarity >= 0.3)
            {
                if (b.A == 1 && b.B == 1 && b.I0 + 2 < n && b.J0 + 2 < m)
                {
                    // Chance: the same sentences against the paragraph two places on.
                    Matched(s, source.Paragraphs[b.I0], pt.KeysOf(b.J0), pt.KeysOf(b.J0 + 2), sourceTally);
                    Matched(t, target.Paragraphs[b.J0], ps.KeysOf(b.I0), ps.KeysOf(b.I0 + 2), targetTally);
                }

                // The link is trusted: the sentence search may not cross the corners around it.
                int si = source.Paragraphs[b.I0].FirstSentence, sj = target.Paragraphs[b.J0].FirstSentence;
                Paragraph lastS = source.Paragraphs[b.I0 + b.A - 1], lastT = target.Paragraphs[b.J0 + b.B - 1];
                AddCut(cuts, si, sj);
                AddCut(cuts, lastS.FirstSentence + lastS.SentenceCount, lastT.FirstSentence + lastT.SentenceCount);
            }
        }

        if (cuts.Count > 0 && cuts[^1] == (s.Count, t.Count))
        {
            cuts.RemoveAt(cuts.Count - 1);
        }

        SupportModel support = sourceTally.Count >= 20 && targetTally.Count >= 20 ? SupportModel.From(sourceTally, targetTally) : SupportModel.Prior;
        return (cuts, support);

        // Content words of a paragraph's sentences, their keys found among the linked paragraph's, and among another's.
        static void Matched(SentenceFeatures sentences, Paragraph paragraph, ReadOnlySpan<int> linkedKeys, ReadOnlySpan<int> otherKeys, SupportModel.Tally tally)
        {
            for (int i = paragraph.FirstSentence; i < paragraph.FirstSentence + paragraph.SentenceCount; i++)
            {
                if (sentences.Content[i] > 0)
                {
                    tally.Add(sentences.Content[i], SentenceFeatures.Overlap(sentences.KeysOf(i), linkedKeys), SentenceFeatures.Overlap(sentences.KeysOf(i), otherKeys));
                }
            }
        }
    }

    /// <summary>Whether a paragraph link is sure enough to fix: strong lexical evidence, lengths that agree, numbers that match.</summary>
    private static bool TrustedParagraphLink(BandedSearch.PathBead b)
    {
        BeadEvidence e = b.Evidence;
        double z = -0.8 + 7.0 * e.Similarity - 0.45 * Math.Abs(e.LengthDelta) + 0.6 * e.SharedNumbers - 0.3 * e.UnmatchedNumbers - (b.A == 1 && b.B == 1 ? 0 : 0.6);
        return z >= 2.2; // probability 0.9 under the first confidence model
    }

    private static void AddCut(List<(int I, int J)> cuts, int i, int j)
    {
        if ((i, j) == (0, 0) || (cuts.Count > 0 && cuts[^1] == (i, j)))
        {
            return;
        }

        cuts.Add((i, j));
    }
}
