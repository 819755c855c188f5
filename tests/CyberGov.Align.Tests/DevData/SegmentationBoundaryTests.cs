using System.Xml.Linq;
using CyberGov.Align.Segmentation;
using CyberGov.Align.Text;
using Xunit.Abstractions;
using static CyberGov.Align.Tests.Segmentation.SegmenterAssert;

namespace CyberGov.Align.Tests.DevData;

/// <summary>
/// Boundary precision/recall/F1 of the segmenters against human sentence boundaries in ../shared/data/dev/*/intertext.
/// Paragraphs are rebuilt by joining each &lt;p&gt;'s sentences (a space in English, nothing in Chinese); a sentence
/// with no final punctuation (a title, a heading, a date) ends a paragraph, as in the original layout.
/// </summary>
[Trait("Category", "DevData")]
public sealed class SegmentationBoundaryTests(ITestOutputHelper output)
{
    [DevDataFact]
    public void English_boundary_F1_is_at_least_0_98() => Measure(Language.English, "_src.xml");

    [DevDataFact]
    public void Chinese_boundary_F1_is_at_least_0_98() => Measure(Language.Chinese, "_tgt.xml");

    private void Measure(Language language, string suffix)
    {
        ISentenceSegmenter segmenter = Segmenters.For(language);
        var total = new BoundaryCounts();
        foreach (string set in new[] { "aca", "mag" })
        {
            string dir = DevDataPaths.Path(set, "intertext");
            // non-literary.NNN_src.xml / _tgt.xml; the link file (…_src.NNN_tgt.xml) has two underscores.
            foreach (string file in Directory.GetFiles(dir, "*" + suffix).Where(f => Path.GetFileName(f).Count(c => c == '_') == 1).Order(StringComparer.Ordinal))
            {
                BoundaryCounts counts = Score(file, language, segmenter, output);
                output.WriteLine($"{set,-4} {Path.GetFileName(file),-32} {counts}");
                total.Add(counts);
            }
        }

        output.WriteLine($"all  {language,-32} {total}");
        Assert.True(total.F1 >= 0.98, $"{language} boundary F1 {total.F1:F4} < 0.98 ({total})");
    }

    internal static BoundaryCounts Score(string xmlFile, Language language, ISentenceSegmenter segmenter, ITestOutputHelper? log)
    {
        var counts = new BoundaryCounts();
        string joiner = language == Language.English ? " " : string.Empty;
        var spans = new List<TextSpan>();
        foreach (List<string> paragraph in Paragraphs(xmlFile))
        {
            string text = string.Join(joiner, paragraph);
            var gold = new HashSet<int>();
            int pos = 0;
            for (int i = 0; i < paragraph.Count - 1; i++)
            {
                pos += paragraph[i].Length;
                gold.Add(pos);
                pos += joiner.Length;
            }

            spans.Clear();
            segmenter.Segment(text, 0, spans);
            var predicted = new HashSet<int>(spans.Take(spans.Count - 1).Select(s => s.End));
            int hit = predicted.Count(gold.Contains);
            counts.Correct += hit;
            counts.Predicted += predicted.Count;
            counts.Gold += gold.Count;
            if (log is not null && (hit != gold.Count || hit != predicted.Count) && counts.Logged < 15)
            {
                counts.Logged++;
                foreach (int miss in gold.Except(predicted))
                {
                    log.WriteLine($"  missed: …{Around(text, miss)}…");
                }

                foreach (int extra in predicted.Except(gold))
                {
                    log.WriteLine($"  extra:  …{Around(text, extra)}…");
                }
            }
        }

        return counts;
    }

    private static string Around(string text, int at) =>
        text[Math.Max(0, at - 40)..at] + " ‖ " + text[at..Math.Min(text.Length, at + 40)];

    /// <summary>Rebuilds paragraphs: a &lt;p&gt;'s sentences, broken after any sentence with no final punctuation.</summary>
    private static IEnumerable<List<string>> Paragraphs(string xmlFile)
    {
        XDocument doc = XDocument.Load(xmlFile);
        foreach (XElement p in doc.Descendants("p"))
        {
            var current = new List<string>();
            foreach (XElement s in p.Elements("s"))
            {
                string sentence = s.Value.Trim();
                if (sentence.Length == 0)
                {
                    continue;
                }

                current.Add(sentence);
                if (!EndsWithFinalPunctuation(sentence))
                {
                    yield return current;
                    current = [];
                }
            }

            if (current.Count > 0)
            {
                yield return current;
            }
        }
    }

    private static bool EndsWithFinalPunctuation(string sentence)
    {
        string trimmed = sentence.TrimEnd('"', '\'', '”', '’', ')', '）', '」', '』', '》', ']', '】');
        return trimmed.Length > 0 && trimmed[^1] is '.' or '!' or '?' or '。' or '！' or '？' or '…' or ';' or '；' or ':' or '：';
    }
}

internal sealed class BoundaryCounts
{
    public int Correct { get; set; }

    public int Predicted { get; set; }

    public int Gold { get; set; }

    public int Logged { get; set; }

    public double Precision => Predicted == 0 ? 1 : (double)Correct / Predicted;

    public double Recall => Gold == 0 ? 1 : (double)Correct / Gold;

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public void Add(BoundaryCounts other)
    {
        Correct += other.Correct;
        Predicted += other.Predicted;
        Gold += other.Gold;
    }

    public override string ToString() => $"P={Precision:F4} R={Recall:F4} F1={F1:F4} (gold {Gold}, predicted {Predicted}, correct {Correct})";
}

/// <summary>Messy-copy checks on the complete official publications in ../shared/data/real.</summary>
[Trait("Category", "DevData")]
public sealed class RealTextSegmentationTests(ITestOutputHelper output)
{
    private static IEnumerable<string> RealFiles(string name) =>
        Directory.GetDirectories(DevDataPaths.Path("..", "real")).Order(StringComparer.Ordinal).Select(d => Path.Combine(d, name)).Where(File.Exists);

    [DevDataFact]
    public void Chinese_with_spaces_between_characters_segments_as_without_them()
    {
        int paragraphs = 0;
        foreach (string file in RealFiles("zh.txt"))
        {
            foreach (string line in File.ReadLines(file).Where(l => l.Trim().Length > 0))
            {
                string plain = line.Trim();
                string[] expected = Unspaced(Split(Language.Chinese, plain));
                string[] actual = Unspaced(Split(Language.Chinese, SpaceOut(plain)));
                Assert.True(expected.SequenceEqual(actual), $"{file}: '{plain}'");
                paragraphs++;
            }
        }

        output.WriteLine($"{paragraphs} paragraphs segment identically with spaces between characters");
        Assert.True(paragraphs > 100);
    }

    [DevDataFact]
    public void English_sentences_glued_without_a_space_are_split()
    {
        var spans = new List<TextSpan>();
        ISentenceSegmenter segmenter = Segmenters.For(Language.English);
        var glued = new System.Text.RegularExpressions.Regex(@"[a-z0-9][.!?][”’""]?[A-Z][a-z]");
        int lines = 0, left = 0;
        foreach (string file in RealFiles("en.txt"))
        {
            foreach (string line in File.ReadLines(file))
            {
                if (!glued.IsMatch(line))
                {
                    continue;
                }

                lines++;
                spans.Clear();
                segmenter.Segment(line, 0, spans);
                foreach (TextSpan s in spans)
                {
                    string sentence = line.Substring(s.Start, s.Length);
                    if (glued.IsMatch(sentence))
                    {
                        left++;
                        output.WriteLine(sentence);
                    }
                }
            }
        }

        output.WriteLine($"{lines} lines with a glued sentence end; {left} sentences still glued");
        Assert.True(lines > 50);
        Assert.Equal(0, left);
    }
}
