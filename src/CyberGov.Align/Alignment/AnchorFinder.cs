using CyberGov.Align.Scoring;

namespace CyberGov.Align.Alignment;

/// <summary>
/// Finds confident 1-1 anchor points in linear time: sentence pairs that share rare keys (words, Latin tokens or
/// numbers that occur in at most a few sentences of each document) and score well as a 1-1 bead, reduced to the
/// longest monotone chain. The first search pass is steered through them.
/// </summary>
internal static class AnchorFinder
{
    private const int MaxDocumentFrequency = 3;

    public static List<(int I, int J)> Find(BeadScorer scorer, int i0, int i1, int j0, int j1, double[] expectedColumn)
    {
        SentenceFeatures s = scorer.Source, t = scorer.Target;

        // Document frequency of each key on both sides, within the range.
        var dfT = new Dictionary<int, int>();
        for (int j = j0; j < j1; j++)
        {
            foreach (int k in t.KeysOf(j))
            {
                dfT[k] = dfT.GetValueOrDefault(k) + 1;
            }
        }

        var dfS = new Dictionary<int, int>();
        for (int i = i0; i < i1; i++)
        {
            foreach (int k in s.KeysOf(i))
            {
                dfS[k] = dfS.GetValueOrDefault(k) + 1;
            }
        }

        // Postings of rare target keys.
        var postings = new Dictionary<int, List<int>>();
        for (int j = j0; j < j1; j++)
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

        int window = Math.Max(60, (j1 - j0) / 8);
        var candidates = new Dictionary<int, int>();
        var anchors = new List<(int I, int J)>();
        var noCache = OverlapCache.None(scorer);
        for (int i = i0; i < i1; i++)
        {
            candidates.Clear();
            foreach (int k in s.KeysOf(i))
            {
                if (postings.TryGetValue(k, out List<int>? list) && dfS[k] <= MaxDocumentFrequency)
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

        return LongestIncreasingChain(anchors);
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
