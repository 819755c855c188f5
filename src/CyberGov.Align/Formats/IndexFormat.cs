using System.Globalization;
using System.Text;
using CyberGov.Align.Alignment;
using CyberGov.Align.Text;

namespace CyberGov.Align.Formats;

/// <summary>One bead of an alignment file: source and target sentence indices (0-based), and a confidence if given.</summary>
/// <param name="Source">Source sentence indices.</param>
/// <param name="Target">Target sentence indices.</param>
/// <param name="Confidence">The confidence, or null.</param>
public sealed record IndexBead(int[] Source, int[] Target, double? Confidence);

/// <summary>
/// Reads the alignment-index format of the gold files: one bead per line, <c>[0]:[0,1]:0.93</c> — source indices,
/// target indices (<c>[]</c> for an empty side) and, optionally, the confidence. <see cref="IndexWriter"/> writes it.
/// </summary>
public static class IndexFormat
{
    /// <summary>Reads an alignment file.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="name">File name for messages.</param>
    /// <returns>The beads.</returns>
    /// <exception cref="InputFormatException">A line that is not <c>[…]:[…]</c> (optionally <c>:number</c>).</exception>
    public static List<IndexBead> Read(TextReader reader, string name = "<alignment>")
    {
        ArgumentNullException.ThrowIfNull(reader);
        var beads = new List<IndexBead>();
        int line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            ReadOnlySpan<char> s = text.AsSpan().Trim();
            if (s.IsEmpty)
            {
                continue;
            }

            int pos = 0;
            int[] source = ReadList(s, ref pos, name, line);
            Expect(s, ref pos, ':', name, line);
            int[] target = ReadList(s, ref pos, name, line);
            double? confidence = null;
            if (pos < s.Length)
            {
                Expect(s, ref pos, ':', name, line);
                if (!double.TryParse(s[pos..], NumberStyles.Float, CultureInfo.InvariantCulture, out double c))
                {
                    throw new InputFormatException(name, line, -1, $"bad confidence '{s[pos..]}'");
                }

                confidence = c;
            }

            beads.Add(new IndexBead(source, target, confidence));
        }

        return beads;
    }

    /// <summary>Reads an alignment file from disk.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The beads.</returns>
    public static List<IndexBead> ReadFile(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Read(reader, path);
    }

    private static void Expect(ReadOnlySpan<char> s, ref int pos, char c, string name, int line)
    {
        if (pos >= s.Length || s[pos] != c)
        {
            throw new InputFormatException(name, line, -1, $"expected '{c}' at column {pos + 1} in '{s}' (format: [0]:[0,1]:0.93)");
        }

        pos++;
    }

    private static int[] ReadList(ReadOnlySpan<char> s, ref int pos, string name, int line)
    {
        Expect(s, ref pos, '[', name, line);
        int close = s[pos..].IndexOf(']');
        if (close < 0)
        {
            throw new InputFormatException(name, line, -1, $"missing ']' in '{s}'");
        }

        ReadOnlySpan<char> inner = s.Slice(pos, close);
        pos += close + 1;
        if (inner.Trim().IsEmpty)
        {
            return [];
        }

        var values = new List<int>();
        foreach (Range r in inner.Split(','))
        {
            if (!int.TryParse(inner[r].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int v))
            {
                throw new InputFormatException(name, line, -1, $"bad sentence index '{inner[r]}'");
            }

            values.Add(v);
        }

        return [.. values];
    }
}
