using CyberGov.Align.Scoring;
using CyberGov.Align.Text;

namespace CyberGov.Align.Alignment;

/// <summary>
/// Links the sentences of a report to the original sentences they quote or paraphrase (<see cref="Aligner.AlignPartial"/>).
/// Each report sentence is cut into units: every quoted span, and the rest of the sentence. A unit's lexical keys
/// (dictionary translations, names, numbers: the keys of the full aligner) are looked up in an inverted index over the
/// original's sentences, weighted by how rare each key is in the original; the best-covering original sentence is
/// linked when it covers enough of the unit, and further sentences join while each adds enough of what is still
/// uncovered (reported speech that sums up two passages; a quote renders one continuous passage, so it only takes the
/// sentence before or after one it already renders). Work is linear in the original's keys plus, per unit, the postings of
/// its keys.
/// </summary>
internal sealed partial class QuoteFinder
{
    /// <summary>Candidates (by accumulated weight) rescored per unit.</summary>
    private const int Candidates = 64;

    private readonly Document _original;
    private readonly Document _report;
    private readonly SentenceFeatures _o;
    private readonly BilingualLexicon _lexicon;
    private readonly Glossary _glossary;
    private readonly AlignerOptions _options;
    private readonly LexiconOverlay? _learned;

    // The inverted index, over the keys that occur in the report only: key → index, postings in CSR form, weights.
    private readonly Dictionary<int, int> _keyIndex = [];
    private readonly HashSet<int> _specificNumberKeys = [];
    private int[] _postingStart = [];
    private int[] _postings = [];
    private double[] _weight = [];

    public QuoteFinder(Document original, Document report, SentenceFeatures originalFeatures, BilingualLexicon lexicon, Glossary glossary, AlignerOptions options, LexiconOverlay? learned = null)
    {
        _learned = learned;
        _original = original;
        _report = report;
        _o = originalFeatures;
        _lexicon = lexicon;
        _glossary = glossary;
        _options = options;
    }

    /// <summary>A piece of a report sentence searched on its own: a quoted span, or the text around the quotes.</summary>
    private sealed class Unit(bool quoted, int[] keys, string text)
    {
        public bool Quoted { get; } = quoted;

        /// <summary>Sorted unique keys.</summary>
        public int[] Keys { get; } = keys;

        public string Text { get; } = text;

        /// <summary>The original sentences linked to this unit (ascending), empty when none.</summary>
        public List<int> Sources { get; } = [];

        /// <summary>How far the best candidate clears the thresholds (1 = just enough): the lesser of evidence / needed and margin / needed.</summary>
        public double Score { get; set; }
    }

    private double _averageKeys;
    private double _rareWeight;
    private bool[] _heading = [];

    public List<QuoteLink> Find(CancellationToken cancellationToken)
    {
        List<Unit>[] units = CutUnits(cancellationToken);
        BuildIndex(units, cancellationToken);
        var acc = new double[_o.Count];
        var touched = new List<int>();
        var links = new List<QuoteLink>(_report.Sentences.Count);
        var sentenceLinks = new (List<int> Sources, QuoteLinkKind Kind, double Confidence, List<Unit> Linked)[_report.Sentences.Count];
        for (int r = 0; r < units.Length; r++)
        {
            if ((r & 63) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var sources = new SortedSet<int>();
            var linked = new List<Unit>();
            bool quote = false;
            double best = 0;
            foreach (Unit unit in units[r])
            {
                Link(unit, acc, touched);
                best = Math.Max(best, unit.Score);
                if (unit.Sources.Count > 0)
                {
                    sources.UnionWith(unit.Sources);
                    linked.Add(unit);
                    quote |= unit.Quoted;
                }
            }

            QuoteLinkKind kind = sources.Count == 0 ? QuoteLinkKind.Unlinked : quote ? QuoteLinkKind.Quote : QuoteLinkKind.Paraphrase;
            double confidence = kind == QuoteLinkKind.Unlinked ? 1 - Sigmoid(best) : Sigmoid(linked.Max(u => u.Score));
            sentenceLinks[r] = ([.. sources], kind, confidence, linked);
        }

        // Rows: consecutive sentences of one paragraph that render the same original sentences the same way share a row.
        for (int r = 0; r < sentenceLinks.Length;)
        {
            var (sources, kind, confidence, linked) = sentenceLinks[r];
            int end = r + 1;
            while (kind != QuoteLinkKind.Unlinked && end < sentenceLinks.Length
                && _report.Sentences[end].Paragraph == _report.Sentences[r].Paragraph
                && sentenceLinks[end].Kind == kind && sentenceLinks[end].Sources.SequenceEqual(sources))
            {
                confidence = Math.Min(confidence, sentenceLinks[end].Confidence);
                linked.AddRange(sentenceLinks[end].Linked);
                end++;
            }

            links.Add(new QuoteLink(r, end - r, sources, kind, Math.Round(confidence, 4), Flags(sources, linked)));
            r = end;
        }

        return links;
    }

    /// <summary>A score in [0, 1] from how far the evidence clears the thresholds: 0.5 at exactly the threshold.</summary>
    private static double Sigmoid(double score) => 1 / (1 + Math.Exp(-4 * (score - 1)));

    /// <summary>
    /// Finds the sources of one unit. Candidates are scored by the summed weight of the unit's keys they hold, scaled
    /// down for long sentences (BM25's length normalisation) and for headings, in units of one rare word; the best is
    /// linked when it has enough evidence and clearly beats the runner-up; further sentences join (a quote built from
    /// two sentences) while each adds enough evidence of its own.
    /// </summary>
    private void Link(Unit unit, double[] acc, List<int> touched)
    {
        int[] keys = unit.Keys;
        double total = 0;
        var index = new int[keys.Length];
        for (int k = 0; k < keys.Length; k++)
        {
            index[k] = _keyIndex[keys[k]];
            total += _weight[index[k]];
        }

        touched.Clear();
        foreach (int ki in index)
        {
            double w = _weight[ki];
            for (int p = _postingStart[ki]; p < _postingStart[ki + 1]; p++)
            {
                int s = _postings[p];
                if (acc[s] == 0)
                {
                    touched.Add(s);
                }

                acc[s] += w;
            }
        }

        // The candidates with the most raw weight, rescored; the accumulator is cleared for the next unit.
        touched.Sort((a, b) => acc[b] != acc[a] ? acc[b].CompareTo(acc[a]) : a.CompareTo(b));
        int n = Math.Min(Candidates, touched.Count);
        var candidates = touched.GetRange(0, n);
        foreach (int s in touched)
        {
            acc[s] = 0;
        }

        if (n == 0 || total <= 0)
        {
            return;
        }

        var holds = new bool[n][];
        var evidence = new double[n];
        for (int c = 0; c < n; c++)
        {
            holds[c] = Holds(keys, _o.KeysOf(candidates[c]));
            evidence[c] = Evidence(candidates[c], holds[c], index, null);
        }

        var order = Enumerable.Range(0, n).OrderByDescending(c => evidence[c]).ThenBy(c => candidates[c]).ToList();
        int best = order[0];
        double e1 = evidence[best], e2 = n > 1 ? evidence[order[1]] : 0;
        double need = unit.Quoted ? _options.PartialQuoteEvidence : _options.PartialParaphraseEvidence;
        double margin = unit.Quoted ? _options.PartialQuoteMargin : _options.PartialParaphraseMargin;
        double ratio = e1 / Math.Max(e2, 1e-9);
        unit.Score = Math.Min(e1 / need, ratio / margin);

        // Clearly ahead with enough evidence, or ahead by less with much more evidence.
        bool link = (e1 >= need && ratio >= margin) || (e1 >= StrongFactor * need && ratio >= 1 + ((margin - 1) / 3));
        if (!link)
        {
            return;
        }

        var covered = (bool[])holds[best].Clone();
        unit.Sources.Add(candidates[best]);
        while (unit.Sources.Count < _options.PartialMaxSources)
        {
            // The sentence adding most of what is still uncovered joins when it alone has enough evidence for it and
            // clearly beats the next such sentence. A heading never joins, and a quote (one continuous passage) only
            // takes a sentence next to one it already renders.
            int next = -1;
            double nextEvidence = 0, runnerUp = 0;
            foreach (int c in order)
            {
                int s = candidates[c];
                bool excluded = unit.Sources.Contains(s) || _heading[s] || (unit.Quoted && !unit.Sources.Exists(x => Math.Abs(x - s) == 1));
                double e = excluded ? 0 : Evidence(s, holds[c], index, covered);
                if (e > nextEvidence)
                {
                    runnerUp = nextEvidence;
                    next = c;
                    nextEvidence = e;
                }
                else if (e > runnerUp)
                {
                    runnerUp = e;
                }
            }

            if (next < 0 || nextEvidence < need || nextEvidence < margin * runnerUp)
            {
                break;
            }

            unit.Sources.Add(candidates[next]);
            for (int k = 0; k < keys.Length; k++)
            {
                covered[k] |= holds[next][k];
            }
        }

        unit.Sources.Sort();
    }

    /// <summary>How much more evidence than the thresholds a link needs when it beats the runner-up by less than the margin.</summary>
    private const double StrongFactor = 1.6;

    /// <summary>Which of the (sorted) unit keys a sentence's (sorted) keys hold.</summary>
    private static bool[] Holds(int[] keys, ReadOnlySpan<int> sentence)
    {
        var holds = new bool[keys.Length];
        int i = 0, j = 0;
        while (i < keys.Length && j < sentence.Length)
        {
            if (keys[i] == sentence[j])
            {
                holds[i++] = true;
                j++;
            }
            else if (keys[i] < sentence[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return holds;
    }

    /// <summary>The evidence of one original sentence for a unit: the weight of the keys it holds (not yet covered), length-normalised, in rare-word units.</summary>
    private double Evidence(int sentence, bool[] holds, int[] index, bool[]? covered)
    {
        double w = 0;
        for (int k = 0; k < holds.Length; k++)
        {
            if (holds[k] && (covered is null || !covered[k]))
            {
                w += _weight[index[k]];
            }
        }

        int length = _o.KeyStart[sentence + 1] - _o.KeyStart[sentence];
        double norm = 1 - LengthNormalisation + (LengthNormalisation * length / _averageKeys);
        return w / norm / _rareWeight * (_heading[sentence] ? HeadingFactor : 1);
    }

    /// <summary>
    /// A number at least this large (550多万, "8.74 million", 3.75万亿) rarely agrees by chance, unlike years, days,
    /// percentages and small counts, so its key weighs <see cref="SpecificNumberFactor"/> times its rarity.
    /// </summary>
    private const double SpecificNumber = 10_000;

    /// <summary>How much more a specific number weighs than a word equally rare in the original.</summary>
    private const double SpecificNumberFactor = 2;

    /// <summary>BM25's b: how much a sentence's length discounts its evidence.</summary>
    private const double LengthNormalisation = 0.5;

    /// <summary>Titles and headings (a paragraph of one sentence with no end mark) are rarely what a report quotes.</summary>
    private const double HeadingFactor = 0.5;

    /// <summary>Cuts every report sentence into its quoted spans and the text around them, and extracts their keys.</summary>
    private List<Unit>[] CutUnits(CancellationToken cancellationToken)
    {
        bool chinese = _report.Language == Language.Chinese;
        var result = new List<Unit>[_report.Sentences.Count];
        var keys = new List<int>(64);
        var numbers = new List<long>(8);
        char[] lower = new char[256];
        var spans = new List<(int Start, int End)>();
        int paragraph = -1;
        bool open = false;
        var outside = new System.Text.StringBuilder();
        for (int r = 0; r < result.Length; r++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_report.Sentences[r].Paragraph != paragraph)
            {
                paragraph = _report.Sentences[r].Paragraph;
                open = false;
            }

            ReadOnlySpan<char> text = _report.SentenceSpan(r);
            open = QuotedSpans(text, open, spans);
            var units = new List<Unit>(spans.Count + 1);
            outside.Clear();
            int at = 0;
            foreach ((int start, int end) in spans)
            {
                outside.Append(text[at..start]).Append(' ');
                at = end;
                AddUnit(true, text[start..end], text[start..end]);
            }

            outside.Append(text[at..]);
            string rest = outside.ToString();
            AddUnit(false, rest, chinese ? rest : ReportingWords().Replace(rest, " "));
            result[r] = units;

            // The keys come from keyText (outside quotation marks, the piece less the reporter's own words); the unit
            // keeps the piece as written.
            void AddUnit(bool quoted, ReadOnlySpan<char> piece, ReadOnlySpan<char> keyText)
            {
                FeatureExtractor.TextKeys(keyText, chinese, _lexicon, _glossary, keys, numbers, ref lower, _learned);
                foreach (long number in numbers)
                {
                    if (Math.Abs(NumberExtractor.ValueOf(number)) >= SpecificNumber)
                    {
                        _specificNumberKeys.Add(FeatureExtractor.NumberKey(number));
                    }
                }

                if (keys.Count > 0)
                {
                    units.Add(new Unit(quoted, [.. keys], piece.ToString()));
                }
            }
        }

        return result;
    }

    /// <summary>
    /// The reporter's words around reported speech ("he said", "told", "the speech", "observers noted"): they say who
    /// spoke, not what, yet their dictionary translations (说, 讲话, 指出) are rare words in a short original, so a
    /// framing sentence would be linked on them. They are left out of an English report's text outside quotation
    /// marks; only forms that are rarely anything but reporting are listed ("added", "promised", "state" can carry the
    /// speech's own content).
    /// </summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:say|says|said|saying|tells|told|noted|urges|urged|recalled|vows|vowed|insists|insisted|declared|warns|warned|stressed|speech|speeches|remarks|observers?|analysts?)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ReportingWords();

    /// <summary>
    /// The quoted spans of a sentence (between “ ” 「 」 『 』 « » or straight double quotes; a quote left open at the end of
    /// the sentence runs on into the next sentence of the paragraph). Returns whether a quote is open at the end.
    /// </summary>
    internal static bool QuotedSpans(ReadOnlySpan<char> text, bool open, List<(int Start, int End)> spans)
    {
        spans.Clear();
        int start = open ? 0 : -1;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            bool opens = c is '“' or '「' or '『' or '«' || (c == '"' && start < 0);
            bool closes = c is '”' or '」' or '』' or '»' || (c == '"' && start >= 0);
            if (opens && start < 0)
            {
                start = i + 1;
            }
            else if (closes && start >= 0)
            {
                if (i > start)
                {
                    spans.Add((start, i));
                }

                start = -1;
            }
        }

        if (start >= 0 && start < text.Length)
        {
            spans.Add((start, text.Length));
        }

        return start >= 0;
    }

    private static readonly System.Buffers.SearchValues<char> EndMarks = System.Buffers.SearchValues.Create("。！？.!?…”\"」』；;");

    /// <summary>Builds postings and weights over the keys the report uses.</summary>
    private void BuildIndex(List<Unit>[] units, CancellationToken cancellationToken)
    {
        foreach (List<Unit> list in units)
        {
            foreach (Unit unit in list)
            {
                foreach (int key in unit.Keys)
                {
                    _keyIndex.TryAdd(key, _keyIndex.Count);
                }
            }
        }

        int keyCount = _keyIndex.Count;
        var df = new int[keyCount + 1];
        for (int s = 0; s < _o.Count; s++)
        {
            if ((s & 4095) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            foreach (int key in _o.KeysOf(s))
            {
                if (_keyIndex.TryGetValue(key, out int ki))
                {
                    df[ki + 1]++;
                }
            }
        }

        _postingStart = new int[keyCount + 1];
        for (int k = 0; k < keyCount; k++)
        {
            _postingStart[k + 1] = _postingStart[k] + df[k + 1];
        }

        _postings = new int[_postingStart[keyCount]];
        var fill = (int[])_postingStart.Clone();
        for (int s = 0; s < _o.Count; s++)
        {
            foreach (int key in _o.KeysOf(s))
            {
                if (_keyIndex.TryGetValue(key, out int ki))
                {
                    _postings[fill[ki]++] = s;
                }
            }
        }

        // A key's weight is its rarity in the original; a key the original never has weighs as much as the rarest.
        double n = _o.Count;
        _rareWeight = Math.Log((n + 1) / 1.5);
        _averageKeys = Math.Max(1.0, (double)_o.KeyStart[_o.Count] / Math.Max(1, _o.Count));
        _heading = new bool[_o.Count];
        for (int s = 0; s < _o.Count; s++)
        {
            int paragraph = _original.Sentences[s].Paragraph;
            bool alone = (s == 0 || _original.Sentences[s - 1].Paragraph != paragraph) && (s + 1 == _o.Count || _original.Sentences[s + 1].Paragraph != paragraph);
            ReadOnlySpan<char> text = _original.SentenceSpan(s).TrimEnd();
            _heading[s] = alone && (text.IsEmpty || !EndMarks.Contains(text[^1]));
        }

        _weight = new double[keyCount];
        foreach ((int key, int k) in _keyIndex)
        {
            _weight[k] = Math.Max(0.05, Math.Log((n + 1) / (df[k + 1] + 0.5))) * (_specificNumberKeys.Contains(key) ? SpecificNumberFactor : 1);
        }
    }

    /// <summary>The fidelity flags of a row: numbers that differ, items of an enumeration in the original left out, names a quote adds.</summary>
    private List<QuoteFlag> Flags(List<int> sources, List<Unit> linked)
    {
        if (sources.Count == 0)
        {
            return [];
        }

        return QuoteFidelity.Check(_original, sources, linked.Select(u => (u.Quoted, u.Text, u.Keys)).ToList(), _o, _lexicon, _glossary);
    }
}
