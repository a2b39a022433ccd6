namespace TradingActors.Benchmarks.Journal;

/// <summary>
/// <c>bin/trading-actors replay --strategy … --json</c> of an imported journal, process start included (the events are
/// read back by Persistence Query and folded again; output discarded).
/// </summary>
public static class CliReplay
{
    public static TimeSpan Run(JournalStore store, int runs) => ChildProcess.Median(runs, () => ChildProcess.Time(
        ChildProcess.Cli, ["replay", "--strategy", CliImport.Strategy, "--json", .. store.CliOptions], store.Environment));
}
