using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using CyberGov.Align.Alignment;
using CyberGov.Align.Review;
using CyberGov.Align.Text;

namespace CyberGov.Align.Formats;

/// <summary>
/// One self-contained HTML file for people checking a translation against its original: a summary of omissions,
/// additions, merges and splits, probable moves, differing numbers and low-confidence beads, each linked to its bead;
/// then the two texts side by side, bead by bead, coloured by confidence. Every piece of text is HTML-escaped; the
/// page has no script and loads nothing.
/// </summary>
/// <param name="options">Settings (title, low-confidence threshold); null beads are always shown.</param>
public sealed class HtmlReportWriter(WriterOptions? options = null) : AlignmentWriter((options ?? WriterOptions.Default) with { IncludeNullBeads = true })
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly (FindingKind Kind, string Label)[] Labels =
    [
        (FindingKind.Omission, "Omissions"),
        (FindingKind.Addition, "Additions"),
        (FindingKind.ReorderSuspect, "Probably moved"),
        (FindingKind.NumberMismatch, "Numbers differ"),
        (FindingKind.PartialOmission, "Partial omissions"),
        (FindingKind.PartialAddition, "Partial additions"),
        (FindingKind.Merge, "Merges"),
        (FindingKind.Split, "Splits"),
        (FindingKind.LowConfidence, "Low confidence"),
    ];

    private const string Style = """
        :root { font-family: system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; font-size: 15px; color: #1d2330; }
        body { margin: 0 auto; max-width: 1400px; padding: 1rem 1.5rem; }
        h1 { font-size: 1.4rem; margin: .2rem 0; } h2 { font-size: 1.15rem; margin-top: 1.6rem; }
        .meta { color: #555; margin: .2rem 0 1rem; }
        .counts { display: flex; flex-wrap: wrap; gap: .5rem; padding: 0; list-style: none; }
        .counts li { border: 1px solid #ccd; border-radius: 6px; padding: .35rem .7rem; background: #f7f8fb; }
        .counts b { font-size: 1.1rem; margin-right: .3rem; }
        details { margin: .3rem 0; } summary { cursor: pointer; font-weight: 600; }
        .findings { margin: .3rem 0 .8rem; padding-left: 0; list-style: none; columns: 2 32rem; column-gap: 2.5rem; font-size: .9rem; }
        .findings li { break-inside: avoid; margin: 0 0 .3rem; padding-left: 1rem; text-indent: -1rem; }
        .findings span.ctx { display: block; text-indent: 0; color: #555; font-size: .85rem; }
        table.beads { border-collapse: collapse; width: 100%; table-layout: fixed; }
        .beads th, .beads td { border-bottom: 1px solid #e1e4ea; padding: .35rem .5rem; vertical-align: top; text-align: left; }
        .beads th { position: sticky; top: 0; background: #fff; border-bottom: 2px solid #99a; }
        .beads col.n { width: 3.2rem; } .beads col.k { width: 3.2rem; } .beads col.c { width: 3.6rem; }
        .beads td.text span.s { display: block; } .beads td.text span.s + span.s { margin-top: .25rem; }
        .beads td.text span.origin { display: block; font-size: .75rem; color: #777; font-family: monospace; }
        .beads td.empty { background: repeating-linear-gradient(45deg, #fff, #fff 6px, #f1f1f1 6px, #f1f1f1 12px); color: #999; font-style: italic; }
        tr.high td.c { background: #c9ecd0; } tr.mid td.c { background: #fbeaa8; } tr.low td.c { background: #f6c1c1; }
        tr.low { background: #fff6f6; } tr.null { background: #fbf3ff; }
        tr:target { outline: 3px solid #3a6ff7; }
        .flag { display: inline-block; margin-top: .3rem; padding: .05rem .4rem; border-radius: 4px; background: #ffe2b8; font-size: .85rem; }
        .legend span { padding: 0 .4rem; margin-right: .4rem; border-radius: 3px; }
        a.place { font-size: .75rem; color: #777; margin: 0 .2rem; text-decoration: none; } span.quoted { background: #e6f0ff; }
        #original span:target { outline: 3px solid #3a6ff7; }
        a { color: #2451c9; }
        """;

    /// <inheritdoc />
    public override string Name => "html";

    /// <inheritdoc />
    public override string FileExtension => ".html";

    /// <inheritdoc />
    protected override AlignmentWriterSession Open(AlignmentResult alignment, TextWriter writer) => new HtmlSession(alignment, writer, Options);

    private static string E(string text) => Encoder.Encode(text);

    /// <summary>
    /// A partial alignment (<see cref="Aligner.AlignPartial"/>): a summary (quotes, paraphrases, unlinked passages,
    /// fidelity flags), each report passage beside the original passage it renders with a link to its place in the full
    /// original, and the full original below with every quoted sentence marked.
    /// </summary>
    protected override AlignmentWriterSession OpenPartial(PartialAlignmentResult alignment, TextWriter writer) => new PartialHtmlSession(alignment, writer, Options);

    private static void AppendHead(StringBuilder w, string title)
    {
        w.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        w.Append("<meta name=\"generator\" content=\"CyberGov.Align ").Append(E(TmxWriter.ToolVersion)).Append("\">\n");
        w.Append("<title>").Append(E(title)).Append("</title>\n<style>").Append(Style).Append("</style>\n</head>\n<body>\n");
        w.Append("<header>\n<h1>").Append(E(title)).Append("</h1>\n<p class=\"meta\">");
    }

    /// <summary>
    /// "Alignment report: gwr-2017: zh.txt ↔ en.txt" — both files, with their folder's name, since publications
    /// are often kept as one folder per text with the same two file names in each.
    /// </summary>
    private static string DefaultTitle(string? source, string? target)
    {
        if (source is null && target is null)
        {
            return "Alignment report";
        }

        string? sourceDir = Folder(source), targetDir = Folder(target);
        string s = Path.GetFileName(source) ?? "source", t = Path.GetFileName(target) ?? "target";
        return sourceDir is not null && sourceDir == targetDir
            ? $"Alignment report: {sourceDir}: {s} ↔ {t}"
            : $"Alignment report: {Qualified(sourceDir, s)} ↔ {Qualified(targetDir, t)}";

        static string? Folder(string? path) =>
            path is null ? null : Path.GetFileName(Path.GetDirectoryName(path)) is { Length: > 0 } d ? d : null;

        static string Qualified(string? dir, string file) => dir is null ? file : dir + "/" + file;
    }

    private sealed class PartialHtmlSession : AlignmentWriterSession
    {
        private readonly PartialAlignmentResult _alignment;
        private readonly TextWriter _writer;
        private readonly double _lowConfidence;
        private readonly StringBuilder _row = new(1024);
        private readonly string _sourceLang;
        private readonly string _targetLang;
        private int _index;

        public PartialHtmlSession(PartialAlignmentResult alignment, TextWriter writer, WriterOptions options)
        {
            _alignment = alignment;
            _writer = writer;
            _lowConfidence = options.LowConfidence;
            _sourceLang = FormatText.LanguageTag(alignment.Source.Language);
            _targetLang = FormatText.LanguageTag(alignment.Target.Language);
            Document s = alignment.Source, t = alignment.Target;
            var w = new StringBuilder(4096);
            AppendHead(w, options.Title ?? DefaultTitle(s.Name, t.Name).Replace("Alignment report", "Quotes report", StringComparison.Ordinal));
            w.Append(CultureInfo.InvariantCulture, $"Original: {E(s.Name ?? "source")} ({s.Language.ToCode()}, {s.Sentences.Count} sentences) · ");
            w.Append(CultureInfo.InvariantCulture, $"Report: {E(t.Name ?? "target")} ({t.Language.ToCode()}, {t.Sentences.Count} sentences)</p>\n</header>\n");
            IReadOnlyList<QuoteLink> links = alignment.Links;
            int Sentences(QuoteLinkKind kind) => links.Where(l => l.Kind == kind).Sum(l => l.TargetCount);
            var flagged = links.Select((l, k) => (l, k)).Where(x => x.l.Flags.Count > 0).ToList();
            w.Append("<section id=\"summary\">\n<h2>Summary</h2>\n<ul class=\"counts\">\n");
            w.Append(CultureInfo.InvariantCulture, $"<li class=\"count-quote\"><b>{Sentences(QuoteLinkKind.Quote)}</b>report sentences quote the original</li>\n");
            w.Append(CultureInfo.InvariantCulture, $"<li class=\"count-paraphrase\"><b>{Sentences(QuoteLinkKind.Paraphrase)}</b>paraphrase it</li>\n");
            w.Append(CultureInfo.InvariantCulture, $"<li class=\"count-unlinked\"><b>{Sentences(QuoteLinkKind.Unlinked)}</b>render nothing of it</li>\n");
            w.Append(CultureInfo.InvariantCulture, $"<li class=\"count-used\"><b>{links.SelectMany(l => l.Source).Distinct().Count()}</b>of {s.Sentences.Count} original sentences are rendered</li>\n");
            w.Append(CultureInfo.InvariantCulture, $"<li class=\"count-flags\"><b>{flagged.Sum(x => x.l.Flags.Count)}</b>fidelity flags</li>\n</ul>\n");
            if (flagged.Count > 0)
            {
                w.Append(CultureInfo.InvariantCulture, $"<details open class=\"list-flags\">\n<summary>Fidelity flags ({flagged.Sum(x => x.l.Flags.Count)})</summary>\n<ul class=\"findings\">\n");
                foreach ((QuoteLink l, int k) in flagged)
                {
                    foreach (QuoteFlag f in l.Flags)
                    {
                        w.Append(CultureInfo.InvariantCulture, $"<li><a href=\"#b{k}\">passage {k}</a>: {E(f.Message)}</li>\n");
                    }
                }

                w.Append("</ul>\n</details>\n");
            }

            w.Append("</section>\n<section id=\"alignment\">\n<h2>Report beside the original</h2>\n");
            w.Append("<table class=\"beads\">\n<colgroup><col class=\"n\"><col class=\"k\"><col class=\"c\"><col><col></colgroup>\n");
            w.Append(CultureInfo.InvariantCulture, $"<thead><tr><th>#</th><th>link</th><th>conf.</th><th>Report ({t.Language.ToCode()})</th><th>Original ({s.Language.ToCode()})</th></tr></thead>\n<tbody>\n");
            _writer.Write(w);
        }

        public override void Bead(Bead bead) => throw new NotSupportedException("this session writes a partial alignment");

        public override void Link(QuoteLink link)
        {
            int k = _index++;
            StringBuilder r = _row.Clear();
            string band = link.Kind == QuoteLinkKind.Unlinked ? "null" : link.Confidence >= 0.8 ? "high" : link.Confidence >= _lowConfidence ? "mid" : "low";
            r.Append(CultureInfo.InvariantCulture, $"<tr id=\"b{k}\" class=\"{band}\"><td class=\"n\"><a href=\"#b{k}\">{k}</a></td><td class=\"k\">{link.LinkName}</td>");
            r.Append("<td class=\"c\">").Append(FormatText.Confidence(link.Confidence, 2)).Append("</td>");
            r.Append(CultureInfo.InvariantCulture, $"<td class=\"text\" lang=\"{_targetLang}\">");
            for (int i = link.TargetStart; i < link.TargetEnd; i++)
            {
                r.Append("<span class=\"s\">").Append(E(AlignmentResult.OneLine(_alignment.Target.SentenceSpan(i)))).Append("</span>");
            }

            foreach (QuoteFlag f in link.Flags)
            {
                r.Append("<span class=\"flag\">").Append(E(f.Message)).Append("</span>");
            }

            r.Append("</td>");
            if (link.Source.Count == 0)
            {
                r.Append("<td class=\"empty\">nothing of the original</td>");
            }
            else
            {
                r.Append(CultureInfo.InvariantCulture, $"<td class=\"text\" lang=\"{_sourceLang}\">");
                foreach (int s in link.Source)
                {
                    r.Append(CultureInfo.InvariantCulture, $"<span class=\"s\"><a class=\"place\" href=\"#o{s}\">¶{_alignment.Source.Sentences[s].Paragraph} s{s}</a> ");
                    r.Append(E(AlignmentResult.OneLine(_alignment.Source.SentenceSpan(s)))).Append("</span>");
                    if (_alignment.Source.SentenceOrigin(s) is { } origin)
                    {
                        r.Append("<span class=\"origin\">").Append(E(origin)).Append("</span>");
                    }
                }

                r.Append("</td>");
            }

            _writer.Write(r.Append("</tr>\n"));
        }

        public override void Close()
        {
            // The full original, every sentence addressable, the rendered ones marked with the passages that render them.
            var usedBy = _alignment.Links.Select((l, k) => (l, k)).SelectMany(x => x.l.Source.Select(s => (s, x.k))).ToLookup(x => x.s, x => x.k);
            var w = new StringBuilder(8192);
            w.Append("</tbody>\n</table>\n</section>\n<section id=\"original\">\n<h2>The full original</h2>\n");
            int paragraph = -1;
            for (int s = 0; s < _alignment.Source.Sentences.Count; s++)
            {
                if (_alignment.Source.Sentences[s].Paragraph != paragraph)
                {
                    w.Append(paragraph < 0 ? string.Empty : "</p>\n").Append(CultureInfo.InvariantCulture, $"<p lang=\"{_sourceLang}\">");
                    paragraph = _alignment.Source.Sentences[s].Paragraph;
                }

                bool used = usedBy.Contains(s);
                w.Append(CultureInfo.InvariantCulture, $"<span id=\"o{s}\"{(used ? " class=\"quoted\"" : string.Empty)}>").Append(E(AlignmentResult.OneLine(_alignment.Source.SentenceSpan(s))));
                foreach (int k in usedBy[s])
                {
                    w.Append(CultureInfo.InvariantCulture, $"<a class=\"place\" href=\"#b{k}\">→{k}</a>");
                }

                w.Append("</span>");
            }

            w.Append(paragraph < 0 ? string.Empty : "</p>\n").Append("</section>\n</body>\n</html>\n");
            _writer.Write(w);
        }
    }

    private sealed class HtmlSession : AlignmentWriterSession
    {
        private readonly AlignmentResult _alignment;
        private readonly TextWriter _writer;
        private readonly WriterOptions _options;
        private readonly ILookup<int, Finding> _byBead;
        private readonly StringBuilder _row = new(1024);
        private readonly string _sourceLang;
        private readonly string _targetLang;
        private int _index;

        public HtmlSession(AlignmentResult alignment, TextWriter writer, WriterOptions options)
        {
            _alignment = alignment;
            _writer = writer;
            _options = options;
            _sourceLang = FormatText.LanguageTag(alignment.Source.Language);
            _targetLang = FormatText.LanguageTag(alignment.Target.Language);
            TranslationReview review = TranslationReview.Analyze(alignment, new ReviewOptions { LowConfidence = options.LowConfidence });
            _byBead = review.Findings.ToLookup(f => f.Bead);
            WriteHead(review);
        }

        public override void Bead(Bead bead)
        {
            int k = _index++;
            string band = bead.Confidence >= 0.8 ? "high" : bead.Confidence >= _options.LowConfidence ? "mid" : "low";
            StringBuilder r = _row.Clear();
            r.Append(CultureInfo.InvariantCulture, $"<tr id=\"b{k}\" class=\"{band}{(bead.IsNull ? " null" : string.Empty)}\">");
            r.Append(CultureInfo.InvariantCulture, $"<td class=\"n\"><a href=\"#b{k}\">{k}</a></td><td class=\"k\">{bead.Kind}</td>");
            r.Append("<td class=\"c\">").Append(FormatText.Confidence(bead.Confidence, 2)).Append("</td>");
            Side(r, _alignment.Source, bead.SourceStart, bead.SourceCount, _sourceLang, "no source: added in the translation", null);
            Side(r, _alignment.Target, bead.TargetStart, bead.TargetCount, _targetLang, "no counterpart: omitted in the translation", _byBead[k]);
            r.Append("</tr>\n");
            _writer.Write(r);
        }

        public override void Close() => _writer.Write("</tbody>\n</table>\n</section>\n</body>\n</html>\n");

        private static void Side(StringBuilder r, Document doc, int start, int count, string lang, string emptyText, IEnumerable<Finding>? flags)
        {
            if (count == 0)
            {
                r.Append("<td class=\"text empty\">").Append(E(emptyText));
            }
            else
            {
                r.Append(CultureInfo.InvariantCulture, $"<td class=\"text\" lang=\"{lang}\">");
                for (int i = start; i < start + count; i++)
                {
                    string where = doc.SentenceOrigin(i) is { } origin ? $"in {origin}" : $"line {doc.Sentences[i].Line}";
                    r.Append(CultureInfo.InvariantCulture, $"<span class=\"s\" title=\"sentence {i}, {E(where)}\">").Append(E(doc.SentenceText(i))).Append("</span>");
                }

                // Read from a web page, Word file or PDF: where in the original these sentences are.
                foreach (string origin in doc.SentenceOrigins(start, count))
                {
                    r.Append("<span class=\"origin\">").Append(E(origin)).Append("</span>");
                }
            }

            foreach (Finding f in flags ?? [])
            {
                if (f.Kind is FindingKind.NumberMismatch or FindingKind.ReorderSuspect or FindingKind.PartialOmission or FindingKind.PartialAddition)
                {
                    r.Append("<span class=\"flag\">").Append(E(f.Message)).Append("</span>");
                }
            }

            r.Append("</td>");
        }

        private void WriteHead(TranslationReview review)
        {
            Document s = _alignment.Source, t = _alignment.Target;
            string title = _options.Title ?? DefaultTitle(s.Name, t.Name);
            double mean = _alignment.Beads.Count == 0 ? 0 : _alignment.Beads.Average(b => b.Confidence);
            var w = new StringBuilder(4096);
            AppendHead(w, title);
            w.Append(CultureInfo.InvariantCulture, $"Source: {E(s.Name ?? "source")} ({s.Language.ToCode()}, {s.Sentences.Count} sentences) · ");
            w.Append(CultureInfo.InvariantCulture, $"Target: {E(t.Name ?? "target")} ({t.Language.ToCode()}, {t.Sentences.Count} sentences) · ");
            w.Append(CultureInfo.InvariantCulture, $"{_alignment.Beads.Count} beads, mean confidence {mean:0.00}</p>\n</header>\n");

            w.Append("<section id=\"summary\">\n<h2>Summary</h2>\n<ul class=\"counts\">\n");
            foreach ((FindingKind kind, string label) in Labels)
            {
                w.Append(CultureInfo.InvariantCulture, $"<li class=\"count-{kind.ToString().ToLowerInvariant()}\"><b>{review.Count(kind)}</b>{E(label)}</li>\n");
            }

            w.Append("</ul>\n");
            foreach ((FindingKind kind, string label) in Labels)
            {
                List<Finding> list = review.Findings.Where(f => f.Kind == kind).ToList();
                if (list.Count == 0)
                {
                    continue;
                }

                w.Append(CultureInfo.InvariantCulture, $"<details{(kind is FindingKind.LowConfidence or FindingKind.Merge or FindingKind.Split ? string.Empty : " open")} class=\"list-{kind.ToString().ToLowerInvariant()}\">\n<summary>{E(label)} ({list.Count})</summary>\n<ul class=\"findings\">\n");
                foreach (Finding f in list)
                {
                    w.Append(CultureInfo.InvariantCulture, $"<li><a href=\"#b{f.Bead}\">bead {f.Bead}</a>: {E(f.Message)}");
                    if (f.RelatedBead >= 0)
                    {
                        w.Append(CultureInfo.InvariantCulture, $" (<a href=\"#b{f.RelatedBead}\">bead {f.RelatedBead}</a>)");
                    }

                    w.Append(": <q>").Append(E(Excerpt(f))).Append("</q>");
                    if (kind is FindingKind.Omission or FindingKind.Addition)
                    {
                        // The aligned pairs around it, in both languages, so the gap can be judged from the list.
                        Neighbour(w, "before", f.Bead - 1);
                        Neighbour(w, "after", f.Bead + 1);
                    }

                    w.Append("</li>\n");
                }

                w.Append("</ul>\n</details>\n");
            }

            w.Append("</section>\n<section id=\"alignment\">\n<h2>Side by side</h2>\n");
            w.Append("<p class=\"legend\">Confidence: <span class=\"high\" style=\"background:#c9ecd0\">≥ 0.80</span>");
            w.Append(CultureInfo.InvariantCulture, $"<span style=\"background:#fbeaa8\">{_options.LowConfidence:0.00}–0.80</span><span style=\"background:#f6c1c1\">&lt; {_options.LowConfidence:0.00}</span></p>\n");
            w.Append("<table class=\"beads\">\n<colgroup><col class=\"n\"><col class=\"k\"><col class=\"c\"><col><col></colgroup>\n");
            w.Append(CultureInfo.InvariantCulture, $"<thead><tr><th>#</th><th>bead</th><th>conf.</th><th>Source ({s.Language.ToCode()})</th><th>Target ({t.Language.ToCode()})</th></tr></thead>\n<tbody>\n");
            _writer.Write(w);
        }

        private string Excerpt(Finding f)
        {
            Bead b = _alignment.Beads[f.Bead];
            return Shorten(b.SourceCount > 0 ? _alignment.SourceText(b) : _alignment.TargetText(b));
        }

        private void Neighbour(StringBuilder w, string label, int k)
        {
            if (k < 0 || k >= _alignment.Beads.Count)
            {
                return;
            }

            Bead b = _alignment.Beads[k];
            w.Append(CultureInfo.InvariantCulture, $"<span class=\"ctx\">{label}: <a href=\"#b{k}\">bead {k}</a> <q lang=\"{_sourceLang}\">{E(Shorten(_alignment.SourceText(b)))}</q> ↔ <q lang=\"{_targetLang}\">{E(Shorten(_alignment.TargetText(b)))}</q></span>");
        }

        private static string Shorten(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 79), "…");
    }
}
