using BenchmarkDotNet.Attributes;
using CyberGov.Align.Alignment;
using CyberGov.Align.Cli.Batch;
using CyberGov.Align.Formats;
using CyberGov.Align.Text;

namespace CyberGov.Align.Benchmarks;

/// <summary>
/// Batch throughput (document pairs per second = Pairs / mean time): the batch runner on small parallel pairs cut from
/// the dev texts (~26 sentences each), read from and written to a temporary folder, on all cores.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class BatchBenchmarks
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"cyberalign-bench-{Environment.ProcessId}");
    private List<DocumentPair> _pairs = [];
    private Aligner _aligner = null!;

    [Params(500)]
    public int Pairs { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        Directory.CreateDirectory(Path.Combine(_root, "in"));
        (string zh, string en) = BenchmarkCorpus.ParallelText(Pairs * 26);
        string[] zl = zh.Split('\n'), el = en.Split('\n');
        double ratio = (double)el.Length / zl.Length;
        for (int k = 0; k < Pairs; k++)
        {
            // Slices of about 26 lines taken in step on both sides (the aligner sorts out their edges).
            int z0 = k * 26, e0 = (int)(z0 * ratio);
            File.WriteAllLines(Path.Combine(_root, "in", $"d{k:0000}.zh.txt"), zl.Skip(z0).Take(26));
            File.WriteAllLines(Path.Combine(_root, "in", $"d{k:0000}.en.txt"), el.Skip(e0).Take((int)(26 * ratio)));
        }

        _pairs = PairSource.ScanFolder(Path.Combine(_root, "in"), Language.Chinese).Pairs;
        _aligner = new AlignerBuilder().Build();
    }

    private static readonly Cli.InputSpec PreSplit = new(new ReadOptions { ParagraphMode = ParagraphMode.PreSplit }, Documents.InputFormat.Text, false);

    [Benchmark]
    public async Task<long> AlignBatch()
    {
        var options = new BatchOptions(Path.Combine(_root, "out"), "jsonl", WriterOptions.Default, PreSplit, PreSplit, Language.Chinese, Language.English, Environment.ProcessorCount, Force: true);
        BatchTotals totals = await BatchRunner.RunAsync(_pairs, _aligner, options, null, CancellationToken.None);
        return totals.Done;
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);
}
