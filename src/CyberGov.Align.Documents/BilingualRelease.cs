using CyberGov.Align.Alignment;
using CyberGov.Align.Text;

namespace CyberGov.Align.Documents;

/// <summary>
/// One file that holds both languages, paragraphs interleaved, as many bilingual releases (双语全文) are published:
/// split by script into a Chinese and an English document, with the publication's own pairing kept as fixed points.
/// A paragraph of the language the file starts with owns the paragraphs of the other language that follow it, up to
/// the next paragraph of its own language; a run of several paragraphs of one language followed by a block of the
/// other is one group, aligned inside. A paragraph with no letters of either script (a number, a date) stays with
/// the language of the paragraph before it.
/// </summary>
public sealed class BilingualRelease
{
    private BilingualRelease(Document chinese, Document english, IReadOnlyList<(int Chinese, int English)> groupStarts)
    {
        Chinese = chinese;
        English = english;
        GroupStarts = groupStarts;
    }

    /// <summary>The Chinese paragraphs, with their places in the file.</summary>
    public Document Chinese { get; }

    /// <summary>The English paragraphs, with their places in the file.</summary>
    public Document English { get; }

    /// <summary>For each group of paragraphs the publication pairs, its first Chinese and first English paragraph.</summary>
    public IReadOnlyList<(int Chinese, int English)> GroupStarts { get; }

    /// <summary>Splits a bilingual file's paragraphs.</summary>
    /// <param name="paragraphs">The file's paragraphs in order (see <see cref="DocumentLoader.LoadParagraphs"/>).</param>
    /// <param name="name">The file name, for messages.</param>
    /// <param name="options">Segmenter settings.</param>
    /// <returns>The two documents and the groups.</returns>
    /// <exception cref="InputFormatException">The file does not hold both languages.</exception>
    public static BilingualRelease Split(IReadOnlyList<SourceParagraph> paragraphs, string name, ReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        options ??= ReadOptions.Default;
        var chinese = new List<SourceParagraph>();
        var english = new List<SourceParagraph>();
        var groups = new List<(int, int)>();
        Language previous = Language.Unknown, leader = Language.Unknown;
        foreach (SourceParagraph p in paragraphs)
        {
            if (Document.IsBlankParagraph(p.Text))
            {
                continue; // as Document.FromParagraphs drops it, so the group counts stay in step
            }

            Language language = LanguageDetector.Detect(p.Text);
            language = language == Language.Unknown ? previous : language;
            if (language == Language.Unknown)
            {
                // Before any paragraph with letters: it goes with the first one that has them.
                language = paragraphs.Select(q => LanguageDetector.Detect(q.Text)).FirstOrDefault(l => l != Language.Unknown, Language.Chinese);
            }

            if (leader == Language.Unknown)
            {
                leader = language;
            }

            // A paragraph of the leading language that follows the other language starts a new group.
            if (language == leader && (groups.Count == 0 || previous != leader))
            {
                groups.Add((chinese.Count, english.Count));
            }

            (language == Language.Chinese ? chinese : english).Add(p);
            previous = language;
        }

        if (chinese.Count == 0 || english.Count == 0)
        {
            throw new InputFormatException(name, 0, -1, $"is not bilingual: all its paragraphs are {(chinese.Count == 0 ? "English" : "Chinese")}");
        }

        var documentOptions = new DocumentOptions { Name = name, Segmenter = options.Segmenter, ForceLanguage = true };
        return new BilingualRelease(
            Document.FromParagraphs(chinese, Language.Chinese, documentOptions),
            Document.FromParagraphs(english, Language.English, documentOptions),
            groups);
    }

    /// <summary>
    /// The groups as fixed points for <see cref="Aligner.Align(Document, Document, IReadOnlyList{FixedPoint}, CancellationToken)"/>,
    /// with the Chinese document as source (or as target when <paramref name="chineseSource"/> is false).
    /// </summary>
    /// <param name="chineseSource">Whether the Chinese document is the source.</param>
    /// <returns>The fixed points.</returns>
    public IReadOnlyList<FixedPoint> FixedPoints(bool chineseSource = true)
    {
        var points = new List<FixedPoint>(GroupStarts.Count);
        foreach ((int zh, int en) in GroupStarts)
        {
            int i = zh < Chinese.Paragraphs.Count ? Chinese.Paragraphs[zh].FirstSentence : Chinese.Sentences.Count;
            int j = en < English.Paragraphs.Count ? English.Paragraphs[en].FirstSentence : English.Sentences.Count;
            points.Add(chineseSource ? new FixedPoint(i, j) : new FixedPoint(j, i));
        }

        return points;
    }
}
