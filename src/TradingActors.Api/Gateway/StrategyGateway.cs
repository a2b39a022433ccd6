using Akka.Actor;
using Akka.Hosting;
using TradingActors.Actors.Performance;
using TradingActors.Actors.Replay;
using TradingActors.Actors.Risk;
using TradingActors.Api.Bodies;
using TradingActors.Api.Errors;
using TradingActors.Api.Health;
using TradingActors.Api.Replies;
using TradingActors.Api.Telemetry;
using TradingActors.Domain;
using TradingActors.Domain.Events;
using TradingActors.Domain.Risk;

namespace TradingActors.Api.Gateway;

/// <summary>
/// The API's one door to the actors: every ask goes through the shard regions with the configured timeout, and every
/// answer is mapped to a reply or an <see cref="ApiProblemException"/> (400 naming fields, 404, 503 with Retry-After). Reads
/// answer from the actors' state, so a read after an acknowledged write reflects it.
/// </summary>
public sealed class StrategyGateway(
    ActorSystem system, ActorRegistry registry, ApiSettings settings, JournalHealth health, ApiMetrics metrics)
{
    private IActorRef Strategies => registry.Get<StrategyPerformanceActor>();

    private IActorRef RiskManagers => registry.Get<RiskManagerActor>();

    public Task<RecordedReply> RecordTradesAsync(string id, IReadOnlyList<TradeClosed> trades, bool isArray, CancellationToken cancel) =>
        WriteAsync(id, new RecordTrades(id, trades), TradeBodies.ListName, isArray, "trade", trades.Count, cancel);

    public Task<RecordedReply> RecordBalancesAsync(string id, IReadOnlyList<BalanceUpdated> balances, bool isArray, CancellationToken cancel) =>
        WriteAsync(id, new RecordBalances(id, balances), BalanceBodies.ListName, isArray, "balance", balances.Count, cancel);

    /// <summary>The latest snapshot; 404 for a strategy with no recorded events.</summary>
    public async Task<MetricsSnapshot> MetricsAsync(string id, CancellationToken cancel)
    {
        var snapshot = await AskAsync<MetricsSnapshot>(Strategies, new GetMetrics(id), cancel).ConfigureAwait(false);
        return snapshot.SequenceNr > 0
            ? snapshot
            : throw ApiProblemException.NotFound($"id: the strategy '{id}' has no recorded events");
    }

    /// <summary>The balance history; 404 for a strategy with no recorded events.</summary>
    public async Task<BalanceHistory> BalancesAsync(string id, CancellationToken cancel)
    {
        await MetricsAsync(id, cancel).ConfigureAwait(false);
        return await AskAsync<BalanceHistory>(Strategies, new GetBalanceHistory(id), cancel).ConfigureAwait(false);
    }

    /// <summary>
    /// The exposure as decided on the strategy's latest durable figures: the risk manager is asked to answer once it
    /// has decided on them, so an exposure read after an acknowledged trade reflects that trade.
    /// </summary>
    public async Task<ExposureView> ExposureAsync(string id, CancellationToken cancel)
    {
        var current = await AskAsync<MetricsSnapshot>(Strategies, new GetMetrics(id), cancel).ConfigureAwait(false);
        return await AskAsync<ExposureView>(RiskManagers, new GetExposure(id, current.SequenceNr), cancel).ConfigureAwait(false);
    }

    /// <summary>The strategy's persisted risk decisions after <paramref name="afterSequenceNr"/>, oldest first.</summary>
    public async Task<IReadOnlyList<(long SequenceNr, RiskEvent Decision)>> RiskEventsAsync(
        string id, long afterSequenceNr, CancellationToken cancel)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            timeout.CancelAfter(settings.AskTimeout);
            return await JournalReplay.RiskEventsAsync(system, id, afterSequenceNr, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException or System.Data.Common.DbException
            && !cancel.IsCancellationRequested)
        {
            throw ApiProblemException.Unavailable($"journal: the risk decisions could not be read ({e.Message}); retry later");
        }
    }

    /// <summary>Every live strategy of the journal, sorted by id, with its latest snapshot and exposure.</summary>
    public async Task<IReadOnlyList<(MetricsSnapshot Snapshot, ExposureView Exposure)>> ListAsync(CancellationToken cancel)
    {
        IReadOnlyList<string> ids;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            timeout.CancelAfter(settings.AskTimeout);
            ids = await JournalReplay.StrategiesAsync(system, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException or System.Data.Common.DbException
            && !cancel.IsCancellationRequested)
        {
            throw ApiProblemException.Unavailable($"journal: the strategies could not be listed ({e.Message}); retry later");
        }
        var live = ids.Where(id => !StrategyIds.IsBacktestRun(id)).ToList();
        var rows = new (MetricsSnapshot, ExposureView)[live.Count];
        // A few at a time: each may wake a passivated strategy, and a long list must not flood the node.
        await Parallel.ForEachAsync(Enumerable.Range(0, live.Count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancel },
            async (i, token) =>
            {
                var snapshot = await AskAsync<MetricsSnapshot>(Strategies, new GetMetrics(live[i]), token).ConfigureAwait(false);
                var exposure = await AskAsync<ExposureView>(RiskManagers, new GetExposure(live[i], snapshot.SequenceNr), token)
                    .ConfigureAwait(false);
                rows[i] = (snapshot, exposure);
            }).ConfigureAwait(false);
        return rows;
    }

    public Task<ExposureView> HaltAsync(string id, string reason, CancellationToken cancel) =>
        OverrideAsync(new HaltStrategy(id, reason), cancel);

    public Task<ExposureView> ResumeAsync(string id, string reason, CancellationToken cancel) =>
        OverrideAsync(new ResumeStrategy(id, reason), cancel);

    private async Task<ExposureView> OverrideAsync(IStrategyMessage command, CancellationToken cancel)
    {
        RefuseWhileJournalDown();
        var answer = await AskAsync<object>(RiskManagers, command, cancel, isWrite: true).ConfigureAwait(false);
        return answer switch
        {
            ExposureView view => view,
            CommandRejected rejected => throw ApiProblemException.InvalidInput(rejected.ToString()),
            CommandFailed failed => throw JournalFailed(failed.Reason),
            _ => throw new InvalidOperationException($"unexpected answer {answer}"),
        };
    }

    private async Task<RecordedReply> WriteAsync(
        string id, IStrategyMessage command, string listName, bool isArray, string kind, int count, CancellationToken cancel)
    {
        RefuseWhileJournalDown();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var answer = await AskAsync<object>(Strategies, command, cancel, isWrite: true).ConfigureAwait(false);
        switch (answer)
        {
            case EventsRecorded recorded:
                metrics.Persisted(kind, recorded.Recorded, System.Diagnostics.Stopwatch.GetElapsedTime(started));
                return new RecordedReply(id, recorded.Recorded, recorded.AlreadyRecorded, recorded.SequenceNr);
            case CommandRejected rejected:
                throw ApiProblemException.InvalidInput(isArray
                    ? rejected.ToString()
                    : rejected.ToString().Replace($"{listName}[0].", "", StringComparison.Ordinal));
            case CommandFailed failed:
                metrics.JournalFailure();
                throw JournalFailed(failed.Reason);
            default:
                throw new InvalidOperationException($"unexpected answer {answer} to a write of {count} {kind}s");
        }
    }

    private void RefuseWhileJournalDown()
    {
        if (!health.JournalUp)
        {
            throw ApiProblemException.Unavailable($"journal: the database does not answer ({health.LastProblem}); nothing was recorded, retry later");
        }
    }

    private static ApiProblemException JournalFailed(string reason) =>
        ApiProblemException.Unavailable($"journal: the write failed and nothing was recorded ({reason}); retry it");

    private async Task<T> AskAsync<T>(IActorRef region, object message, CancellationToken cancel, bool isWrite = false)
    {
        try
        {
            return await region.Ask<T>(message, settings.AskTimeout, cancel).ConfigureAwait(false);
        }
        catch (AskTimeoutException)
        {
            var seconds = settings.AskTimeout.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
            throw ApiProblemException.Unavailable(isWrite
                ? $"strategy: no answer within {seconds} s; the write may or may not be recorded, retry it (retries are safe)"
                : $"strategy: no answer within {seconds} s; retry later");
        }
    }
}
