using System.Globalization;
using System.Reflection;
using System.Text;
using System.Xml;
using CyberGov.Align.Alignment;

namespace CyberGov.Align.Formats;

/// <summary>
/// TMX 1.4b: a header with every required attribute, one <c>tu</c> per bead with <c>prop</c>s <c>x-confidence</c>,
/// <c>x-bead</c> (e.g. <c>2-1</c>), the sentence numbers, and one <c>x-flag</c> per finding of the translation review on
/// the bead (<see cref="WriterOptions.IncludeFlags"/>; e.g. <c>number-mismatch: numbers differ: 30 ≠ 13</c>), a <c>tuv</c> with <c>xml:lang</c> (<c>zh-CN</c> or <c>en</c>) per non-empty side.
/// Characters that XML 1.0 cannot carry (control characters, lone surrogates) become U+FFFD. No creation date is written,
/// so the output is the same for the same alignment.
/// </summary>
/// <param name="options">Settings; null for the defaults (null beads included; set <see cref="WriterOptions.IncludeNullBeads"/> to false for a translation memory).</param>
public sealed class TmxWriter(WriterOptions? options = null) : AlignmentWriter(options)
{
    /// <summary>The version written to <c>creationtoolversion</c>.</summary>
    public static string ToolVersion { get; } = typeof(TmxWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0";

    /// <inheritdoc />
    public override string Name => "tmx";

    /// <inheritdoc />
    public override string FileExtension => ".tmx";

    /// <inheritdoc />
    protected override AlignmentWriterSession Open(AlignmentResult alignment, TextWriter writer) => new TmxSession(alignment, null, writer, Options);

    /// <summary>A partial alignment: one <c>tu</c> per row with <c>prop</c>s <c>x-link</c> (quote, paraphrase, unlinked), <c>x-confidence</c>, the sentence numbers and one <c>x-flag</c> per fidelity flag.</summary>
    protected override AlignmentWriterSession OpenPartial(PartialAlignmentResult alignment, TextWriter writer) => new TmxSession(null, alignment, writer, Options);

    private sealed class TmxSession : AlignmentWriterSession
    {
        private readonly AlignmentResult? _alignment;
        private readonly PartialAlignmentResult? _partial;
        private readonly XmlWriter _xml;
        private readonly string _sourceLang;
        private readonly string _targetLang;
        private readonly int _decimals;
        private readonly BeadFlags? _flags;

        public TmxSession(AlignmentResult? alignment, PartialAlignmentResult? partial, TextWriter writer, WriterOptions options)
        {
            _alignment = alignment;
            _partial = partial;
            Text.Document source = alignment?.Source ?? partial!.Source, target = alignment?.Target ?? partial!.Target;
            _decimals = options.ConfidenceDecimals;
            _flags = alignment is null ? null : new BeadFlags(alignment, options);
            _sourceLang = FormatText.LanguageTag(source.Language);
            _targetLang = FormatText.LanguageTag(target.Language);
            _xml = FormatText.XmlWriter(writer);
            _xml.WriteDocType("tmx", null, "tmx14.dtd", null);
            _xml.WriteStartElement("tmx");
            _xml.WriteAttributeString("version", "1.4");
            _xml.WriteStartElement("header");
            _xml.WriteAttributeString("creationtool", "CyberGov.Align");
            _xml.WriteAttributeString("creationtoolversion", ToolVersion);
            _xml.WriteAttributeString("segtype", "sentence");
            _xml.WriteAttributeString("o-tmf", "CyberGov.Align");
            _xml.WriteAttributeString("adminlang", "en");
            _xml.WriteAttributeString("srclang", _sourceLang);
            _xml.WriteAttributeString("datatype", "plaintext");
            if (source.Name is { } name)
            {
                Prop("x-source-document", Path.GetFileName(name));
            }

            if (target.Name is { } targetName)
            {
                Prop("x-target-document", Path.GetFileName(targetName));
            }

            _xml.WriteEndElement();
            _xml.WriteStartElement("body");
        }

        public override void Bead(Bead bead)
        {
            _xml.WriteStartElement("tu");
            Prop("x-confidence", FormatText.Confidence(bead.Confidence, _decimals));
            Prop("x-bead", bead.Kind);
            Prop("x-source-sentences", Range(bead.SourceStart, bead.SourceCount));
            Prop("x-target-sentences", Range(bead.TargetStart, bead.TargetCount));
            if (bead.Method != AlignMethod.Offline)
            {
                Prop("x-method", bead.Method.ToString().ToLowerInvariant());
            }

            foreach (Review.Finding f in _flags!.Of(bead))
            {
                Prop("x-flag", FormatText.XmlSafe($"{BeadFlags.KindName(f.Kind)}: {f.Message}"));
            }

            AlignmentResult a = _alignment ?? throw new NotSupportedException("this session writes a partial alignment");
            Tuv(_sourceLang, bead.SourceCount, a.SourceText(bead));
            Tuv(_targetLang, bead.TargetCount, a.TargetText(bead));
            _xml.WriteEndElement();
        }

        public override void Link(QuoteLink link)
        {
            PartialAlignmentResult p = _partial ?? throw new NotSupportedException("this session writes beads");
            _xml.WriteStartElement("tu");
            Prop("x-confidence", FormatText.Confidence(link.Confidence, _decimals));
            Prop("x-link", link.LinkName);
            Prop("x-source-sentences", string.Join(",", link.Source));
            Prop("x-target-sentences", Range(link.TargetStart, link.TargetCount));
            foreach (QuoteFlag flag in link.Flags)
            {
                Prop("x-flag", FormatText.XmlSafe(flag.Message));
            }

            Tuv(_sourceLang, link.Source.Count, p.SourceText(link));
            Tuv(_targetLang, link.TargetCount, p.TargetText(link));
            _xml.WriteEndElement();
        }

        public override void Close()
        {
            _xml.WriteEndElement();
            _xml.WriteEndElement();
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

        private void Prop(string type, string value)
        {
            _xml.WriteStartElement("prop");
            _xml.WriteAttributeString("type", type);
            _xml.WriteString(value);
            _xml.WriteEndElement();
        }

        private void Tuv(string lang, int count, string text)
        {
            if (count == 0)
            {
                return;
            }

            _xml.WriteStartElement("tuv");
            _xml.WriteAttributeString("xml", "lang", null, lang);
            _xml.WriteElementString("seg", FormatText.XmlSafe(text));
            _xml.WriteEndElement();
        }

        private static string Range(int start, int count) =>
            count == 0 ? string.Empty : count == 1 ? start.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{start}-{start + count - 1}");
    }
}
