using TradingActors.Domain.Events;

namespace TradingActors.Actors.Tests.Journal;

/// <summary>Event builders for the journal suites: hours after <see cref="T0"/>.</summary>
public static class Ev
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset At(double hours) => T0.AddMilliseconds(Math.Round(hours * 3_600_000));

    /// <summary>A trade of <paramref name="pnl"/> exiting <paramref name="exitHours"/> after T0, open for an hour.</summary>
    public static TradeClosed Trade(string id, double exitHours, double pnl) =>
        Trade(id, At(exitHours), pnl);

    public static TradeClosed Trade(string id, DateTimeOffset exit, double pnl) =>
        new(id, "BTCUSDT", Side.Long, exit.AddHours(-1), exit, 100.0, 101.0, 1.0, pnl, 0.5, 0.25, 2.0);

    public static BalanceUpdated Balance(double hours, double balance) => new(At(hours), balance);

    /// <summary>The events read back from the journal for a strategy, in journal order.</summary>
    public static async Task<List<IPerformanceEvent>> ReadJournalAsync(TestNode node, string entityId)
    {
        var events = new List<IPerformanceEvent>();
        await Replay.JournalReplay.ReplayAsync(node.System, entityId, events.Add);
        return events;
    }
}
