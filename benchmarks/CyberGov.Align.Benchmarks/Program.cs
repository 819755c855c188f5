using BenchmarkDotNet.Running;

// Run all suites: dotnet run -c Release --project benchmarks/CyberGov.Align.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(CyberGov.Align.Benchmarks.SegmentationBenchmarks).Assembly).Run(args);
