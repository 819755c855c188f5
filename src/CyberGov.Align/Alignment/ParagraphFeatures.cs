using CyberGov.Align.Scoring;
using CyberGov.Align.Text;

namespace CyberGov.Align.Alignment;

/// <summary>Features of paragraphs, aggregated from their sentences (lengths and counts add up, keys unite).</summary>
internal static class ParagraphFeatures
{
    public static SentenceFeatures Aggregate(SentenceFeatures sentences, IReadOnlyList<Paragraph> paragraphs)
    {
        int n = paragraphs.Count;
        var length = new int[n];
        var content = new int[n];
        var punctuation = new int[n];
        var keyStart = new int[n + 1];
        var numberStart = new int[n + 1];
        var keys = new List<int>(sentences.Keys.Length);
        var numbers = new List<long>(sentences.Numbers.Length);
        var buffer = new List<int>();
        for (int p = 0; p < n; p++)
        {
            buffer.Clear();
            int first = paragraphs[p].FirstSentence, end = first + paragraphs[p].SentenceCount;
            int numberFrom = numbers.Count;
            for (int s = first; s < end; s++)
            {
                length[p] += sentences.Length[s];
                content[p] += sentences.Content[s];
                punctuation[p] = SentenceFeatures.AddPunctuation(punctuation[p], sentences.Punctuation[s]);
                foreach (int k in sentences.KeysOf(s))
                {
                    buffer.Add(k);
                }

                foreach (long v in sentences.NumbersOf(s))
                {
                    numbers.Add(v);
                }
            }

            numbers.Sort(numberFrom, numbers.Count - numberFrom, null);
            numberStart[p + 1] = numbers.Count;
            buffer.Sort();
            for (int i = 0; i < buffer.Count; i++)
            {
                if (i == 0 || buffer[i] != buffer[i - 1])
                {
                    keys.Add(buffer[i]);
                }
            }

            keyStart[p + 1] = keys.Count;
        }

        return new SentenceFeatures(n, length, keyStart, [.. keys], content, numberStart, [.. numbers], punctuation, new int[n]);
    }
}
