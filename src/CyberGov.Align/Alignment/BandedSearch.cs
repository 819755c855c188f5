namespace CyberGov.Align.Alignment;

/// <summary>
/// Dynamic programming over beads inside a band of the (source × target) grid: memory and time grow with the band's
/// area (rows × width), never with n × m.
/// </summary>
internal static class BandedSearch
{

    /// <summary>One bead of the best path with its evidence.</summary>
    internal readonly record struct PathBead(int I0, int A, int J0, int B, BeadEvidence Evidence);

    /// <summary>
    /// Best path from (i0, j0) to (i1, j1). <paramref name="lo"/>/<paramref name="hi"/> give, for each grid row
    /// i = i0..i1 (index i - i0), the inclusive range of grid columns allowed. They are made monotone and connected here.
    /// </summary>
    public static List<PathBead> Run(BeadScorer scorer, int i0, int i1, int j0, int j1, int[] lo, int[] hi, int shapeCount = int.MaxValue, CancellationToken cancellationToken = default) =>
        Run(scorer, i0, i1, j0, j1, lo, hi, shapeCount, null, out _, cancellationToken);

    /// <summary>
    /// <see cref="Run(BeadScorer, int, int, int, int, int[], int[], int, CancellationToken)"/> reusing <paramref name="overlaps"/>,
    /// the sentence-pair overlaps of an earlier search over (about) the same band (overlaps depend on the features only;
    /// null to compute them for this band), and handing back in <paramref name="used"/> the ones it used.
    /// </summary>
    public static List<PathBead> Run(BeadScorer scorer, int i0, int i1, int j0, int j1, int[] lo, int[] hi, int shapeCount, OverlapCache? overlaps, out OverlapCache used, CancellationToken cancellationToken = default)
    {
        int rows = i1 - i0 + 1;
        Normalize(lo, hi, j0, j1);

        used = overlaps ??= PairOverlaps(scorer, i0, j0, j1, rows, lo, hi);

        var offset = new long[rows + 1];
        for (int r = 0; r < rows; r++)
        {
            offset[r + 1] = offset[r] + (hi[r] - lo[r] + 1);
        }

        long cells = offset[rows];
        scorer.Work.AddCells(cells);
        var cost = new float[cells];
        var back = new byte[cells];
        Array.Fill(cost, float.PositiveInfinity);
        cost[Index(0, j0)] = 0;
        float nullCost = (float)scorer.NullCost;
        ReadOnlySpan<(int A, int B)> shapes = BeadScorer.Shapes.AsSpan(0, Math.Min(shapeCount, BeadScorer.Shapes.Length));
        bool wide = shapes.Length > BeadScorer.FirstWideShape;

        // For each row, where the rows 0..MaxSide above it start in the cost array and which columns they hold.
        Span<long> rowBase = stackalloc long[BeadScorer.MaxSide + 1];
        Span<int> rowLo = stackalloc int[BeadScorer.MaxSide + 1];
        Span<int> rowHi = stackalloc int[BeadScorer.MaxSide + 1];
        for (int r = 0; r < rows; r++)
        {
            if ((r & 63) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            for (int a = 0; a <= BeadScorer.MaxSide; a++)
            {
                int pr = r - a;
                (rowBase[a], rowLo[a], rowHi[a]) = pr < 0 ? (0, 1, 0) : (offset[pr] - lo[pr], lo[pr], hi[pr]);
            }

            int i = i0 + r;
            for (int j = lo[r]; j <= hi[r]; j++)
            {
                if (r == 0 && j == j0)
                {
                    continue;
                }

                // Wide 1-k and k-1 beads need every merged sentence supported: count how far back that holds once per cell
                // instead of trying each width.
                int targetRun = 0, sourceRun = 0;
                if (wide && r > 0 && j > j0)
                {
                    scorer.SupportedRuns(i - 1, j - 1, overlaps, out targetRun, out sourceRun);
                }

                float best = float.PositiveInfinity;
                byte bestShape = 255;
                for (int k = 0; k < shapes.Length; k++)
                {
                    (int a, int b) = shapes[k];
                    int pj = j - b;
                    if (pj < rowLo[a] || pj > rowHi[a] || (k >= BeadScorer.FirstWideShape && (a == 1 ? b > targetRun : a > sourceRun)))
                    {
                        continue; // also rows above the first (empty range), columns before j0 (lo ≥ j0), unsupported wide beads
                    }

                    float previous = cost[rowBase[a] + pj];
                    if (float.IsPositiveInfinity(previous))
                    {
                        continue;
                    }

                    float c = a == 0 || b == 0 ? previous + nullCost : scorer.Extend(previous, best, k, a, b, i - a, pj, overlaps);
                    if (c < best)
                    {
                        best = c;
                        bestShape = (byte)k;
                    }
                }

                long idx = rowBase[0] + j;
                cost[idx] = best;
                back[idx] = bestShape;
            }
        }

        // Backtrack from the end.
        var path = new List<PathBead>();
        int ri = rows - 1, cj = j1;
        if (float.IsPositiveInfinity(cost[Index(ri, cj)]))
        {
            throw new InvalidOperationException("internal error: the search band does not connect its corners");
        }

        while (ri > 0 || cj > j0)
        {
            byte k = back[Index(ri, cj)];
            (int a, int b) = BeadScorer.Shapes[k];
            int si = i0 + ri - a, tj = cj - b;
            path.Add(new PathBead(si, a, tj, b, scorer.Score(k, si, tj, overlaps)));
            ri -= a;
            cj = tj;
        }

        path.Reverse();
        return path;

        long Index(int r, int j) => offset[r] + (j - lo[r]);
    }

    /// <summary>The shapes <see cref="Posteriors"/> sums over besides the path's own beads: the first pass's (up to 2-2, 3-1 and 1-3; with only 1-1, the null beads and the merges of two the posteriors were overconfident).</summary>
    private const int PosteriorShapes = BeadScorer.FirstPassShapes;

    /// <summary>Beads of a path per piece of <see cref="Posteriors"/> (pieces run on all cores).</summary>
    private const int PosteriorPieceBeads = 512;

    /// <summary>
    /// Terms of a posterior sum more than this many temperatures above the cheapest are left out (each weighs less than
    /// e^-<c>PosteriorCutoff</c> of it), so the scorer's bounds can drop such beads before their costly parts.
    /// </summary>
    private const double PosteriorCutoff = 15;

    /// <summary>
    /// For each bead of <paramref name="path"/>, its posterior probability: reading the cost of every alignment as a
    /// negative log-likelihood at <paramref name="temperature"/>, the share of the probability of all alignments near
    /// the path that the alignments containing this bead hold. Forward and backward sums (log-sum-exp where the search
    /// takes the minimum) over the first pass's bead shapes in a corridor of <paramref name="width"/> columns around
    /// the path, plus the path's own beads (so a wide bead is an alternative like any other). The path is cut into
    /// pieces between 1-1 beads, summed on all cores; a piece's ends are taken as certain.
    /// </summary>
    public static double[] Posteriors(BeadScorer scorer, List<PathBead> path, int width, double temperature, CancellationToken cancellationToken = default)
    {
        var result = new double[path.Count];
        List<int> cuts = [0];
        for (int k = 1; k < path.Count; k++)
        {
            if (k - cuts[^1] >= PosteriorPieceBeads && path[k - 1] is { A: 1, B: 1 } && path[k] is { A: 1, B: 1 })
            {
                cuts.Add(k);
            }
        }

        cuts.Add(path.Count);
        Parallel.For(0, cuts.Count - 1, new ParallelOptions { CancellationToken = cancellationToken }, c =>
            PiecePosteriors(scorer, path, cuts[c], cuts[c + 1], width, temperature, result, cancellationToken));
        return result;
    }

    private static void PiecePosteriors(BeadScorer scorer, List<PathBead> path, int start, int end, int width, double temperature, double[] result, CancellationToken cancellationToken)
    {
        if (end <= start)
        {
            return;
        }

        int i0 = path[start].I0, j0 = path[start].J0, i1 = path[end - 1].I0 + path[end - 1].A, j1 = path[end - 1].J0 + path[end - 1].B;
        int rows = i1 - i0 + 1;
        var lo = new int[rows];
        var hi = new int[rows];
        Corridor(path, start, end, i0, width, lo, hi);
        Normalize(lo, hi, j0, j1);
        OverlapCache overlaps = PairOverlaps(scorer, i0, j0, j1, rows, lo, hi, side: 3);
        var offset = new long[rows + 1];
        for (int r = 0; r < rows; r++)
        {
            offset[r + 1] = offset[r] + (hi[r] - lo[r] + 1);
        }

        long cells = offset[rows];
        scorer.Work.AddCells(cells);

        // Edge costs by the cell where the bead ends: the first pass's shapes, then the path's own bead ending there
        // when its shape is not one of them (kept for the backward sums, with the cell where that bead starts); and
        // each path bead by the cell where it starts.
        const int Edges = PosteriorShapes + 1;
        var edge = new float[cells * Edges];
        Array.Fill(edge, float.PositiveInfinity);
        var ownStart = new Dictionary<long, long>();
        var startsAt = new int[cells];
        Array.Fill(startsAt, -1);
        for (int k = start; k < end; k++)
        {
            PathBead b = path[k];
            long first = Index(b.I0 - i0, b.J0);
            startsAt[first] = k;
            if (BeadScorer.ShapeIndex(b.A, b.B) >= PosteriorShapes)
            {
                long last = Index(b.I0 + b.A - i0, b.J0 + b.B);
                edge[(last * Edges) + PosteriorShapes] = (float)b.Evidence.Cost;
                ownStart[last] = first;
            }
        }

        double t = temperature, cutoff = PosteriorCutoff * temperature;
        float nullCost = (float)scorer.NullCost;
        var forward = new double[cells];
        Array.Fill(forward, double.PositiveInfinity);
        forward[Index(0, j0)] = 0;
        for (int r = 0; r < rows; r++)
        {
            if ((r & 63) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            for (int j = lo[r]; j <= hi[r]; j++)
            {
                if (r == 0 && j == j0)
                {
                    continue;
                }

                long idx = Index(r, j);
                var sum = new SoftMin(t);
                for (int k = 0; k < PosteriorShapes; k++)
                {
                    (int a, int b) = BeadScorer.Shapes[k];
                    int pr = r - a, pj = j - b;
                    if (pr < 0 || pj < lo[pr] || pj > hi[pr])
                    {
                        continue;
                    }

                    double previous = forward[Index(pr, pj)];
                    if (double.IsPositiveInfinity(previous))
                    {
                        continue;
                    }

                    // The bead's cost alone (previous 0), cut by the scorer's bounds when it cannot come within the cutoff.
                    float c = a == 0 || b == 0 ? nullCost : scorer.Extend(0, (float)(sum.Minimum + cutoff - previous), k, a, b, i0 + pr, pj, overlaps);
                    if (!float.IsPositiveInfinity(c))
                    {
                        edge[(idx * Edges) + k] = c;
                        sum.Add(previous + c);
                    }
                }

                float own = edge[(idx * Edges) + PosteriorShapes];
                if (!float.IsPositiveInfinity(own))
                {
                    // The path's own (wide) bead ending here.
                    sum.Add(forward[ownStart[idx]] + own);
                }

                forward[idx] = sum.Value;
            }
        }

        var backward = new double[cells];
        Array.Fill(backward, double.PositiveInfinity);
        backward[Index(rows - 1, j1)] = 0;
        for (int r = rows - 1; r >= 0; r--)
        {
            for (int j = hi[r]; j >= lo[r]; j--)
            {
                long idx = Index(r, j);
                if (r == rows - 1 && j == j1)
                {
                    continue;
                }

                var sum = new SoftMin(t);
                for (int k = 0; k < PosteriorShapes; k++)
                {
                    (int a, int b) = BeadScorer.Shapes[k];
                    int nr = r + a, nj = j + b;
                    if (nr < rows && nj >= lo[nr] && nj <= hi[nr])
                    {
                        long next = Index(nr, nj);
                        sum.Add(backward[next] + edge[(next * Edges) + k]);
                    }
                }

                if (startsAt[idx] is int pk and >= 0)
                {
                    PathBead b = path[pk];
                    long next = Index(b.I0 + b.A - i0, b.J0 + b.B);
                    sum.Add(backward[next] + edge[(next * Edges) + PosteriorShapes]);
                }

                backward[idx] = sum.Value;
            }
        }

        double total = forward[Index(rows - 1, j1)];
        for (int k = start; k < end; k++)
        {
            PathBead b = path[k];
            long last = Index(b.I0 + b.A - i0, b.J0 + b.B);
            float c = edge[(last * Edges) + Math.Min(BeadScorer.ShapeIndex(b.A, b.B), PosteriorShapes)];
            result[k] = float.IsPositiveInfinity(c) ? 0 : Math.Min(1, Math.Exp(-(forward[Index(b.I0 - i0, b.J0)] + c + backward[last] - total) / t));
        }

        long Index(int r, int j) => offset[r] + (j - lo[r]);
    }

    /// <summary>
    /// Fills <paramref name="lo"/>/<paramref name="hi"/> (indexed by row − <paramref name="i0"/>) with the band of
    /// beads [<paramref name="start"/>, <paramref name="end"/>) of <paramref name="path"/>, widened by
    /// <paramref name="width"/> columns on each side.
    /// </summary>
    internal static void Corridor(List<PathBead> path, int start, int end, int i0, int width, int[] lo, int[] hi)
    {
        Array.Fill(lo, int.MaxValue);
        Array.Fill(hi, int.MinValue);
        for (int k = start; k < end; k++)
        {
            PathBead b = path[k];
            for (int i = b.I0; i <= b.I0 + b.A; i++)
            {
                lo[i - i0] = Math.Min(lo[i - i0], b.J0 - width);
                hi[i - i0] = Math.Max(hi[i - i0], b.J0 + b.B + width);
            }
        }
    }

    /// <summary>−T·ln Σ exp(−x/T) over the values added, kept stable with the running minimum.</summary>
    private struct SoftMin(double temperature)
    {
        private double _min = double.PositiveInfinity;
        private double _sum;

        /// <summary>The least value added (+∞ before any).</summary>
        public readonly double Minimum => _min;

        public readonly double Value => double.IsPositiveInfinity(_min) ? double.PositiveInfinity : _min - (temperature * Math.Log(_sum));

        public void Add(double x)
        {
            if (double.IsPositiveInfinity(x))
            {
                return;
            }

            if (x < _min)
            {
                _sum = (double.IsPositiveInfinity(_min) ? 0 : _sum * Math.Exp((x - _min) / temperature)) + 1;
                _min = x;
            }
            else
            {
                _sum += Math.Exp((_min - x) / temperature);
            }
        }
    }

    /// <summary>
    /// The overlaps of the sentence pairs (s, t) that beads of up to <paramref name="side"/> sentences a side (by
    /// default <see cref="BeadScorer.CachedSide"/>) in the band can contain. Sentence s (grid row r = s - i0) is in beads
    /// that end on rows r + 1 .. r + side, whose target sentences lie in [lo[r + 1] - side, hi[r + side] - 1] (the band
    /// is monotone): all of them are cached, so the search never computes those twice. The few wide beads that pass the
    /// cheap bound read the pairs beyond on demand.
    /// </summary>
    private static OverlapCache PairOverlaps(BeadScorer scorer, int i0, int j0, int j1, int rows, int[] lo, int[] hi, int side = BeadScorer.CachedSide)
    {
        int pairRows = Math.Max(0, rows - 1);
        var pairLo = new int[pairRows];
        var pairHi = new int[pairRows];
        for (int r = 0; r < pairRows; r++)
        {
            pairLo[r] = Math.Max(j0, lo[r + 1] - side);
            pairHi[r] = Math.Min(j1 - 1, hi[Math.Min(r + side, rows - 1)] - 1);
        }

        return new OverlapCache(scorer, i0, pairLo, pairHi);
    }

    /// <summary>Clamps to [j0, j1], forces the corners in, and makes lo/hi non-decreasing and connected row to row.</summary>
    private static void Normalize(int[] lo, int[] hi, int j0, int j1)
    {
        int rows = lo.Length;
        lo[0] = j0;
        hi[rows - 1] = j1;
        for (int r = 0; r < rows; r++)
        {
            lo[r] = Math.Clamp(lo[r], j0, j1);
            hi[r] = Math.Clamp(hi[r], j0, j1);
        }

        for (int r = 1; r < rows; r++)
        {
            lo[r] = Math.Max(lo[r], lo[r - 1]);
        }

        for (int r = rows - 2; r >= 0; r--)
        {
            hi[r] = Math.Min(hi[r], hi[r + 1]);
        }

        for (int r = 0; r < rows; r++)
        {
            hi[r] = Math.Max(hi[r], lo[r]);
        }

        // Connected: every row must reach at least the next row's lowest column.
        for (int r = 0; r < rows - 1; r++)
        {
            hi[r] = Math.Max(hi[r], lo[r + 1]);
        }

        lo[rows - 1] = Math.Min(lo[rows - 1], j1);
    }
}
