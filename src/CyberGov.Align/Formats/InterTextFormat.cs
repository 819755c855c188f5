using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using CyberGov.Align.Alignment;
using CyberGov.Align.Text;

namespace CyberGov.Align.Formats;

/// <summary>
/// InterText's XML alignment format, which the corpus editor InterText opens: one file per document
/// (<c>&lt;text&gt;&lt;p id="1"&gt;&lt;s id="1:1"&gt;…</c>, paragraphs and sentences numbered from 1 within their
/// paragraph) and an alignment file, <c>&lt;linkGrp fromDoc="…" toDoc="…"&gt;</c> with one <c>&lt;link&gt;</c> per bead:
/// <c>xtargets="to-ids;from-ids"</c>, <c>type="toCount-fromCount"</c> and <c>status</c> (<c>auto</c>, or <c>man</c> for a
/// bead a person confirmed). The source document is <c>fromDoc</c>. Files for a text NAME are NAME.src.xml,
/// NAME.tgt.xml and NAME.src.tgt.xml, src and tgt being the language codes (zh, en), as InterText names versions.
/// </summary>
public static class InterTextFormat
{
    /// <summary>The three file names for a text name (a path prefix): source document, target document, alignment.</summary>
    /// <param name="prefix">The text's path without extension, e.g. <c>out/speech</c>.</param>
    /// <param name="source">The source language.</param>
    /// <param name="target">The target language.</param>
    /// <returns>The paths.</returns>
    public static (string Source, string Target, string Alignment) Files(string prefix, Language source, Language target)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        string s = source.ToCode(), t = target.ToCode();
        if (s == t)
        {
            (s, t) = (s + "1", t + "2");
        }

        return ($"{prefix}.{s}.xml", $"{prefix}.{t}.xml", $"{prefix}.{s}.{t}.xml");
    }

    /// <summary>Writes the two documents and the alignment.</summary>
    /// <param name="alignment">The alignment.</param>
    /// <param name="source">Receives the source document.</param>
    /// <param name="target">Receives the target document.</param>
    /// <param name="links">Receives the alignment.</param>
    /// <param name="sourceFile">The source document's file name, as the alignment refers to it.</param>
    /// <param name="targetFile">The target document's file name.</param>
    /// <param name="confirmed">Beads a person confirmed (written <c>status="man"</c>); null for none.</param>
    /// <param name="cancellationToken">Checked between beads.</param>
    public static void Write(AlignmentResult alignment, TextWriter source, TextWriter target, TextWriter links, string sourceFile, string targetFile, ISet<int>? confirmed = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alignment);
        ArgumentNullException.ThrowIfNull(links);
        string[] sourceIds = WriteDocument(alignment.Source, source);
        string[] targetIds = WriteDocument(alignment.Target, target);
        links.Write("<?xml version='1.0' encoding='utf-8'?>\n");
        links.Write($"<linkGrp toDoc='{Escape(targetFile)}' fromDoc='{Escape(sourceFile)}'>\n");
        IReadOnlyList<Bead> beads = alignment.Beads;
        for (int k = 0; k < beads.Count; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Bead b = beads[k];
            string to = string.Join(' ', targetIds, b.TargetStart, b.TargetCount);
            string from = string.Join(' ', sourceIds, b.SourceStart, b.SourceCount);
            string status = confirmed?.Contains(k) == true ? "man" : "auto";
            links.Write(string.Create(CultureInfo.InvariantCulture, $"<link type='{b.TargetCount}-{b.SourceCount}' xtargets='{to};{from}' status='{status}'/>\n"));
        }

        links.Write("</linkGrp>\n");
        links.Flush();
    }

    /// <summary>
    /// Reads an alignment file and the two documents it names (found beside it). Confidence is not part of the format:
    /// beads a person confirmed (<c>status="man"</c>) get 1, the others 0.5.
    /// </summary>
    /// <param name="alignmentPath">The alignment file.</param>
    /// <returns>The alignment, and the beads a person confirmed.</returns>
    /// <exception cref="InputFormatException">A malformed file, an unknown sentence id, or links that do not cover both documents once, in order.</exception>
    public static (AlignmentResult Alignment, ISet<int> Confirmed) Read(string alignmentPath)
    {
        ArgumentNullException.ThrowIfNull(alignmentPath);
        XDocument links = Load(alignmentPath);
        XElement group = links.Root is { Name.LocalName: "linkGrp" } root ? root : throw new InputFormatException(alignmentPath, 1, -1, "is not an InterText alignment (no linkGrp)");
        string folder = Path.GetDirectoryName(Path.GetFullPath(alignmentPath))!;
        string fromDoc = Path.Combine(folder, (string?)group.Attribute("fromDoc") ?? throw new InputFormatException(alignmentPath, 1, -1, "has no fromDoc"));
        string toDoc = Path.Combine(folder, (string?)group.Attribute("toDoc") ?? throw new InputFormatException(alignmentPath, 1, -1, "has no toDoc"));
        (Document source, Dictionary<string, int> sourceIds) = ReadDocument(fromDoc);
        (Document target, Dictionary<string, int> targetIds) = ReadDocument(toDoc);

        var beads = new List<Bead>();
        var confirmed = new HashSet<int>();
        int i = 0, j = 0;
        foreach (XElement link in group.Elements("link"))
        {
            int line = ((IXmlLineInfo)link).LineNumber;
            string[] parts = ((string?)link.Attribute("xtargets") ?? string.Empty).Split(';');
            if (parts.Length != 2)
            {
                throw new InputFormatException(alignmentPath, line, -1, "link without 'to-ids;from-ids' xtargets");
            }

            int targetCount = Consume(parts[0], targetIds, ref j, toDoc, alignmentPath, line);
            int sourceCount = Consume(parts[1], sourceIds, ref i, fromDoc, alignmentPath, line);
            bool manual = (string?)link.Attribute("status") == "man";
            if (manual)
            {
                confirmed.Add(beads.Count);
            }

            beads.Add(new Bead(i - sourceCount, sourceCount, j - targetCount, targetCount, manual ? 1 : 0.5));
        }

        if (i != source.Sentences.Count || j != target.Sentences.Count)
        {
            throw new InputFormatException(alignmentPath, 0, -1, $"links cover {i} of {source.Sentences.Count} source and {j} of {target.Sentences.Count} target sentences");
        }

        return (new AlignmentResult(source, target, beads), confirmed);
    }

    /// <summary>Checks that the ids of one side are the next sentences in order and returns how many there were.</summary>
    private static int Consume(string ids, Dictionary<string, int> index, ref int next, string document, string alignmentPath, int line)
    {
        int count = 0;
        foreach (string id in ids.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!index.TryGetValue(id, out int sentence))
            {
                throw new InputFormatException(alignmentPath, line, -1, $"sentence id '{id}' is not in {Path.GetFileName(document)}");
            }

            if (sentence != next)
            {
                throw new InputFormatException(alignmentPath, line, -1, $"sentence '{id}' is out of order (expected sentence {next + 1} of {Path.GetFileName(document)})");
            }

            next++;
            count++;
        }

        return count;
    }

    /// <summary>Writes a document's paragraphs and sentences and returns the sentences' ids.</summary>
    private static string[] WriteDocument(Document document, TextWriter writer)
    {
        var ids = new string[document.Sentences.Count];
        var text = new StringBuilder("<?xml version='1.0' encoding='utf-8'?>\n<text>\n");
        for (int p = 0; p < document.Paragraphs.Count; p++)
        {
            Paragraph paragraph = document.Paragraphs[p];
            text.Append(CultureInfo.InvariantCulture, $"  <p id=\"{p + 1}\">\n");
            for (int k = 0; k < paragraph.SentenceCount; k++)
            {
                int s = paragraph.FirstSentence + k;
                ids[s] = string.Create(CultureInfo.InvariantCulture, $"{p + 1}:{k + 1}");
                text.Append(CultureInfo.InvariantCulture, $"    <s id=\"{ids[s]}\">").Append(Escape(FormatText.XmlSafe(FlatText(document, s)))).Append("</s>\n");
            }

            text.Append("  </p>\n");
            writer.Write(text);
            text.Clear();
        }

        writer.Write("</text>\n");
        writer.Flush();
        return ids;
    }

    /// <summary>Reads a document file: its paragraphs and sentences as written (no segmentation), and each sentence id's index.</summary>
    private static (Document Document, Dictionary<string, int> Ids) ReadDocument(string path)
    {
        if (!File.Exists(path))
        {
            throw new InputFormatException(path, 0, -1, "is missing (the alignment names it)");
        }

        XDocument doc = Load(path);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = new StringBuilder();
        IEnumerable<XElement> paragraphs = doc.Root?.Elements("p") is { } ps && ps.Any() ? ps : [doc.Root!];
        foreach (XElement p in paragraphs)
        {
            if (lines.Length > 0)
            {
                lines.Append('\n');
            }

            foreach (XElement s in p.Descendants("s"))
            {
                string id = (string?)s.Attribute("id") ?? throw new InputFormatException(path, ((IXmlLineInfo)s).LineNumber, -1, "sentence without id");
                string sentence = string.Join(' ', s.Value.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                if (!ids.TryAdd(id, ids.Count))
                {
                    throw new InputFormatException(path, ((IXmlLineInfo)s).LineNumber, -1, $"sentence id '{id}' appears twice");
                }

                // An empty sentence would vanish in the pre-split text: keep its place with a visible mark.
                lines.Append(sentence.Length == 0 ? "\u2205" : sentence).Append('\n');
            }
        }

        Document document = Document.Parse(lines.ToString(), Language.Unknown, new DocumentOptions { Name = path, ParagraphMode = ParagraphMode.PreSplit });
        return (document, ids);
    }

    private static XDocument Load(string path)
    {
        try
        {
            return XDocument.Load(path, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            throw new InputFormatException(path, ex.LineNumber, -1, $"is not well-formed XML: {ex.Message}");
        }
    }

    private static string FlatText(Document document, int sentence)
    {
        var sb = new StringBuilder();
        FormatText.AppendFlat(sb, document.SentenceText(sentence));
        return sb.ToString();
    }

    /// <summary>The five XML special characters as entities (the BCL's escaper: &amp; &lt; &gt; &quot; &apos;).</summary>
    private static string Escape(string text) => System.Security.SecurityElement.Escape(text);
}
