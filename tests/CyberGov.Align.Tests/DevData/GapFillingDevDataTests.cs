using System.Globalization;
using CyberGov.Align.Alignment;
using CyberGov.Align.Evaluation;
using CyberGov.Align.Formats;
using CyberGov.Align.Text;
using CyberGov.Align.Translation;
using CyberGov.Align.Translation.GapFilling;
using Xunit.Abstractions;

namespace CyberGov.Align.Tests.DevData;

/// <summary>Strict F1 without and with gap filling on aca and mag, with their machine translations (.trans files).</summary>
[Trait("Category", "DevData")]
public sealed class GapFillingDevDataTests(ITestOutputHelper output)
{
    [DevDataTheory]
    [InlineData("aca", "001")]
    [InlineData("mag", "003")]
    public async Task Gap_filling_raises_f1_translating_at_most_a_fifth_of_the_sentences(string set, string id)
    {
        var read = new ReadOptions { ParagraphMode = ParagraphMode.PreSplit };
        Document src = DocumentReader.ReadFile(DevDataPaths.Path(set, "src", id), Language.Unknown, read);
        Document tgt = DocumentReader.ReadFile(DevDataPaths.Path(set, "tgt", id), Language.Unknown, read);
        List<IndexBead> gold = IndexFormat.ReadFile(DevDataPaths.Path(set, "gold", id + ".align"));
        Aligner aligner = new AlignerBuilder().Build();
        AlignmentResult offline = aligner.Align(src, tgt);
        GapFillResult filled = await new GapFiller(aligner, FileTranslator.Load(DevDataPaths.Path(set, "src", id + ".trans"), src)).FillAsync(offline);

        double before = AlignmentEvaluator.Evaluate(gold, ToIndex(offline)).Strict.F1;
        double after = AlignmentEvaluator.Evaluate(gold, ToIndex(filled.Alignment)).Strict.F1;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{set}: strict F1 {before:0.0000} -> {after:0.0000}; {filled.SentencesTranslated}/{src.Sentences.Count} sentences translated ({filled.ShareTranslated:P1}), {filled.RegionsFilled} regions"));
        Assert.True(after > before, $"no gain: {before:0.0000} -> {after:0.0000}");
        Assert.True(after >= 0.97, $"F1 {after:0.0000}");
        Assert.True(filled.ShareTranslated <= 0.20, $"{filled.ShareTranslated:P1} translated");
    }

    private static List<IndexBead> ToIndex(AlignmentResult r) => IndexFormat.Read(new StringReader(new IndexWriter().WriteToString(r)));
}
