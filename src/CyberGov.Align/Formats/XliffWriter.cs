using System.Xml;
using CyberGov.Align.Alignment;
using CyberGov.Align.Review;

namespace CyberGov.Align.Formats;

/// <summary>
/// XLIFF, the bilingual exchange format CAT tools read: one unit per bead, the source side as <c>source</c> and the
/// target side as <c>target</c>, with the bead's confidence, shape and sentence numbers and the review's findings
/// (omission, addition, numbers that differ, low confidence …) as metadata. <see cref="Xliff12Writer"/> writes XLIFF 1.2
/// (what most CAT tools read), <see cref="Xliff21Writer"/> XLIFF 2.1. Characters XML 1.0 cannot carry become U+FFFD; no
/// date is written, so the same alignment gives the same bytes.
/// </summary>
/// <param name="options">Settings; null for the defaults.</param>
public abstract class XliffWriter(WriterOptions? options) : AlignmentWriter(options)
{
    /// <inheritdoc />
    public override string FileExtension => ".xlf";

    /// <summary>Writes the document element and the file's start; <see cref="WriteUnit"/> follows for every bead.</summary>
    private protected abstract void WriteStart(XmlWriter xml, Text.Document source, Text.Document target, string sourceLang, string targetLang);

    /// <summary>Writes one bead as a unit.</summary>
    private protected abstract void WriteUnit(XmlWriter xml, UnitData unit);

    /// <summary>
    /// What a unit carries: <c>Kind</c> is a bead's shape (<c>2-1</c>) or a partial row's link (<c>quote</c>); <c>Notes</c>
    /// are findings or fidelity flags; <c>NeedsReview</c> says whether a reviewer should look at the unit (an omission,
    /// addition, numbers that differ, a probable move or low confidence, while splits and merges are only noted; for a
    /// partial row, a flag or low confidence).
    /// </summary>
    private protected readonly record struct UnitData(int Index, string Kind, string Sentences, string Source, string Target, string SourceLang, string TargetLang, string Confidence, bool NeedsReview, IEnumerable<string> Notes);

    private static string Range(int start, int count) =>
        count == 0 ? "none" : count == 1 ? start.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{start}-{start + count - 1}");

    /// <inheritdoc />
    protected override AlignmentWriterSession Open(AlignmentResult alignment, TextWriter writer) => new XliffSession(this, alignment, null, writer, Options);

    /// <summary>A partial alignment: a unit per row, its link (quote, paraphrase, unlinked) as the kind, its fidelity flags as notes.</summary>
    protected override AlignmentWriterSession OpenPartial(PartialAlignmentResult alignment, TextWriter writer) => new XliffSession(this, null, alignment, writer, Options);

    private sealed class XliffSession : AlignmentWriterSession
    {
        private readonly XliffWriter _format;
        private readonly AlignmentResult? _alignment;
        private readonly PartialAlignmentResult? _partial;
        private readonly XmlWriter _xml;
        private readonly ILookup<int, Finding> _findings;
        private readonly string _sourceLang;
        private readonly string _targetLang;
        private readonly int _decimals;
        private readonly double _lowConfidence;
        private int _next;

        public XliffSession(XliffWriter format, AlignmentResult? alignment, PartialAlignmentResult? partial, TextWriter writer, WriterOptions options)
        {
            _format = format;
            _alignment = alignment;
            _partial = partial;
            Text.Document source = alignment?.Source ?? partial!.Source, target = alignment?.Target ?? partial!.Target;
            _decimals = options.ConfidenceDecimals;
            _lowConfidence = options.LowConfidence;
            _sourceLang = FormatText.LanguageTag(source.Language);
            _targetLang = FormatText.LanguageTag(target.Language);
            _findings = alignment is null ? Array.Empty<Finding>().ToLookup(f => f.Bead) : TranslationReview.Analyze(alignment, new ReviewOptions { LowConfidence = options.LowConfidence }).Findings.ToLookup(f => f.Bead);
            _xml = FormatText.XmlWriter(writer);
            format.WriteStart(_xml, source, target, _sourceLang, _targetLang);
        }

        public override void Bead(Bead bead)
        {
            AlignmentResult a = _alignment ?? throw new NotSupportedException("this session writes a partial alignment");

            // Beads arrive in order (null beads may be left out): find this one's index for its id and findings.
            while (_next < a.Beads.Count && a.Beads[_next] != bead)
            {
                _next++;
            }

            int index = _next++;
            _format.WriteUnit(_xml, new UnitData(
                index,
                bead.Kind,
                $"source {Range(bead.SourceStart, bead.SourceCount)}, target {Range(bead.TargetStart, bead.TargetCount)}",
                FormatText.XmlSafe(a.SourceText(bead)),
                FormatText.XmlSafe(a.TargetText(bead)),
                _sourceLang,
                _targetLang,
                FormatText.Confidence(bead.Confidence, _decimals),
                _findings[index].Any(f => f.Kind is not (FindingKind.Split or FindingKind.Merge)),
                _findings[index].Select(f => $"{f.Kind}: {f.Message}")));
        }

        public override void Link(QuoteLink link)
        {
            PartialAlignmentResult p = _partial ?? throw new NotSupportedException("this session writes beads");
            int index = _next++;
            _format.WriteUnit(_xml, new UnitData(
                index,
                link.LinkName,
                $"source {(link.Source.Count == 0 ? "none" : string.Join(",", link.Source))}, target {Range(link.TargetStart, link.TargetCount)}",
                FormatText.XmlSafe(p.SourceText(link)),
                FormatText.XmlSafe(p.TargetText(link)),
                _sourceLang,
                _targetLang,
                FormatText.Confidence(link.Confidence, _decimals),
                link.Flags.Count > 0 || link.Confidence < _lowConfidence,
                link.Flags.Select(f => FormatText.XmlSafe(f.Message))));
        }

        public override void Close()
        {
            _xml.WriteEndDocument();
            _xml.Flush();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _xml.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}

/// <summary>
/// XLIFF 1.2 (<c>urn:oasis:names:tc:xliff:document:1.2</c>): a <c>trans-unit</c> per bead with <c>source</c> and
/// <c>target</c> (<c>state="translated"</c>, or <c>needs-review-translation</c> for an omission, addition, numbers
/// that differ, a probable move or low confidence), the confidence, shape and sentence numbers in a
/// <c>context-group</c>, and each finding (splits and merges too) as a <c>note</c>.
/// </summary>
/// <param name="options">Settings; null for the defaults.</param>
public sealed class Xliff12Writer(WriterOptions? options = null) : XliffWriter(options)
{
    private const string Namespace = "urn:oasis:names:tc:xliff:document:1.2";

    /// <inheritdoc />
    public override string Name => "xliff";

    private protected override void WriteStart(XmlWriter xml, Text.Document source, Text.Document target, string sourceLang, string targetLang)
    {
        xml.WriteStartElement("xliff", Namespace);
        xml.WriteAttributeString("version", "1.2");
        xml.WriteStartElement("file", Namespace);
        xml.WriteAttributeString("original", Path.GetFileName(source.Name ?? "source"));
        xml.WriteAttributeString("source-language", sourceLang);
        xml.WriteAttributeString("target-language", targetLang);
        xml.WriteAttributeString("datatype", "plaintext");
        xml.WriteAttributeString("tool-id", "CyberGov.Align");
        xml.WriteStartElement("header", Namespace);
        xml.WriteStartElement("tool", Namespace);
        xml.WriteAttributeString("tool-id", "CyberGov.Align");
        xml.WriteAttributeString("tool-name", "CyberGov.Align");
        xml.WriteAttributeString("tool-version", TmxWriter.ToolVersion);
        xml.WriteEndElement();
        if (target.Name is { } targetName)
        {
            xml.WriteStartElement("note", Namespace);
            xml.WriteString($"target document: {Path.GetFileName(targetName)}");
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        xml.WriteStartElement("body", Namespace);
    }

    private protected override void WriteUnit(XmlWriter xml, UnitData unit)
    {
        xml.WriteStartElement("trans-unit", Namespace);
        xml.WriteAttributeString("id", unit.Index.ToString(System.Globalization.CultureInfo.InvariantCulture));
        xml.WriteAttributeString("xml", "space", null, "preserve");
        xml.WriteStartElement("source", Namespace);
        xml.WriteAttributeString("xml", "lang", null, unit.SourceLang);
        xml.WriteString(unit.Source);
        xml.WriteEndElement();
        xml.WriteStartElement("target", Namespace);
        xml.WriteAttributeString("xml", "lang", null, unit.TargetLang);
        xml.WriteAttributeString("state", unit.NeedsReview ? "needs-review-translation" : "translated");
        xml.WriteString(unit.Target);
        xml.WriteEndElement();
        xml.WriteStartElement("context-group", Namespace);
        xml.WriteAttributeString("purpose", "information");
        Context(xml, "x-confidence", unit.Confidence);
        Context(xml, "x-bead", unit.Kind);
        Context(xml, "x-sentences", unit.Sentences);
        xml.WriteEndElement();
        foreach (string note in unit.Notes)
        {
            xml.WriteStartElement("note", Namespace);
            xml.WriteAttributeString("from", "cyberalign");
            xml.WriteAttributeString("annotates", "general");
            xml.WriteString(note);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void Context(XmlWriter xml, string type, string value)
    {
        xml.WriteStartElement("context", Namespace);
        xml.WriteAttributeString("context-type", type);
        xml.WriteString(value);
        xml.WriteEndElement();
    }
}

/// <summary>
/// XLIFF 2.1 (<c>urn:oasis:names:tc:xliff:document:2.0</c>, <c>version="2.1"</c>): a <c>unit</c> per bead with one
/// <c>segment</c> (<c>state="translated"</c>, or <c>initial</c> for a bead a reviewer should look at), and
/// the confidence, shape, sentence numbers and findings as categorised <c>note</c>s.
/// </summary>
/// <param name="options">Settings; null for the defaults.</param>
public sealed class Xliff21Writer(WriterOptions? options = null) : XliffWriter(options)
{
    private const string Namespace = "urn:oasis:names:tc:xliff:document:2.0";

    /// <inheritdoc />
    public override string Name => "xliff2";

    /// <summary><c>.2.xlf</c>, so that an XLIFF 2.1 export beside an XLIFF 1.2 one does not replace it.</summary>
    public override string FileExtension => ".2.xlf";

    private protected override void WriteStart(XmlWriter xml, Text.Document source, Text.Document target, string sourceLang, string targetLang)
    {
        xml.WriteStartElement("xliff", Namespace);
        xml.WriteAttributeString("version", "2.1");
        xml.WriteAttributeString("srcLang", sourceLang);
        xml.WriteAttributeString("trgLang", targetLang);
        xml.WriteStartElement("file", Namespace);
        xml.WriteAttributeString("id", "f1");
        xml.WriteAttributeString("original", Path.GetFileName(source.Name ?? "source"));
    }

    private protected override void WriteUnit(XmlWriter xml, UnitData unit)
    {
        xml.WriteStartElement("unit", Namespace);
        xml.WriteAttributeString("id", "u" + unit.Index.ToString(System.Globalization.CultureInfo.InvariantCulture));
        xml.WriteStartElement("notes", Namespace);
        Note(xml, "x-confidence", unit.Confidence);
        Note(xml, "x-bead", unit.Kind);
        Note(xml, "x-sentences", unit.Sentences);
        foreach (string note in unit.Notes)
        {
            Note(xml, "x-finding", note);
        }

        xml.WriteEndElement();
        xml.WriteStartElement("segment", Namespace);
        xml.WriteAttributeString("state", unit.NeedsReview ? "initial" : "translated");
        xml.WriteStartElement("source", Namespace);
        xml.WriteAttributeString("xml", "space", null, "preserve");
        xml.WriteString(unit.Source);
        xml.WriteEndElement();
        xml.WriteStartElement("target", Namespace);
        xml.WriteAttributeString("xml", "space", null, "preserve");
        xml.WriteString(unit.Target);
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Note(XmlWriter xml, string category, string text)
    {
        xml.WriteStartElement("note", Namespace);
        xml.WriteAttributeString("category", category);
        xml.WriteString(text);
        xml.WriteEndElement();
    }
}
