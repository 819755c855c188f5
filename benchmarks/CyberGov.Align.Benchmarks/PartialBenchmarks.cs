using BenchmarkDotNet.Attributes;
using CyberGov.Align.Alignment;
using CyberGov.Align.Text;

namespace CyberGov.Align.Benchmarks;

/// <summary>
/// <c>align --partial</c>: a 300-page original (10,000 sentences) against a 3-page report (100 of its sentences' English
/// renderings, out of order, one paragraph each). The target is well under a second of alignment work.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 10)]
public class PartialBenchmarks
{
    private Aligner _aligner = null!;
    private Document _original = null!;
    private Document _report = null!;

    [Params(10_000)]
    public int Sentences { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _aligner = new AlignerBuilder().UseBundledDictionary().Build();
        (string zh, string en) = BenchmarkCorpus.ParallelText(Sentences);
        string[] english = en.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var picked = Enumerable.Range(0, 100).Select(k => english[(k * 7919) % english.Length]);
        _original = Document.Parse(zh, Language.Chinese, new DocumentOptions { ParagraphMode = ParagraphMode.PreSplit });
        _report = Document.Parse(string.Join("\n\n", picked), Language.English);
        Console.WriteLine($"// original {_original.Sentences.Count} sentences, report {_report.Sentences.Count}");
    }

    [Benchmark]
    public int AlignPartial() => _aligner.AlignPartial(_original, _report).Links.Count;
}
