using System.Globalization;
using System.Text;
using CyberGov.Align.Alignment;

namespace CyberGov.Align.Formats;

/// <summary>
/// Tab-separated output: <c>source&lt;TAB&gt;target&lt;TAB&gt;confidence</c> per bead; the sentences of a many-to-one
/// bead are joined with a space; tabs and line breaks inside sentences become spaces.
/// </summary>
public static class TsvFormat
{
    /// <summary>Writes the alignment as TSV.</summary>
    /// <param name="alignment">The alignment.</param>
    /// <param name="writer">The output.</param>
    public static void Write(AlignmentResult alignment, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(alignment);
        ArgumentNullException.ThrowIfNull(writer);
        var sb = new StringBuilder(256);
        foreach (Bead b in alignment.Beads)
        {
            sb.Clear();
            AppendClean(sb, alignment.SourceText(b, " "));
            sb.Append('\t');
            AppendClean(sb, alignment.TargetText(b, " "));
            sb.Append('\t').Append(b.Confidence.ToString("0.00", CultureInfo.InvariantCulture)).Append('\n');
            writer.Write(sb);
        }
    }

    private static void AppendClean(StringBuilder sb, string text)
    {
        foreach (char c in text)
        {
            sb.Append(c is '\t' or '\r' or '\n' ? ' ' : c);
        }
    }
}
