using BenchmarkDotNet.Attributes;
using CyberGov.Align.Alignment;
using CyberGov.Align.Text;

namespace CyberGov.Align.Benchmarks;

/// <summary>
/// Alignment time and allocations against document size (Chinese sentences; the English side has ~1.1× as many).
/// Documents are the real development texts concatenated (../shared/data/dev) or, without them, the seeds sample.
/// Time per sentence should stay flat as N grows (linear cost).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class AlignmentBenchmarks
{
    private Aligner _aligner = null!;
    private Document _zh = null!;
    private Document _en = null!;

    [Params(5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 1_000_000)]
    public int Sentences { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _aligner = new AlignerBuilder().Build();
        (string zh, string en) = BenchmarkCorpus.ParallelText(Sentences);
        var options = new DocumentOptions { ParagraphMode = ParagraphMode.PreSplit };
        _zh = Document.Parse(zh, Language.Chinese, options);
        _en = Document.Parse(en, Language.English, options);
        Console.WriteLine($"// {_zh.Sentences.Count} zh × {_en.Sentences.Count} en sentences");
    }

    [Benchmark]
    public int Align() => _aligner.Align(_zh, _en).Beads.Count;
}
