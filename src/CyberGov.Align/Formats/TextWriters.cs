using System.Globalization;
using System.Text;
using CyberGov.Align.Alignment;
using CyberGov.Align.Text;

namespace CyberGov.Align.Formats;

/// <summary>TSV: <c>source&lt;TAB&gt;target&lt;TAB&gt;confidence</c> per bead; a many-sentence side is joined with a space; tabs and line breaks inside sentences become spaces.</summary>
/// <param name="options">Settings; null for the defaults.</param>
public sealed class TsvWriter(WriterOptions? options = null) : AlignmentWriter(options)
{
    /// <inheritdoc />
    public override string Name => "tsv";

    /// <inheritdoc />
    public override string FileExtension => ".tsv";

    /// <inheritdoc />
    protected override AlignmentWriterSession Open(AlignmentResult alignment, TextWriter writer) => new LineSession(writer, (sb, b) =>
    {
        FormatText.AppendFlat(sb, alignment.SourceText(b, " "));
        sb.Append('\t');
        FormatText.AppendFlat(sb, alignment.TargetText(b, " "));
        sb.Append('\t');
        FormatText.AppendConfidence(sb, b.Confidence, Options.ConfidenceDecimals);
    });

    /// <summary>Partial alignments get a fourth column: the link (quote, paraphrase or unlinked).</summary>
    protected override AlignmentWriterSession OpenPartial(PartialAlignmentResult alignment, TextWriter writer) => new LineSession(writer, null, (sb, l) =>
    {
        FormatText.AppendFlat(sb, alignment.SourceText(l));
        sb.Append('\t');
        FormatText.AppendFlat(sb, alignment.TargetText(l));
        sb.Append('\t');
        FormatText.AppendConfidence(sb, l.Confidence, Options.ConfidenceDecimals);
        sb.Append('\t').Append(l.LinkName);
    });
}

/// <summary>
/// The alignment-index format of the gold files: <c>[0]:[0,1]:0.93</c> per bead — 0-based source indices, target
/// indices (<c>[]</c> for an empty side) and the confidence. Read it back with <see cref="IndexFormat.Read"/>.
/// </summary>
/// <param name="options">Settings; null for the defaults.</param>
/// <param name="includeConfidence">Append <c>:confidence</c>.</param>
public sealed class IndexWriter(WriterOptions? options = null, bool includeConfidence = true) : AlignmentWriter(options)
{
    /// <inheritdoc />
    public override string Name => "index";

    /// <inheritdoc />
    public override string FileExtension => ".align";

    /// <inheritdoc />
    protected override AlignmentWriterSession Open(AlignmentResult alignment, TextWriter writer) => new LineSession(writer, (sb, b) =>
    {
        AppendRange(sb, b.SourceStart, b.SourceCount);
        sb.Append(':');
        AppendRange(sb, b.TargetStart, b.TargetCount);
        if (includeConfidence)
        {
            sb.Append(':');
            FormatText.AppendConfidence(sb, b.Confidence, Options.ConfidenceDecimals);
        }
    });

    /// <summary>Partial alignments: the original's sentences in any order, e.g. <c>[3,17]:[5]:0.93</c>.</summary>
    protected override AlignmentWriterSession OpenPartial(PartialAlignmentResult alignment, TextWriter writer) => new LineSession(writer, null, (sb, l) =>
    {
        AppendList(sb, l.Source);
        sb.Append(':');
        AppendList(sb, Enumerable.Range(l.TargetStart, l.TargetCount));
        if (includeConfidence)
        {
            sb.Append(':');
            FormatText.AppendConfidence(sb, l.Confidence, Options.ConfidenceDecimals);
        }
    });

    private static void AppendRange(StringBuilder sb, int start, int count) => AppendList(sb, Enumerable.Range(start, count));

    private static void AppendList(StringBuilder sb, IEnumerable<int> indices)
    {
        sb.Append('[');
        bool first = true;
        foreach (int i in indices)
        {
            sb.Append(first ? string.Empty : ",").Append(i.ToString(CultureInfo.InvariantCulture));
            first = false;
        }

        sb.Append(']');
    }
}

/// <summary>
/// Hunalign's ladder format: one rung per line, <c>sourceIndex&lt;TAB&gt;targetIndex&lt;TAB&gt;confidence</c>, where each
/// rung is where a bead starts and consecutive rungs delimit it; the last rung is (source count, target count). Null
/// beads are always written (leaving one out would merge it into its neighbour).
/// </summary>
/// <param name="options">Settings; null for the defaults.</param>
public sealed class LadderWriter(WriterOptions? options = null) : AlignmentWriter((options ?? WriterOptions.Default) with { IncludeNullBeads = true })
{
    /// <inheritdoc />
    public override string Name => "ladder";

    /// <inheritdoc />
    public override string FileExtension => ".ladder";

    /// <inheritdoc />
    protected override AlignmentWriterSession Open(AlignmentResult alignment, TextWriter writer) => new LadderSession(alignment, writer, Options.ConfidenceDecimals);

    private sealed class LadderSession(AlignmentResult alignment, TextWriter writer, int decimals) : LineSession(writer, (sb, b) =>
    {
        sb.Append(b.SourceStart.ToString(CultureInfo.InvariantCulture)).Append('\t').Append(b.TargetStart.ToString(CultureInfo.InvariantCulture)).Append('\t');
        FormatText.AppendConfidence(sb, b.Confidence, decimals);
    })
    {
        public override void Close()
        {
            Writer.Write($"{alignment.Source.Sentences.Count}\t{alignment.Target.Sentences.Count}\t{FormatText.Confidence(1.0, decimals)}\n");
        }
    }
}

/// <summary>
/// Moses parallel files: two plain-text files, line i of one translating line i of the other (a many-sentence side is
/// joined into one line). Null beads are left out, because a line with no counterpart is no training pair; count them
/// with <see cref="AlignmentResult.Beads"/> if needed.
/// </summary>
public static class MosesWriter
{
    /// <summary>Writes the two sides.</summary>
    /// <param name="alignment">The alignment.</param>
    /// <param name="source">Output for the source side.</param>
    /// <param name="target">Output for the target side.</param>
    /// <param name="cancellationToken">Checked between beads.</param>
    /// <returns>The number of line pairs written.</returns>
    public static int Write(AlignmentResult alignment, TextWriter source, TextWriter target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alignment);
        return WritePairs(alignment.Beads.Where(b => !b.IsNull).Select(b => (alignment.SourceText(b), alignment.TargetText(b))), source, target, cancellationToken);
    }

    /// <summary>Writes the linked rows of a partial alignment: each report passage beside the original sentences it renders (unlinked rows are left out).</summary>
    /// <param name="alignment">The partial alignment.</param>
    /// <param name="source">Output for the original's side.</param>
    /// <param name="target">Output for the report's side.</param>
    /// <param name="cancellationToken">Checked between rows.</param>
    /// <returns>The number of line pairs written.</returns>
    public static int Write(PartialAlignmentResult alignment, TextWriter source, TextWriter target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alignment);
        return WritePairs(alignment.Links.Where(l => l.Kind != QuoteLinkKind.Unlinked).Select(l => (alignment.SourceText(l), alignment.TargetText(l))), source, target, cancellationToken);
    }

    private static int WritePairs(IEnumerable<(string Source, string Target)> pairs, TextWriter source, TextWriter target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        var sb = new StringBuilder(256);
        int lines = 0;
        foreach ((string s, string t) in pairs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            sb.Clear();
            FormatText.AppendFlat(sb, s);
            source.Write(sb.Append('\n'));
            sb.Clear();
            FormatText.AppendFlat(sb, t);
            target.Write(sb.Append('\n'));
            lines++;
        }

        source.Flush();
        target.Flush();
        return lines;
    }
}

/// <summary>A session that writes one line per bead (or per row of a partial alignment) through a reused builder.</summary>
internal class LineSession(TextWriter writer, Action<StringBuilder, Bead>? format, Action<StringBuilder, QuoteLink>? link = null) : AlignmentWriterSession
{
    private readonly StringBuilder _line = new(256);

    protected TextWriter Writer => writer;

    public override void Bead(Bead bead)
    {
        _line.Clear();
        (format ?? throw new NotSupportedException("this session writes the rows of a partial alignment"))(_line, bead);
        writer.Write(_line.Append('\n'));
    }

    public override void Link(QuoteLink row)
    {
        _line.Clear();
        (link ?? throw new NotSupportedException("this session writes beads"))(_line, row);
        writer.Write(_line.Append('\n'));
    }
}

/// <summary>Text helpers shared by the writers.</summary>
internal static class FormatText
{
    /// <summary>
    /// An indented XML writer over <paramref name="writer"/> for the XML formats (TMX, XLIFF): the caller writes the
    /// declaration itself (so the bytes do not depend on the writer's encoding), newlines are \n, the output stays open.
    /// </summary>
    public static System.Xml.XmlWriter XmlWriter(TextWriter writer)
    {
        writer.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        return System.Xml.XmlWriter.Create(writer, new System.Xml.XmlWriterSettings
        {
            OmitXmlDeclaration = true,
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = System.Xml.NewLineHandling.Replace,
            CloseOutput = false,
            ConformanceLevel = System.Xml.ConformanceLevel.Document,
        });
    }

    /// <summary>The text with characters XML 1.0 cannot carry replaced by U+FFFD (returns the same string when there are none), for the XML formats.</summary>
    public static string XmlSafe(string text)
    {
        int bad = FirstInvalid(text);
        if (bad < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else
            {
                sb.Append(System.Xml.XmlConvert.IsXmlChar(c) ? c : '\uFFFD');
            }
        }

        return sb.ToString();
    }

    private static int FirstInvalid(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (!System.Xml.XmlConvert.IsXmlChar(c))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Appends text with tabs and line breaks turned into spaces (one record per line).</summary>
    public static void AppendFlat(StringBuilder sb, string text)
    {
        foreach (char c in text)
        {
            sb.Append(c is '\t' or '\r' or '\n' ? ' ' : c);
        }
    }

    public static string Confidence(double value, int decimals) => value.ToString(decimals == 0 ? "0" : "0." + new string('0', decimals), CultureInfo.InvariantCulture);

    public static void AppendConfidence(StringBuilder sb, double value, int decimals) => sb.Append(Confidence(value, decimals));

    /// <summary>The language tag used in TMX and HTML (<c>zh-CN</c>, <c>en</c>).</summary>
    public static string LanguageTag(Language language) => language switch
    {
        Language.Chinese => "zh-CN",
        Language.English => "en",
        _ => "und",
    };
}
