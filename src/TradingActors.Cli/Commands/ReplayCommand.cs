using System.CommandLine;
using TradingActors.Actors.Replay;
using TradingActors.Cli.Hosting;
using TradingActors.Cli.Rendering;
using TradingActors.Domain;
using TradingActors.Domain.Backtest;

namespace TradingActors.Cli.Commands;

/// <summary>
/// <c>replay</c>: metrics rebuilt from the journal alone — every event read back with Akka.Persistence.Query and folded
/// again (no snapshot) — printed exactly as <c>report</c> prints the same events. The fold's conventions and the risk
/// policy are the node's (<c>--config</c>).
/// </summary>
public static class ReplayCommand
{
    public static Command Create(TextWriter stdout)
    {
        var strategy = new Option<string?>("--strategy")
        {
            Description = "The strategy (or ID@RUN backtest run) to replay.",
            HelpName = "ID",
        };
        var all = new Option<bool>("--all")
        {
            Description = "Every strategy and backtest run in the journal (the default); --json prints an array.",
        };
        var period = new MetricOptions().Periods;
        var json = new MetricOptions().Json;
        var node = new NodeOptions();
        var command = new Command("replay", "Rebuild metrics from the journal alone; the same output as report.")
        {
            strategy, all, period, json,
        };
        node.AddTo(command);
        command.Validators.Add(result =>
        {
            if (result.GetValue(strategy) is not null && result.GetValue(all))
            {
                result.AddError("--strategy and --all: give one, not both");
            }
        });
        command.SetAction(async (parsed, cancel) =>
        {
            var settings = node.Settings(parsed) with { WakeRiskManagers = false };
            var breakdown = MetricOptions.Breakdown(parsed, period);
            var id = parsed.GetValue(strategy);
            if (id is not null && !IsEntityId(id))
            {
                throw new UsageException(StrategyIds.Problem("--strategy", id)!);
            }
            if (settings.Journal.Provider == Actors.Node.JournalProvider.Sqlite
                && !Actors.Node.SqliteJournalFile.Exists(parsed.GetValue(node.DataDir)!))
            {
                throw new UsageException(
                    $"--data-dir: no journal at {Path.GetFullPath(parsed.GetValue(node.DataDir)!)} (run import or serve first)");
            }
            await using var host = await NodeHost.StartAsync(settings, cancel).ConfigureAwait(false);
            var ids = id is null ? await JournalReplay.StrategiesAsync(host.System, cancel).ConfigureAwait(false) : [id];
            var reports = new List<Report>();
            foreach (var entityId in ids)
            {
                var total = await JournalReplay.EventCountAsync(host.System, entityId, cancel).ConfigureAwait(false);
                if (total == 0)
                {
                    throw new UsageException($"--strategy: no events for '{entityId}' in the journal");
                }
                var strategyId = entityId.Split('@')[0];
                var builder = new ReportBuilder(entityId, settings.Performance.Metrics, settings.Risk.For(strategyId));
                await ProgressBar.RunAsync($"replay {entityId}", total, !parsed.GetValue(node.NoProgress), async step =>
                {
                    await JournalReplay.ReplayAsync(host.System, entityId, e =>
                    {
                        builder.Add(e);
                        step(1);
                    }, cancel).ConfigureAwait(false);
                    return 0;
                }).ConfigureAwait(false);
                reports.Add(builder.Build(breakdown));
            }
            if (parsed.GetValue(json))
            {
                JsonOutput.Write(stdout, writer =>
                {
                    if (id is not null)
                    {
                        ReportJson.Write(writer, reports[0]);
                        return;
                    }
                    writer.WriteStartArray();
                    foreach (var r in reports)
                    {
                        ReportJson.Write(writer, r);
                    }
                    writer.WriteEndArray();
                });
            }
            else
            {
                foreach (var r in reports)
                {
                    ReportTables.Write(stdout, r);
                }
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static bool IsEntityId(string id) =>
        id.Split('@') is var parts && parts.Length <= 2 && parts.All(StrategyIds.IsValid);
}
