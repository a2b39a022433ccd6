using TradingActors.Actors.Performance;
using TradingActors.Domain;
using TradingActors.Domain.Backtest;
using TradingActors.Domain.Events;
using TradingActors.Domain.State;
using TradingActors.Metrics;
using TradingActors.Testing;

namespace TradingActors.Actors.Tests.Journal;

/// <summary>
/// The strategy actor through the shard region on a real journal: what each command records and answers, and that
/// an answer comes only once the events are in the journal (read back with Persistence Query). Ported from the JVM
/// build's StrategyPerformanceActorJournalTest and StrategyPerformanceActorBehaviorTest.
/// </summary>
public abstract class StrategyPerformanceActorTests(NodeFixture fixture)
{
    private TestNode Node => fixture.Node;

    private static MetricsSnapshot Fold(string id, IEnumerable<IPerformanceEvent> events)
    {
        var state = PerformanceState.Empty(MetricSettings.Defaults);
        foreach (var e in events)
        {
            state = state.Apply(e);
        }
        return MetricsSnapshot.Of(id, state.EventCount, state);
    }

    [Fact]
    public async Task One_trade_is_acknowledged_only_once_it_is_in_the_journal()
    {
        var trade = Ev.Trade("a", 2, 10);
        var recorded = await Node.RecordTradesAsync("one-trade", trade);

        Assert.Equal(new EventsRecorded(1, 0, 1), recorded);
        // Read straight after the answer, from the journal alone: the event is already there.
        Assert.Equal([trade], await Ev.ReadJournalAsync(Node, "one-trade"));
        var metrics = await Node.MetricsAsync("one-trade");
        Assert.Equal(1, metrics.SequenceNr);
        Assert.Equal(1, metrics.Metrics.Trades.TotalTrades);
        Assert.Equal(10.0, metrics.Metrics.Trades.NetPnl);
        Assert.Equal(trade.ExitTime, metrics.AsOf);
    }

    [Fact]
    public async Task A_batch_of_trades_is_recorded_in_order_and_the_metrics_are_the_fold_of_it()
    {
        TradeClosed[] trades = [Ev.Trade("a", 1, 10), Ev.Trade("b", 2, -4), Ev.Trade("c", 3, 0), Ev.Trade("d", 4, 7.5)];
        var recorded = await Node.RecordTradesAsync("trade-batch", trades);

        Assert.Equal(new EventsRecorded(4, 0, 4), recorded);
        Assert.Equal(trades, await Ev.ReadJournalAsync(Node, "trade-batch"));
        BitIdentical.Assert("metrics", Fold("trade-batch", trades), await Node.MetricsAsync("trade-batch"));
    }

    [Fact]
    public async Task A_batch_with_one_bad_trade_is_rejected_naming_the_field_and_nothing_is_persisted()
    {
        var ok = Ev.Trade("ok", 2, 10);
        var exitBeforeEntry = Ev.Trade("bad", 1, 5) with { EntryTime = Ev.At(3) };
        var nanPnl = Ev.Trade("nan", 3, double.NaN);

        var rejected = await Node.RejectedAsync(new RecordTrades("bad-trades", [ok, exitBeforeEntry, nanPnl]));

        Assert.Equal(["trades[1].exit_time", "trades[2].pnl"], rejected.Violations.Select(v => v.Field));
        Assert.Contains("is before entry_time", rejected.Violations[0].Message, StringComparison.Ordinal);
        Assert.Equal(0, await Replay.JournalReplay.EventCountAsync(Node.System, "bad-trades"));
        Assert.Equal(0, await fixture.Journal.JournalRowsAsync(PersistenceIds.Strategy("bad-trades")));
        var metrics = await Node.MetricsAsync("bad-trades");
        Assert.Equal(0, metrics.SequenceNr);
        Assert.Equal(0, metrics.Metrics.Trades.TotalTrades);
        // Nothing of the rejected batch was remembered: its good trade is new when sent again alone.
        Assert.Equal(new EventsRecorded(1, 0, 1), await Node.RecordTradesAsync("bad-trades", ok));
    }

    [Fact]
    public async Task A_retried_trade_id_is_acknowledged_and_changes_nothing()
    {
        TradeClosed a = Ev.Trade("a", 1, 10), b = Ev.Trade("b", 2, -3), c = Ev.Trade("c", 3, 4);
        await Node.RecordTradesAsync("retries", a, b);
        var before = await Node.MetricsAsync("retries");

        // The same id with another payload is still a retry: the first one stands.
        Assert.Equal(new EventsRecorded(0, 1, 2), await Node.RecordTradesAsync("retries", a with { Pnl = 999 }));
        BitIdentical.Assert("after a retry", before, await Node.MetricsAsync("retries"));
        Assert.Equal(new EventsRecorded(1, 2, 3), await Node.RecordTradesAsync("retries", b, c, c));

        Assert.Equal([a, b, c], await Ev.ReadJournalAsync(Node, "retries"));
        BitIdentical.Assert("metrics", Fold("retries", [a, b, c]), await Node.MetricsAsync("retries"));
    }

    [Fact]
    public async Task Balances_one_at_a_time_and_in_a_batch_are_recorded_in_time_order()
    {
        BalanceUpdated[] balances = [Ev.Balance(0, 1_000), Ev.Balance(5, 1_010), Ev.Balance(5, 1_011), Ev.Balance(30, 990)];
        Assert.Equal(new EventsRecorded(1, 0, 1), await Node.RecordBalancesAsync("balances", balances[0]));
        Assert.Equal(new EventsRecorded(3, 0, 4), await Node.RecordBalancesAsync("balances", balances[1..]));

        Assert.Equal(balances, await Ev.ReadJournalAsync(Node, "balances"));
        var metrics = await Node.MetricsAsync("balances");
        BitIdentical.Assert("metrics", Fold("balances", balances), metrics);
        Assert.Equal(990.0, metrics.Metrics.Balances.CurrentBalance);
        Assert.Equal(1_011.0, metrics.Metrics.Balances.PeakBalance);
    }

    [Fact]
    public async Task A_balance_older_than_the_last_recorded_one_is_rejected_with_the_reason()
    {
        await Node.RecordBalancesAsync("late-balance", Ev.Balance(1, 1_000));

        var rejected = await Node.RejectedAsync(new RecordBalances("late-balance", [Ev.Balance(2, 1_001), Ev.Balance(0.5, 999)]));

        var violation = Assert.Single(rejected.Violations);
        Assert.Equal("balances[1].time", violation.Field);
        Assert.Equal(
            "balance time 2025-03-01T00:30:00Z is before the last recorded balance time 2025-03-01T02:00:00Z; " +
            "balances must arrive in time order",
            violation.Message);
        // Rejected whole: its first, valid balance is not recorded either.
        Assert.Equal([Ev.Balance(1, 1_000)], await Ev.ReadJournalAsync(Node, "late-balance"));
        var alone = await Node.RejectedAsync(new RecordBalances("late-balance", [Ev.Balance(0.5, 999)]));
        Assert.Contains("before the last recorded balance time 2025-03-01T01:00:00Z", alone.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_exact_repeat_of_a_recent_balance_is_acknowledged_and_not_recorded()
    {
        BalanceUpdated first = Ev.Balance(1, 1_000), second = Ev.Balance(2, 1_012);
        await Node.RecordBalancesAsync("repeat", first, second);

        Assert.Equal(new EventsRecorded(0, 2, 2), await Node.RecordBalancesAsync("repeat", first, second));
        Assert.Equal(new EventsRecorded(0, 1, 2), await Node.RecordAsync(new RecordEvents("repeat", [second])));
        // A new value at the last instant is a correction, recorded; a new value at an older instant is out of order.
        Assert.Equal(new EventsRecorded(1, 0, 3), await Node.RecordBalancesAsync("repeat", Ev.Balance(2, 1_011)));
        await Node.RejectedAsync(new RecordBalances("repeat", [Ev.Balance(1, 999)]));

        Assert.Equal([first, second, Ev.Balance(2, 1_011)], await Ev.ReadJournalAsync(Node, "repeat"));
        Assert.Equal(1_011.0, (await Node.MetricsAsync("repeat")).Metrics.Balances.CurrentBalance);
    }

    [Fact]
    public async Task A_balance_batch_with_bad_values_is_rejected_naming_each_and_nothing_is_persisted()
    {
        var rejected = await Node.RejectedAsync(new RecordBalances("bad-balances",
            [Ev.Balance(1, 1_000), Ev.Balance(2, -5), Ev.Balance(3, double.PositiveInfinity), Ev.Balance(4, 0)]));

        Assert.Equal(["balances[1].balance", "balances[2].balance", "balances[3].balance"],
            rejected.Violations.Select(v => v.Field));
        Assert.Equal(0, await fixture.Journal.JournalRowsAsync(PersistenceIds.Strategy("bad-balances")));
    }

    [Fact]
    public async Task Mixed_events_are_recorded_in_the_given_order_and_bad_ones_are_named_as_events()
    {
        List<IPerformanceEvent> events =
        [
            Ev.Balance(0, 10_000), Ev.Trade("a", 1, 25), Ev.Balance(1, 10_025), Ev.Trade("b", 30, -40),
            Ev.Trade("late", 2, 5), Ev.Balance(30, 9_990), Ev.Trade("a", 31, 1_000), Ev.Balance(30, 9_990),
        ];
        var recorded = await Node.RecordEventsAsync("mixed", events);

        Assert.Equal(new EventsRecorded(6, 2, 6), recorded);
        var expected = events.Where((_, i) => i is not (6 or 7)).ToList();
        Assert.Equal(expected, await Ev.ReadJournalAsync(Node, "mixed"));
        var builder = new ReportBuilder("mixed", MetricSettings.Defaults, TradingActors.Actors.Risk.RiskPolicies.Defaults.Default);
        events.ForEach(e => builder.Add(e));
        BitIdentical.Assert("metrics", MetricsSnapshot.Of("mixed", 6, builder.State), await Node.MetricsAsync("mixed"));

        var rejected = await Node.RejectedAsync(new RecordEvents("mixed",
            [Ev.Trade("c", 32, 1), Ev.Balance(29, 9_000), Ev.Trade("d", 33, 1) with { Quantity = 0 }]));
        Assert.Equal(["events[1].time", "events[2].quantity"], rejected.Violations.Select(v => v.Field));
        Assert.Equal(6, await Replay.JournalReplay.EventCountAsync(Node.System, "mixed"));
    }

    [Fact]
    public async Task Null_elements_are_rejected_by_position_and_the_strategy_keeps_working()
    {
        await Node.RecordTradesAsync("nulls", Ev.Trade("a", 1, 1));

        var trades = await Node.RejectedAsync(new RecordTrades("nulls", [Ev.Trade("b", 2, 1), null!]));
        Assert.Equal("trades[1]", Assert.Single(trades.Violations).Field);
        var events = await Node.RejectedAsync(new RecordEvents("nulls", [null!, Ev.Balance(3, 100)]));
        Assert.Equal("events[0]", Assert.Single(events.Violations).Field);

        Assert.Equal(new EventsRecorded(1, 0, 2), await Node.RecordTradesAsync("nulls", Ev.Trade("b", 2, 1)));
    }

    [Fact]
    public async Task The_balance_history_has_a_close_for_every_utc_day_and_the_recent_observations()
    {
        BalanceUpdated[] balances =
        [
            Ev.Balance(1, 1_000), Ev.Balance(23, 1_010), Ev.Balance(26, 1_020), Ev.Balance(74, 990), Ev.Balance(75, 995),
        ];
        await Node.RecordBalancesAsync("history", balances);

        var history = await Node.BalanceHistoryAsync("history");

        Assert.Equal(new DateOnly(2025, 3, 1), history.FirstDay);
        Assert.Equal([1_010.0, 1_020.0, 1_020.0, 995.0], history.DailyCloses); // 3 March forward-filled
        Assert.Equal(balances.Select(b => b.Time), history.RecentTimes);
        Assert.Equal(balances.Select(b => b.Balance), history.RecentBalances);
        var empty = await Node.BalanceHistoryAsync("history-none");
        Assert.Null(empty.FirstDay);
        Assert.Empty(empty.DailyCloses);
    }

    [Fact]
    public async Task A_subscriber_gets_the_current_snapshot_then_one_per_persisted_write_and_none_for_a_retry()
    {
        await Node.RecordTradesAsync("subscribed", Ev.Trade("a", 1, 3));
        var probe = new Probe(Node.System);
        Node.Strategies.Tell(new SubscribeSnapshots("subscribed", probe.Ref), probe.Ref); // answered to the sender
        var current = await probe.ExpectAsync<MetricsSnapshot>();
        Assert.Equal(1, current.SequenceNr);

        var write = await Node.RecordEventsAsync("subscribed", [Ev.Balance(1, 1_000), Ev.Trade("b", 2, 5)]);
        var published = await probe.ExpectAsync<MetricsSnapshot>();
        Assert.Equal(3, write.SequenceNr);
        BitIdentical.Assert("published", await Node.MetricsAsync("subscribed"), published);
        Assert.Equal(2, published.Metrics.Trades.TotalTrades);

        await Node.RecordTradesAsync("subscribed", Ev.Trade("b", 2, 5)); // a retry persists nothing, publishes nothing
        await Node.RejectedAsync(new RecordTrades("subscribed", [Ev.Trade("c", 3, double.NaN)]));
        await probe.ExpectNoMessageAsync(TimeSpan.FromMilliseconds(300));

        Node.System.Stop(probe.Ref); // a stopped subscriber is forgotten; the strategy carries on
        await Task.Delay(100);
        Assert.Equal(4, (await Node.RecordTradesAsync("subscribed", Ev.Trade("d", 4, 1))).SequenceNr);
    }

    [Fact]
    public async Task Metrics_asked_while_a_write_is_in_flight_are_those_of_the_durable_events_at_their_sequence_number()
    {
        var trades = Enumerable.Range(0, 3_000).Select(i => Ev.Trade($"f{i}", 1 + (i / 100.0), 1)).ToList();
        var write = Node.AskAsync(new RecordTrades("in-flight", trades));
        var during = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Node.MetricsAsync("in-flight")));
        Assert.IsType<EventsRecorded>(await write);

        Assert.All(during, m => Assert.Equal(m.SequenceNr, m.Metrics.Trades.TotalTrades));
        Assert.All(during, m => Assert.Contains(m.SequenceNr, new long[] { 0, 3_000 }));
    }

    [Fact]
    public async Task A_backtest_run_is_an_entity_apart_from_the_live_strategy()
    {
        await Node.RecordTradesAsync("apart", Ev.Trade("a", 1, 3));
        await Node.RecordTradesAsync(StrategyIds.BacktestRun("apart", "run-1"), Ev.Trade("a", 1, 7), Ev.Trade("b", 2, 1));

        Assert.Equal(3.0, (await Node.MetricsAsync("apart")).Metrics.Trades.NetPnl);
        Assert.Equal(8.0, (await Node.MetricsAsync("apart@run-1")).Metrics.Trades.NetPnl);
        Assert.Equal(2, await fixture.Journal.JournalRowsAsync("strategy|apart@run-1"));
    }
}

public sealed class StrategyPerformanceActorOnSqliteTests(SqliteNode fixture)
    : StrategyPerformanceActorTests(fixture), IClassFixture<SqliteNode>;

public sealed class StrategyPerformanceActorOnPostgreSqlTests(PostgresNode fixture)
    : StrategyPerformanceActorTests(fixture), IClassFixture<PostgresNode>;
