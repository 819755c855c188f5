using BenchmarkDotNet.Attributes;
using CyberGov.Align.Scoring;
using CyberGov.Align.Segmentation;
using CyberGov.Align.Text;

namespace CyberGov.Align.Benchmarks;

/// <summary>
/// What a cold start loads: the bundled CC-CEDICT (decompress + parse, 186k words) and the segmenters with their
/// abbreviation data. Each operation loads from scratch (no cached instance).
/// </summary>
[MemoryDiagnoser]
public class DictionaryBenchmarks
{
    [Benchmark]
    public int LoadBundledDictionary() => BilingualLexicon.LoadBundled().Count;

    [Benchmark]
    public int LoadSegmenters() => AbbreviationSet.LoadBundled().Count + Segmenters.For(Language.Chinese).GetHashCode();
}
