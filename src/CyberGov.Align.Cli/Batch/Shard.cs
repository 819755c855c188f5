using System.Globalization;

namespace CyberGov.Align.Cli.Batch;

/// <summary>A deterministic share of a batch: pair k belongs to shard <c>k mod Count</c>.</summary>
/// <param name="Index">This shard, 0-based.</param>
/// <param name="Count">How many shards there are.</param>
internal readonly record struct Shard(int Index, int Count)
{
    public static Shard All => new(0, 1);

    /// <summary>Parses <c>I/N</c> with 0 ≤ I &lt; N.</summary>
    public static Shard Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return All;
        }

        string[] parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int i)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n)
            && n >= 1 && i < n)
        {
            return new Shard(i, n);
        }

        throw new ArgumentException($"--shard '{text}': expected I/N with 0 <= I < N, e.g. 0/4");
    }

    public bool Contains(int pairIndex) => pairIndex % Count == Index;
}
