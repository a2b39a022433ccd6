using BenchmarkDotNet.Running;
using TradingActors.Benchmarks;
using TradingActors.Benchmarks.Journal;

// bench/TradingActors.Benchmarks: BenchmarkDotNet benchmarks (the default), and two hand-rolled commands that time the
// real command line and node end to end, as docs/benchmarks.md records: `report-e2e` and `journal`.
Func<BenchArgs, Task<int>>? command = args.FirstOrDefault() switch
{
    "report-e2e" => a => Task.FromResult(ReportEndToEnd.Run(a)),
    "journal" => JournalBench.RunAsync,
    _ => null,
};
if (command is null)
{
    BenchmarkSwitcher.FromAssembly(typeof(FoldBenchmark).Assembly).Run(args);
    return 0;
}
try
{
    return await command(new BenchArgs(args[1..], args[0] == "journal" ? JournalBench.Options : []));
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"{args[0]}: {e.Message}");
    return 2;
}
