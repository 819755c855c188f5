using CyberGov.Align.Scoring;

namespace CyberGov.Align.Alignment;

/// <summary>
/// Finds confident 1-1 anchor points in linear time: sentence pairs that share rare keys (words, Latin tokens or
/// numbers that occur in at most a few sentences of a block of the source and of its expected target window) and score
/// well as a 1-1 bead, reduced to the longest monotone chain. The first search pass is steered through them.
/// </summary>
internal static class AnchorFinder
{
    private const int MaxDocumentFrequency = 3;

    /// <summary>Source rows per block: keys are counted as rare within a block and its target window, so a long document that repeats itself (or a corpus of similar texts) still has anchors.</summary>
    private const int BlockRows = 1000;

    public static List<(int I, int J)> Find(BeadScorer scorer, int i0, int i1, int j0, int j1, double[] expectedColumn, CancellationToken cancellationToken = default)
    {
        int window = Math.Max(60, Math.Min(j1 - j0, 8 * BlockRows) / 8);

        // Blocks are independent (each counts its own rare keys): find their anchors on all cores, then join them in
        // block order, so the result does not depend on the scheduling.
        int blocks = (i1 - i0 + BlockRows - 1) / BlockRows;
        var found = new List<(int I, int J)>[blocks];
        Parallel.For(0, blocks, new ParallelOptions { CancellationToken = cancellationToken }, block =>
        {
            int b0 = i0 + (block * BlockRows);
            int b1 = Math.Min(i1, b0 + BlockRows);
            int t0 = Math.Max(j0, (int)expectedColumn[b0 - i0] - window);
            int t1 = Math.Min(j1, (int)expectedColumn[b1 - i0] + window + 1);
            found[block] = FindInBlock(scorer, b0, b1, t0, t1, i0, expectedColumn, window);
        });

        var anchors = new List<(int I, int J)>(found.Sum(f => f.Count));
        foreach (List<(int I, int J)> f in found)
        {
            anchors.AddRange(f);
        }

        return LongestIncreasingChain(anchors);
    }

    /// <summary>The anchors of source rows [<paramref name="b0"/>, <paramref name="b1"/>) among targets [<paramref name="t0"/>, <paramref name="t1"/>), by row.</summary>
    private static List<(int I, int J)> FindInBlock(BeadScorer scorer, int b0, int b1, int t0, int t1, int i0, double[] expectedColumn, int window)
    {
        SentenceFeatures s = scorer.Source, t = scorer.Target;
        var dfS = new Dictionary<int, int>();
        var dfT = new Dictionary<int, int>();
        var postings = new Dictionary<int, List<int>>();
        var candidates = new Dictionary<int, int>();
        var anchors = new List<(int I, int J)>();
        OverlapCache noCache = OverlapCache.None(scorer);
        for (int j = t0; j < t1; j++)
        {
            foreach (int k in t.KeysOf(j))
            {
                dfT[k] = dfT.GetValueOrDefault(k) + 1;
            }
        }

        for (int i = b0; i < b1; i++)
        {
            foreach (int k in s.KeysOf(i))
            {
                dfS[k] = dfS.GetValueOrDefault(k) + 1;
            }
        }

        // Postings of keys rare on both sides.
        for (int j = t0; j < t1; j++)
        {
            foreach (int k in t.KeysOf(j))
            {
                if (dfT[k] <= MaxDocumentFrequency && dfS.TryGetValue(k, out int ds) && ds <= MaxDocumentFrequency)
                {
                    if (!postings.TryGetValue(k, out List<int>? list))
                    {
                        postings[k] = list = new List<int>(2);
                    }

                    list.Add(j);
                }
            }
        }

        for (int i = b0; i < b1; i++)
        {
            candidates.Clear();
            foreach (int k in s.KeysOf(i))
            {
                if (postings.TryGetValue(k, out List<int>? list))
                {
                    foreach (int j in list)
                    {
                        if (Math.Abs(j - expectedColumn[i - i0]) <= window)
                        {
                            candidates[j] = candidates.GetValueOrDefault(j) + 1;
                        }
                    }
                }
            }

            int bestJ = -1;
            double bestCost = double.MaxValue, secondCost = double.MaxValue;
            foreach ((int j, int shared) in candidates)
            {
                if (shared < 2)
                {
                    continue;
                }

                BeadEvidence e = scorer.Score(0, i, j, noCache);
                if (e.Similarity < 0.25)
                {
                    continue;
                }

                if (e.Cost < bestCost)
                {
                    secondCost = bestCost;
                    bestCost = e.Cost;
                    bestJ = j;
                }
                else if (e.Cost < secondCost)
                {
                    secondCost = e.Cost;
                }
            }

            if (bestJ >= 0 && secondCost - bestCost > 1.0)
            {
                anchors.Add((i, bestJ));
            }
        }

        return anchors;
    }

    /// <summary>The longest chain with strictly increasing i and j (patience sorting, O(k log k)).</summary>
    private static List<(int I, int J)> LongestIncreasingChain(List<(int I, int J)> points)
    {
        // points are sorted by I (one per I).
        var tailIndex = new List<int>();
        var previous = new int[points.Count];
        var tails = new List<int>();
        for (int p = 0; p < points.Count; p++)
        {
            int j = points[p].J;
            int lo = 0, hi = tails.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) >> 1;
                if (tails[mid] < j)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            previous[p] = lo > 0 ? tailIndex[lo - 1] : -1;
            if (lo == tails.Count)
            {
                tails.Add(j);
                tailIndex.Add(p);
            }
            else
            {
                tails[lo] = j;
                tailIndex[lo] = p;
            }
        }

        var chain = new List<(int I, int J)>(tails.Count);
        for (int p = tails.Count > 0 ? tailIndex[^1] : -1; p >= 0; p = previous[p])
        {
            chain.Add(points[p]);
        }

        chain.Reverse();
        return chain;
    }
}
