using Akka.Actor;
using System.Text.Json.Nodes;
using TradingActors.Testing;

namespace TradingActors.Cli.Tests;

/// <summary>
/// <c>import</c> then <c>replay</c> through the real command line, on the embedded SQLite journal: the same JSON as
/// <c>report</c> prints for the same files (but for <c>strategy_id</c>), idempotent imports, bad files refused before
/// anything is persisted. In process (<see cref="TradingActorsCommand.Run"/>), and once as the built program.
/// </summary>
public sealed class ImportReplayCommandTest : IDisposable
{
    private static readonly string SampleTrades = Repository.Examples("sample-trades.csv");
    private static readonly string SampleBalances = Repository.Examples("sample-balances.csv");

    private readonly SqliteFiles _files = new("trading-actors-cli");

    private string DataDir => _files.PathFor("data");

    public void Dispose() => _files.Dispose();

    private sealed record Run(int Exit, string Out, string Err);

    private static Run Cli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = TradingActorsCommand.Run(args, stdout, stderr);
        return new Run(exit, stdout.ToString(), stderr.ToString());
    }

    private static Run Ok(Run run)
    {
        Assert.True(run.Exit == 0, $"exit {run.Exit}: {run.Err}");
        return run;
    }

    /// <summary>The JSON text without its <c>strategy_id</c> (report names none for a file without one).</summary>
    private static string WithoutStrategyId(string json, string? expectedId)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        Assert.Equal(expectedId, node["strategy_id"]?.GetValue<string>());
        node.Remove("strategy_id");
        return node.ToJsonString();
    }

    [Fact]
    public void Import_then_replay_prints_the_same_json_as_report_and_a_second_import_records_nothing()
    {
        var report = Ok(Cli("report", "--trades", SampleTrades, "--balances", SampleBalances, "--period", "daily,monthly", "--json"));

        var import = Ok(Cli("import", "--strategy", "sample", "--trades", SampleTrades, "--balances", SampleBalances,
            "--data-dir", DataDir, "--no-progress"));
        Assert.Equal(
            "imported sample: 250 trades and 265 balances read, 515 events recorded, 0 already recorded; journal at 515; exposure 0.25",
            import.Out.Trim());
        var replay = Ok(Cli("replay", "--strategy", "sample", "--data-dir", DataDir, "--period", "daily,monthly",
            "--json", "--no-progress"));
        Assert.Equal(WithoutStrategyId(report.Out, null), WithoutStrategyId(replay.Out, "sample"));

        var again = Ok(Cli("import", "--strategy", "sample", "--trades", SampleTrades, "--balances", SampleBalances,
            "--data-dir", DataDir, "--no-progress"));
        Assert.Equal(
            "imported sample: 250 trades and 265 balances read, 0 events recorded, 515 already recorded; journal at 515; exposure 0.25",
            again.Out.Trim());
        var all = Ok(Cli("replay", "--all", "--data-dir", DataDir, "--period", "daily,monthly", "--json", "--no-progress"));
        var only = Assert.Single(JsonNode.Parse(all.Out)!.AsArray());
        Assert.Equal(WithoutStrategyId(report.Out, null), WithoutStrategyId(only!.ToJsonString(), "sample"));
    }

    [Fact]
    public void A_repeated_balance_row_gives_the_same_json_through_report_and_through_import_and_replay()
    {
        var lines = File.ReadAllLines(SampleBalances).ToList();
        lines.Insert(3, lines[2]); // the same instant and value twice: a live engine's retry, kept once
        var balances = _files.PathFor("balances-repeated.csv");
        File.WriteAllLines(balances, lines);

        var report = Ok(Cli("report", "--trades", SampleTrades, "--balances", balances, "--json"));
        var import = Ok(Cli("import", "--strategy", "repeated", "--trades", SampleTrades, "--balances", balances,
            "--data-dir", DataDir, "--no-progress"));
        var replay = Ok(Cli("replay", "--strategy", "repeated", "--data-dir", DataDir, "--json", "--no-progress"));

        Assert.Contains("266 balances read, 515 events recorded, 1 already recorded", import.Out, StringComparison.Ordinal);
        Assert.Equal(265, JsonNode.Parse(report.Out)!["balances"]!.GetValue<long>());
        Assert.Equal(WithoutStrategyId(report.Out, null), WithoutStrategyId(replay.Out, "repeated"));
    }

    [Fact]
    public void Importing_a_bad_file_exits_2_naming_the_line_and_persists_nothing()
    {
        Ok(Cli("import", "--strategy", "good", "--trades", SampleTrades, "--data-dir", DataDir, "--no-progress"));
        var bad = Path.Combine(AppContext.BaseDirectory, "JvmReport", "inputs", "bad-nan-pnl.csv");

        var import = Cli("import", "--strategy", "bad", "--trades", bad, "--data-dir", DataDir, "--no-progress");

        Assert.Equal(2, import.Exit);
        Assert.Matches(@"bad-nan-pnl\.csv:\d+: pnl", import.Err);
        var replay = Cli("replay", "--strategy", "bad", "--data-dir", DataDir, "--json", "--no-progress");
        Assert.Equal(2, replay.Exit);
        Assert.Contains("no events for 'bad'", replay.Err, StringComparison.Ordinal);
        var all = Ok(Cli("replay", "--all", "--data-dir", DataDir, "--json", "--no-progress"));
        Assert.Equal("good", Assert.Single(JsonNode.Parse(all.Out)!.AsArray())!["strategy_id"]!.GetValue<string>());
    }

    [Fact]
    public void The_built_program_imports_a_backtest_run_apart_and_replays_it_as_report_prints_it()
    {
        var report = CliProcess.Run(Repository.Root, "report", "--trades", SampleTrades, "--balances", SampleBalances, "--json");
        Assert.True(report.ExitCode == 0, report.Stderr);

        var import = CliProcess.Run(Repository.Root, "import", "--strategy", "sample", "--backtest", "run-1",
            "--trades", SampleTrades, "--balances", SampleBalances, "--data-dir", DataDir, "--no-progress");
        Assert.True(import.ExitCode == 0, import.Stderr);
        Assert.StartsWith("imported sample@run-1: ", import.Stdout, StringComparison.Ordinal);
        var replay = CliProcess.Run(Repository.Root, "replay", "--strategy", "sample@run-1", "--data-dir", DataDir,
            "--json", "--no-progress");
        Assert.True(replay.ExitCode == 0, replay.Stderr);

        Assert.Equal(WithoutStrategyId(report.Stdout, null), WithoutStrategyId(replay.Stdout, "sample@run-1"));
        var live = Cli("replay", "--strategy", "sample", "--data-dir", DataDir, "--json", "--no-progress");
        Assert.Equal(2, live.Exit); // the run's events are not the strategy's live ones
    }

    [Fact]
    public async Task A_live_import_returns_once_the_risk_manager_has_persisted_its_decision_on_the_imported_figures()
    {
        var import = Ok(Cli("import", "--strategy", "sample", "--trades", SampleTrades, "--balances", SampleBalances,
            "--data-dir", DataDir, "--no-progress"));
        var printed = double.Parse(import.Out.Trim().Split("; exposure ")[1], System.Globalization.CultureInfo.InvariantCulture);

        // A node of its own on the same journal, which wakes no risk manager: what it answers was recovered from the
        // risk manager's events as the import left them (waiting for figures at 515 lets its recovery's question to the
        // strategy be answered before this node stops).
        var settings = Actors.Node.NodeSettings.Load(null, DataDir, _ => null) with { WakeRiskManagers = false };
        await using var node = await Hosting.NodeHost.StartAsync(settings);
        var view = await node.Registry.Get<Actors.Risk.RiskManagerActor>()
            .Ask<Actors.Risk.ExposureView>(new Actors.Risk.GetExposure("sample", AtLeastSequenceNr: 515), TimeSpan.FromSeconds(30));

        Assert.Equal(printed, view.Exposure);
        Assert.True(view.Exposure < 1, "the sample ends on 5 losses in a row: the default policy cuts it");
        Assert.Equal(515, view.LastChange?.SnapshotSequenceNr);
    }
}
