using BenchmarkDotNet.Attributes;
using CyberGov.Align.Alignment;
using CyberGov.Align.Text;

namespace CyberGov.Align.Benchmarks;

/// <summary>
/// "Realign the rest", what the review editor runs after each confirmation: a 1,000-sentence document with every tenth
/// bead kept (confirmed by a reviewer) aligned again around them. The target is well under a second.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 10)]
public class RealignBenchmarks
{
    private Aligner _aligner = null!;
    private AlignmentResult _alignment = null!;
    private int[] _keep = [];

    [Params(1_000)]
    public int Sentences { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _aligner = new AlignerBuilder().UseBundledDictionary().Build();
        (string zh, string en) = BenchmarkCorpus.ParallelText(Sentences);
        var options = new DocumentOptions { ParagraphMode = ParagraphMode.PreSplit };
        _alignment = _aligner.Align(Document.Parse(zh, Language.Chinese, options), Document.Parse(en, Language.English, options));
        _keep = [.. Enumerable.Range(0, _alignment.Beads.Count).Where(k => k % 10 == 0)];
        Console.WriteLine($"// {_alignment.Source.Sentences.Count} zh × {_alignment.Target.Sentences.Count} en sentences, {_keep.Length} beads kept");
    }

    [Benchmark]
    public int RealignAround() => _aligner.RealignAround(_alignment, _keep).Beads.Count;
}
