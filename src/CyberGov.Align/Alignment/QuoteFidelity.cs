using CyberGov.Align.Scoring;
using CyberGov.Align.Text;

namespace CyberGov.Align.Alignment;

/// <summary>
/// What a passage changed against the original sentences it renders: numbers that differ (each side has a value the
/// other lacks, compared at full value, so 120万亿 meets "120 trillion"), items of an enumeration in the original
/// (Chinese items between 、) left out while the others are rendered — 淫秽 in 恐怖、淫秽、贩毒、洗钱、赌博 rendered as
/// "terrorism, drug trafficking, money laundering and gambling" — and capitalised names inside quotation marks that
/// nothing in the original supports.
/// </summary>
internal static class QuoteFidelity
{
    public static List<QuoteFlag> Check(Document original, IReadOnlyList<int> sources, IReadOnlyList<(bool Quoted, string Text, int[] Keys)> passage, SentenceFeatures originalFeatures, BilingualLexicon lexicon, Glossary glossary)
    {
        var flags = new List<QuoteFlag>();
        NumberFlags(original, sources, passage, flags);
        if (original.Language == Language.Chinese)
        {
            DroppedItems(original, sources, string.Join(" ", passage.Select(u => u.Text)), lexicon, glossary, flags);
        }

        var sourceKeys = new HashSet<int>(sources.SelectMany(s => originalFeatures.KeysOf(s).ToArray()));
        foreach (var unit in passage)
        {
            if (unit.Quoted)
            {
                AddedNames(unit.Text, sourceKeys, lexicon, flags);
            }
        }

        return flags;
    }

    private static void NumberFlags(Document original, IReadOnlyList<int> sources, IReadOnlyList<(bool Quoted, string Text, int[] Keys)> passage, List<QuoteFlag> flags)
    {
        var theirs = new List<long>();
        var theirNames = new List<long>();
        foreach (int s in sources)
        {
            NumberExtractor.ExtractFullValues(original.SentenceSpan(s), theirs, theirNames);
        }

        var ours = new List<long>();
        var ourNames = new List<long>();
        foreach (var unit in passage)
        {
            NumberExtractor.ExtractFullValues(unit.Text, ours, ourNames);
        }

        // Numbers in names (COVID-19, 嫦娥四号) may match the other side's figures but are never reported as missing.
        var onlyOurs = ours.Except(theirs).Except(theirNames).ToList();
        var onlyTheirs = theirs.Except(ours).Except(ourNames).ToList();
        if (onlyOurs.Count > 0 && onlyTheirs.Count > 0)
        {
            flags.Add(new QuoteFlag(QuoteFlagKind.NumberDiffers, $"{NumberExtractor.Show(onlyTheirs)} ≠ {NumberExtractor.Show(onlyOurs)}"));
        }
    }

    /// <summary>Items of a 、-enumeration, the others rendered, that the passage leaves out (<see cref="EnumerationItems"/>).</summary>
    private static void DroppedItems(Document original, IReadOnlyList<int> sources, string passage, BilingualLexicon lexicon, Glossary glossary, List<QuoteFlag> flags)
    {
        var items = new EnumerationItems(lexicon, glossary);
        items.SetEnglish(passage);
        var missing = new List<string>();
        foreach (int s in sources)
        {
            items.AddDropped(original.SentenceText(s), missing);
        }

        flags.AddRange(missing.Select(m => new QuoteFlag(QuoteFlagKind.DroppedItem, m)));
    }

    /// <summary>Capitalised English words inside quotation marks (not the quote's first word) that no linked original sentence supports.</summary>
    private static void AddedNames(string quote, HashSet<int> sourceKeys, BilingualLexicon lexicon, List<QuoteFlag> flags)
    {
        Span<char> buffer = stackalloc char[64];
        bool first = true;
        int e = 0;
        while (EnglishWords.NextWord(quote, ref e, out int i))
        {
            ReadOnlySpan<char> word = quote.AsSpan(i, e - i);
            if (!first && char.IsAsciiLetterUpper(word[0]) && word.Length <= buffer.Length && !(i > 1 && quote[i - 2] is '.' or '!' or '?'))
            {
                int len = EnglishWords.Normalize(word, buffer);
                if (len > 0 && !sourceKeys.Contains(lexicon.KeyOf(buffer[..len])))
                {
                    flags.Add(new QuoteFlag(QuoteFlagKind.AddedName, word.ToString()));
                }
            }

            first = false;
        }
    }
}
