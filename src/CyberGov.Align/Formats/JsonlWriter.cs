using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CyberGov.Align.Alignment;

namespace CyberGov.Align.Formats;

/// <summary>
/// JSON Lines, one bead per line:
/// <c>{"source":[0],"target":[0,1],"sourceText":"…","targetText":"…","confidence":0.93,"kind":"1-2","method":"offline"}</c>,
/// and, for a bead the translation review has findings on (<see cref="WriterOptions.IncludeFlags"/>),
/// <c>"flags":[{"kind":"number-mismatch","message":"numbers differ: 30 ≠ 13"}]</c> (kinds <c>omission</c>,
/// <c>addition</c>, <c>reorder-suspect</c> with <c>"relatedBead"</c>, <c>number-mismatch</c>, <c>partial-omission</c>,
/// <c>partial-addition</c>, <c>low-confidence</c>).
/// Chinese is written as is (not <c>\u</c>-escaped); HTML-sensitive characters are escaped as JSON allows. A partial
/// alignment (<see cref="Aligner.AlignPartial"/>) has one line per row:
/// <c>{"source":[3,17],"target":[5],"sourceText":"…","targetText":"…","confidence":0.9,"link":"quote","sourceParagraphs":[1,6],"flags":["number differs: 120 ≠ 130"]}</c>
/// (<c>source</c> and <c>sourceParagraphs</c>: the original's sentence and paragraph numbers, from 0).
/// </summary>
/// <param name="options">Settings; null for the defaults.</param>
public sealed class JsonlWriter(WriterOptions? options = null) : AlignmentWriter(options)
{
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    /// <inheritdoc />
    public override string Name => "jsonl";

    /// <inheritdoc />
    public override string FileExtension => ".jsonl";

    /// <inheritdoc />
    protected override AlignmentWriterSession Open(AlignmentResult alignment, TextWriter writer) => new JsonlSession(alignment, null, writer, Options.ConfidenceDecimals, new BeadFlags(alignment, Options));

    /// <inheritdoc />
    protected override AlignmentWriterSession OpenPartial(PartialAlignmentResult alignment, TextWriter writer) => new JsonlSession(null, alignment, writer, Options.ConfidenceDecimals, null);

    private sealed class JsonlSession(AlignmentResult? alignment, PartialAlignmentResult? partial, TextWriter writer, int decimals, BeadFlags? flags) : AlignmentWriterSession
    {
        private readonly ArrayBufferWriter<byte> _buffer = new(1024);
        private readonly Utf8JsonWriter _json = new(Stream.Null, JsonOptions);
        private char[] _chars = new char[1024];

        public override void Bead(Bead bead)
        {
            AlignmentResult a = alignment ?? throw new NotSupportedException("this session writes a partial alignment");
            _buffer.ResetWrittenCount();
            _json.Reset(_buffer);
            _json.WriteStartObject();
            Indices("source", Enumerable.Range(bead.SourceStart, bead.SourceCount));
            Indices("target", Enumerable.Range(bead.TargetStart, bead.TargetCount));
            _json.WriteString("sourceText", a.SourceText(bead));
            _json.WriteString("targetText", a.TargetText(bead));
            _json.WriteNumber("confidence", Math.Round(bead.Confidence, decimals, MidpointRounding.AwayFromZero));
            _json.WriteString("kind", bead.Kind);
            _json.WriteString("method", bead.Method == AlignMethod.Offline ? "offline" : "translation");
            Origins("sourceOrigin", a.Source, Enumerable.Range(bead.SourceStart, bead.SourceCount));
            Origins("targetOrigin", a.Target, Enumerable.Range(bead.TargetStart, bead.TargetCount));
            IReadOnlyList<Review.Finding> findings = flags!.Of(bead);
            if (findings.Count > 0)
            {
                _json.WriteStartArray("flags");
                foreach (Review.Finding f in findings)
                {
                    _json.WriteStartObject();
                    _json.WriteString("kind", BeadFlags.KindName(f.Kind));
                    _json.WriteString("message", f.Message);
                    if (f.RelatedBead >= 0)
                    {
                        _json.WriteNumber("relatedBead", f.RelatedBead);
                    }

                    _json.WriteEndObject();
                }

                _json.WriteEndArray();
            }

            _json.WriteEndObject();
            Emit();
        }

        public override void Link(QuoteLink link)
        {
            PartialAlignmentResult p = partial ?? throw new NotSupportedException("this session writes beads");
            _buffer.ResetWrittenCount();
            _json.Reset(_buffer);
            _json.WriteStartObject();
            Indices("source", link.Source);
            Indices("target", Enumerable.Range(link.TargetStart, link.TargetCount));
            _json.WriteString("sourceText", p.SourceText(link));
            _json.WriteString("targetText", p.TargetText(link));
            _json.WriteNumber("confidence", Math.Round(link.Confidence, decimals, MidpointRounding.AwayFromZero));
            _json.WriteString("link", link.LinkName);
            Indices("sourceParagraphs", link.Source.Select(s => p.Source.Sentences[s].Paragraph).Distinct());
            _json.WriteStartArray("flags");
            foreach (QuoteFlag flag in link.Flags)
            {
                _json.WriteStringValue(flag.Message);
            }

            _json.WriteEndArray();
            Origins("sourceOrigin", p.Source, link.Source);
            Origins("targetOrigin", p.Target, Enumerable.Range(link.TargetStart, link.TargetCount));
            _json.WriteEndObject();
            Emit();
        }

        private void Emit()
        {
            _json.Flush();

            ReadOnlySpan<byte> utf8 = _buffer.WrittenSpan;
            int max = Encoding.UTF8.GetMaxCharCount(utf8.Length);
            if (_chars.Length < max)
            {
                _chars = new char[Math.Max(max, _chars.Length * 2)];
            }

            int n = Encoding.UTF8.GetChars(utf8, _chars);
            writer.Write(_chars, 0, n);
            writer.Write('\n');
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _json.Dispose();
            }

            base.Dispose(disposing);
        }

        /// <summary>For a document read from a web page, Word file or PDF: the places in the original of the bead's sentences (each once, in order).</summary>
        private void Origins(string name, Text.Document document, IEnumerable<int> sentences)
        {
            if (!document.HasOrigins)
            {
                return;
            }

            _json.WriteStartArray(name);
            foreach (string origin in document.SentenceOrigins(sentences))
            {
                _json.WriteStringValue(origin);
            }

            _json.WriteEndArray();
        }

        private void Indices(string name, IEnumerable<int> indices)
        {
            _json.WriteStartArray(name);
            foreach (int i in indices)
            {
                _json.WriteNumberValue(i);
            }

            _json.WriteEndArray();
        }
    }
}
