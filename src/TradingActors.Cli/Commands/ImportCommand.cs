using System.CommandLine;
using Akka.Actor;
using TradingActors.Actors.Performance;
using TradingActors.Actors.Risk;
using TradingActors.Cli.Hosting;
using TradingActors.Cli.Rendering;
using TradingActors.Domain;
using TradingActors.Domain.Events;

namespace TradingActors.Cli.Commands;

/// <summary>
/// <c>import</c>: a backtest's files sent through the strategy's event-sourced actor, which persists them. A backtest run
/// (<c>--backtest RUN</c>) is its own entity, <c>ID@RUN</c>, never mixed with the strategy's live events. Idempotent and
/// resumable: trades already recorded are acknowledged by their id, balances before the last recorded one are skipped,
/// so the same files imported twice change nothing and an interrupted import completes when run again.
/// </summary>
public static class ImportCommand
{
    private static readonly TimeSpan BatchTimeout = TimeSpan.FromMinutes(1);

    /// <summary>Batches in flight at once: the actor gathers waiting batches into one journal write.</summary>
    private const int InFlight = 4;

    public static Command Create(TextWriter stdout)
    {
        var strategy = new Option<string>("--strategy")
        {
            Description = "The strategy the events belong to (1–64 characters of [A-Za-z0-9._-]); rows of other " +
                "strategies in a multi-strategy file are left out.",
            HelpName = "ID",
            Required = true,
        };
        var backtest = new Option<string?>("--backtest")
        {
            Description = "Keep the events as a backtest run of the strategy (ID@RUN), apart from its live events.",
            HelpName = "RUN",
        };
        var batchSize = new Option<int>("--batch-size")
        {
            Description = "Events per command to the actor, 1..10000 (default 1000).",
            HelpName = "N",
            DefaultValueFactory = _ => 1000,
        };
        var files = new BacktestFileOptions();
        var node = new NodeOptions();
        var command = new Command("import", "Persist a backtest's trades and balances through the strategy's actor.")
        {
            strategy, backtest, batchSize,
        };
        files.AddTo(command);
        node.AddTo(command);
        command.SetAction(async (parsed, cancel) =>
        {
            var id = parsed.GetValue(strategy)!;
            var run = parsed.GetValue(backtest);
            var size = parsed.GetValue(batchSize);
            if (StrategyIds.Problem("--strategy", id) is { } badId)
            {
                throw new UsageException(badId);
            }
            if (run is not null && StrategyIds.Problem("--backtest", run) is { } badRun)
            {
                throw new UsageException(badRun);
            }
            if (size is < 1 or > 10_000)
            {
                throw new UsageException($"--batch-size: must be 1..10000, got {size}");
            }
            var settings = node.Settings(parsed) with { WakeRiskManagers = false };
            var input = files.Load(parsed, id);
            var entityId = run is null ? id : StrategyIds.BacktestRun(id, run);
            await using var host = await NodeHost.StartAsync(settings, cancel).ConfigureAwait(false);
            var region = host.Registry.Get<StrategyPerformanceActor>();
            var result = await ImportAsync(region, entityId, input.Events, size, !parsed.GetValue(node.NoProgress), cancel)
                .ConfigureAwait(false);
            var exposure = "";
            if (run is null)
            {
                // The live strategy's risk manager decides on the imported figures before the node stops: its
                // decisions are in the journal when the command returns, and none is cut off by the shutdown.
                var view = await host.Registry.Get<RiskManagerActor>()
                    .Ask<ExposureView>(new GetExposure(id, result.SequenceNr), BatchTimeout, cancel)
                    .ConfigureAwait(false);
                exposure = FormattableString.Invariant($"; exposure {view.Exposure}");
            }
            var trades = input.Events.Count(e => e is TradeClosed);
            stdout.WriteLine(
                $"imported {entityId}: {trades} trades and {input.Events.Count - trades} balances read, " +
                $"{result.Recorded} events recorded, {result.AlreadyRecorded} already recorded; journal at {result.SequenceNr}" +
                exposure);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>Sends the events in batches, a few in flight, in order; the answer sums the acknowledgements.</summary>
    public static async Task<EventsRecorded> ImportAsync(
        IActorRef region, string entityId, IReadOnlyList<IPerformanceEvent> events, int batchSize, bool progress,
        CancellationToken cancel)
    {
        var history = await region.Ask<BalanceHistory>(new GetBalanceHistory(entityId), BatchTimeout, cancel)
            .ConfigureAwait(false);
        var resumeAfter = history.RecentTimes.Count > 0 ? history.RecentTimes[^1] : DateTimeOffset.MinValue;
        var toSend = events.Where(e => e is not BalanceUpdated b || b.Time >= resumeAfter).ToList();
        var skipped = events.Count - toSend.Count;
        return await ProgressBar.RunAsync($"import {entityId}", events.Count, progress, async step =>
        {
            step(skipped);
            var pending = new Queue<(Task<object> Answer, int From, int Count)>();
            int recorded = 0, already = skipped;
            long sequenceNr = 0;
            for (var from = 0; from < toSend.Count || pending.Count > 0;)
            {
                while (from < toSend.Count && pending.Count < InFlight)
                {
                    var batch = toSend.GetRange(from, Math.Min(batchSize, toSend.Count - from));
                    pending.Enqueue((region.Ask<object>(new RecordEvents(entityId, batch), BatchTimeout, cancel), from, batch.Count));
                    from += batch.Count;
                }
                var (answer, offset, count) = pending.Dequeue();
                switch (await answer.ConfigureAwait(false))
                {
                    case EventsRecorded r:
                        recorded += r.Recorded;
                        already += r.AlreadyRecorded;
                        sequenceNr = Math.Max(sequenceNr, r.SequenceNr);
                        step(count);
                        break;
                    case CommandRejected rejected:
                        throw new UsageException($"events {offset}..{offset + count - 1} rejected: {rejected}");
                    case CommandFailed failed:
                        throw new IOException($"events {offset}..{offset + count - 1} not recorded: {failed.Reason}");
                    case var other:
                        throw new InvalidOperationException($"unexpected answer {other}");
                }
            }
            return new EventsRecorded(recorded, already, sequenceNr);
        }).ConfigureAwait(false);
    }
}
