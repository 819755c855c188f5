using System.Text;
using CyberGov.Align.Alignment;
using CyberGov.Align.Documents;
using CyberGov.Align.Tests.DevData;
using CyberGov.Align.Text;

namespace CyberGov.Align.Tests.Documents;

public sealed class BilingualReleaseTests
{
    private static readonly Aligner Aligner = new AlignerBuilder().UseBundledDictionary().Build();

    [Fact]
    public void Paragraphs_are_split_by_script_and_each_group_starts_with_the_leading_language()
    {
        SourceParagraph[] file =
        [
            new("政府工作报告", "line 1"), new("REPORT ON THE WORK OF THE GOVERNMENT", "line 3"),
            new("各位代表：", "line 5"), new("Esteemed Deputies,", "line 7"),
            new("一是稳增长。", "line 9"), new("二是保就业。", "line 11"), new("First, we kept growth steady and protected jobs.", "line 13"),
            new("2017", "line 15"), new("\u200B", "line 16"),
            new("三是防风险。", "line 17"), new("Third, we guarded against risks.", "line 19"), new("We did so together.", "line 21"),
        ];
        BilingualRelease release = BilingualRelease.Split(file, "bi.txt");
        Assert.Equal(5, release.Chinese.Paragraphs.Count);
        Assert.Equal(6, release.English.Paragraphs.Count);
        Assert.Equal([(0, 0), (1, 1), (2, 2), (4, 4)], release.GroupStarts);
        Assert.Equal("line 15", release.English.ParagraphOrigin(3)); // "2017" stays with the English before it

        AlignmentResult result = Aligner.Align(release.Chinese, release.English, release.FixedPoints());
        Assert.Contains(result.Beads, b => b.SourceStart == 2 && b.SourceCount == 2 && b.TargetStart == 2 && b.TargetEnd <= 4); // inside its group
        foreach (FixedPoint p in release.FixedPoints())
        {
            Assert.Contains(result.Beads, b => b.SourceStart == p.Source && b.TargetStart == p.Target);
        }
    }

    [Fact]
    public void A_file_in_one_language_is_not_bilingual()
    {
        var ex = Assert.Throws<InputFormatException>(() => BilingualRelease.Split([new("Only English.", "line 1"), new("More English.", "line 3")], "en.txt"));
        Assert.Contains("en.txt: is not bilingual", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fixed_points_out_of_order_or_outside_the_documents_are_refused()
    {
        Document zh = Document.Parse("第一句。第二句。", Language.Chinese), en = Document.Parse("One. Two.", Language.English);
        Assert.Throws<ArgumentException>(() => Aligner.Align(zh, en, [new FixedPoint(1, 1), new FixedPoint(0, 2)]));
        Assert.Throws<ArgumentException>(() => Aligner.Align(zh, en, [new FixedPoint(3, 1)]));
        AlignmentResult r = Aligner.Align(zh, en, [new FixedPoint(0, 0), new FixedPoint(1, 1), new FixedPoint(2, 2)]);
        Assert.Equal(2, r.Beads.Count);
    }

    public static TheoryData<string> Texts() => RealDocumentFormsTests.Texts();

    /// <summary>
    /// Each publication of ../shared/data/real interleaved as it was published (its pairs.tsv), read as one text, web
    /// page or Word file with --bilingual, gives exactly the beads of the plain text: the plain-text alignment has a
    /// bead boundary at both ends of every group of the publication's pairing, and the beads inside are the same.
    /// </summary>
    [DevDataTheory]
    [MemberData(nameof(Texts))]
    public void An_interleaved_release_gives_exactly_the_plain_text_beads(string name)
    {
        string dir = DevDataPaths.Path("..", "real", name);
        AlignmentResult plain = Aligner.Align(DocumentReader.ReadFile(Path.Combine(dir, "zh.txt")), DocumentReader.ReadFile(Path.Combine(dir, "en.txt")));
        string[] zh = DocumentFixtures.Paragraphs(Path.Combine(dir, "zh.txt")), en = DocumentFixtures.Paragraphs(Path.Combine(dir, "en.txt"));
        var interleaved = new List<string>();
        foreach (string line in File.ReadAllLines(Path.Combine(dir, "pairs.tsv")))
        {
            string[] f = line.Split('\t');
            interleaved.Add(zh[int.Parse(f[0], System.Globalization.CultureInfo.InvariantCulture)]);
            for (int k = int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture); k <= int.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture); k++)
            {
                interleaved.Add(en[k]);
            }
        }

        byte[] text = Encoding.UTF8.GetBytes(string.Join("\n\n", interleaved));
        byte[] page = Encoding.UTF8.GetBytes(DocumentFixtures.Html(interleaved, "zh-CN"));
        byte[] docx = DocumentFixtures.Docx(interleaved);
        IReadOnlyList<Bead>? first = null;
        foreach ((byte[] bytes, string file) in new[] { (text, "bi.txt"), (page, "bi.html"), (docx, "bi.docx") })
        {
            BilingualRelease release = BilingualRelease.Split(DocumentLoader.LoadParagraphs(bytes, file), file);
            Assert.Equal(zh.Length, release.Chinese.Paragraphs.Count);
            Assert.Equal(en.Length, release.English.Paragraphs.Count);
            IReadOnlyList<FixedPoint> points = release.FixedPoints();
            AlignmentResult bilingual = Aligner.Align(release.Chinese, release.English, points);
            first ??= bilingual.Beads;
            Assert.Equal(first, bilingual.Beads); // the same from every form

            // Group by group: where the plain alignment has boundaries at both corners, the same beads.
            var plainCorners = plain.Beads.Select(b => (b.SourceStart, b.TargetStart)).Append((plain.Source.Sentences.Count, plain.Target.Sentences.Count)).ToHashSet();
            var ends = points.Select(p => (p.Source, p.Target)).Skip(1).Append((release.Chinese.Sentences.Count, release.English.Sentences.Count)).ToList();
            int crossed = 0;
            for (int g = 0; g < points.Count; g++)
            {
                (int i0, int j0) = (points[g].Source, points[g].Target);
                (int i1, int j1) = ends[g];
                if (!plainCorners.Contains((i0, j0)) || !plainCorners.Contains((i1, j1)))
                {
                    crossed++;
                    continue;
                }

                Assert.Equal(Inside(plain.Beads, i0, i1, j0, j1), Inside(bilingual.Beads, i0, i1, j0, j1));
            }

            Assert.True(crossed == 0, $"{name}: the plain-text alignment crossed {crossed} of {points.Count} paragraph groups");
        }
    }

    private static List<(int, int, int, int)> Inside(IReadOnlyList<Bead> beads, int i0, int i1, int j0, int j1) =>
        [.. beads.Where(b => b.SourceStart >= i0 && b.SourceEnd <= i1 && b.TargetStart >= j0 && b.TargetEnd <= j1 && !(b.SourceCount == 0 && b.SourceStart == i1) && !(b.TargetCount == 0 && b.TargetStart == j1))
            .Select(b => (b.SourceStart, b.SourceCount, b.TargetStart, b.TargetCount))];
}
