using BenchmarkDotNet.Attributes;
using CyberGov.Align.Alignment;
using CyberGov.Align.Formats;
using CyberGov.Align.Text;

namespace CyberGov.Align.Benchmarks;

/// <summary>The writers on an alignment of about 10,000 beads (the dev texts, or the seeds sample repeated), to a null stream.</summary>
[MemoryDiagnoser]
public class WriterBenchmarks
{
    private AlignmentResult _alignment = null!;

    [Params("tsv", "index", "jsonl", "tmx", "html")]
    public string Format { get; set; } = "tsv";

    [GlobalSetup]
    public void Setup()
    {
        (string zh, string en) = BenchmarkCorpus.ParallelText(10_000);
        var options = new DocumentOptions { ParagraphMode = ParagraphMode.PreSplit };
        _alignment = new AlignerBuilder().Build().Align(Document.Parse(zh, Language.Chinese, options), Document.Parse(en, Language.English, options));
        Console.WriteLine($"// {_alignment.Beads.Count} beads");
    }

    [Benchmark]
    public Task Write() => AlignmentFormats.Create(Format).WriteAsync(_alignment, Stream.Null);
}
