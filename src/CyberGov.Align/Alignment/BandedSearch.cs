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

    /// <summary>
    /// The overlaps of the sentence pairs (s, t) that beads of up to <see cref="BeadScorer.CachedSide"/> sentences a side
    /// in the band can contain. Sentence s (grid row r = s - i0) is in beads that end on rows r + 1 .. r + CachedSide,
    /// whose target sentences lie in [lo[r + 1] - CachedSide, hi[r + CachedSide] - 1] (the band is monotone): all of
    /// them are cached, so the search never computes those twice. The few wide beads that pass the cheap bound read
    /// the pairs beyond on demand.
    /// </summary>
    private static OverlapCache PairOverlaps(BeadScorer scorer, int i0, int j0, int j1, int rows, int[] lo, int[] hi)
    {
        int pairRows = Math.Max(0, rows - 1);
        var pairLo = new int[pairRows];
        var pairHi = new int[pairRows];
        for (int r = 0; r < pairRows; r++)
        {
            pairLo[r] = Math.Max(j0, lo[r + 1] - BeadScorer.CachedSide);
            pairHi[r] = Math.Min(j1 - 1, hi[Math.Min(r + BeadScorer.CachedSide, rows - 1)] - 1);
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
