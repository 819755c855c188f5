using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CyberGov.Align.Alignment;

namespace CyberGov.Align.Formats;

/// <summary>
/// JSON Lines, one bead per line:
/// <c>{"source":[0],"target":[0,1],"sourceText":"…","targetText":"…","confidence":0.93,"kind":"1-2","method":"offline"}</c>.
/// Chinese is written as is (not <c>\u</c>-escaped); HTML-sensitive characters are escaped as JSON allows.
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
    protected override AlignmentWriterSession Open(AlignmentResult alignment, TextWriter writer) => new JsonlSession(alignment, writer, Options.ConfidenceDecimals);

    private sealed class JsonlSession(AlignmentResult alignment, TextWriter writer, int decimals) : AlignmentWriterSession
    {
        private readonly ArrayBufferWriter<byte> _buffer = new(1024);
        private readonly Utf8JsonWriter _json = new(Stream.Null, JsonOptions);
        private char[] _chars = new char[1024];

        public override void Bead(Bead bead)
        {
            _buffer.ResetWrittenCount();
            _json.Reset(_buffer);
            _json.WriteStartObject();
            Indices("source", bead.SourceStart, bead.SourceCount);
            Indices("target", bead.TargetStart, bead.TargetCount);
            _json.WriteString("sourceText", alignment.SourceText(bead));
            _json.WriteString("targetText", alignment.TargetText(bead));
            _json.WriteNumber("confidence", Math.Round(bead.Confidence, decimals, MidpointRounding.AwayFromZero));
            _json.WriteString("kind", bead.Kind);
            _json.WriteString("method", bead.Method == AlignMethod.Offline ? "offline" : "translation");
            Origins("sourceOrigin", alignment.Source, bead.SourceStart, bead.SourceCount);
            Origins("targetOrigin", alignment.Target, bead.TargetStart, bead.TargetCount);
            _json.WriteEndObject();
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
        private void Origins(string name, Text.Document document, int start, int count)
        {
            if (!document.HasOrigins)
            {
                return;
            }

            _json.WriteStartArray(name);
            foreach (string origin in document.SentenceOrigins(start, count))
            {
                _json.WriteStringValue(origin);
            }

            _json.WriteEndArray();
        }

        private void Indices(string name, int start, int count)
        {
            _json.WriteStartArray(name);
            for (int k = 0; k < count; k++)
            {
                _json.WriteNumberValue(start + k);
            }

            _json.WriteEndArray();
        }
    }
}
