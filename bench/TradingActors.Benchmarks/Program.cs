using BenchmarkDotNet.Running;
using TradingActors.Benchmarks;

// bench/TradingActors.Benchmarks: BenchmarkDotNet benchmarks (the default), and `report-e2e`, which times the real
// command line end to end (process start included), as docs/benchmarks.md records.
if (args.Length > 0 && args[0] == "report-e2e")
{
    return ReportEndToEnd.Run(args[1..]);
}
BenchmarkSwitcher.FromAssembly(typeof(FoldBenchmark).Assembly).Run(args);
return 0;
