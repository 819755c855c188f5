using System.Text;
using BenchmarkDotNet.Attributes;
using CyberGov.Align.Segmentation;
using CyberGov.Align.Text;

namespace CyberGov.Align.Benchmarks;

/// <summary>
/// Sentence segmentation throughput on 10 MB of UTF-8 text per language (the seeds sample repeated).
/// MB/s = 10 MB / mean time. "Segmenter" is the raw splitter over prepared paragraphs; "Parse" is the whole
/// Document.Parse (line scan, paragraphs, sentence records).
/// </summary>
[MemoryDiagnoser]
public class SegmentationBenchmarks
{
    private const int TargetBytes = 10 * 1024 * 1024;
    private readonly List<TextSpan> _spans = new(1 << 16);
    private string _english = string.Empty;
    private string _chinese = string.Empty;
    private TextSpan[] _englishParagraphs = [];
    private TextSpan[] _chineseParagraphs = [];
    private ISentenceSegmenter _en = null!;
    private ISentenceSegmenter _zh = null!;

    [GlobalSetup]
    public void Setup()
    {
        _english = BenchmarkCorpus.Repeat(BenchmarkCorpus.EnglishSample, TargetBytes);                        // ~1 byte per char
        _chinese = BenchmarkCorpus.Repeat(BenchmarkCorpus.ChineseSample, TargetBytes / 3);                    // ~3 bytes per char
        _englishParagraphs = Document.Parse(_english, Language.English).Paragraphs.Select(p => p.Span).ToArray();
        _chineseParagraphs = Document.Parse(_chinese, Language.Chinese).Paragraphs.Select(p => p.Span).ToArray();
        _en = Segmenters.For(Language.English);
        _zh = Segmenters.For(Language.Chinese);
        Console.WriteLine($"// English: {Encoding.UTF8.GetByteCount(_english) / 1e6:F1} MB UTF-8, {Document.Parse(_english, Language.English).Sentences.Count} sentences");
        Console.WriteLine($"// Chinese: {Encoding.UTF8.GetByteCount(_chinese) / 1e6:F1} MB UTF-8, {Document.Parse(_chinese, Language.Chinese).Sentences.Count} sentences");
    }

    [Benchmark]
    public int EnglishSegmenter10MB() => Run(_en, _english, _englishParagraphs);

    [Benchmark]
    public int ChineseSegmenter10MB() => Run(_zh, _chinese, _chineseParagraphs);

    [Benchmark]
    public int EnglishParse10MB() => Document.Parse(_english, Language.English).Sentences.Count;

    [Benchmark]
    public int ChineseParse10MB() => Document.Parse(_chinese, Language.Chinese).Sentences.Count;

    private int Run(ISentenceSegmenter segmenter, string text, TextSpan[] paragraphs)
    {
        int count = 0;
        foreach (TextSpan p in paragraphs)
        {
            _spans.Clear();
            segmenter.Segment(text.AsSpan(p.Start, p.Length), p.Start, _spans);
            count += _spans.Count;
        }

        return count;
    }
}
