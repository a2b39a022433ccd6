using TradingActors.Domain.State;

namespace TradingActors.Domain.Risk;

/// <summary>
/// The figures the risk rules read, taken from a <see cref="MetricsSnapshot"/> (the live path) or straight from the
/// state (the backtest path, without computing every metric per event). Both read the same accumulators, so they
/// agree to the bit.
/// </summary>
public static class RiskInputsOf
{
    /// <summary>The figures of a published snapshot.</summary>
    public static RiskInputs Snapshot(MetricsSnapshot snapshot)
    {
        var t = snapshot.Metrics.Trades;
        var b = snapshot.Metrics.Balances;
        var today = snapshot.Today;
        return new RiskInputs(
            snapshot.SequenceNr,
            snapshot.AsOf,
            t.TotalTrades,
            t.ConsecutiveWins,
            t.ConsecutiveLosses,
            b.CurrentBalance,
            b.CurrentDrawdown,
            today?.Day,
            today?.OpeningBalance,
            today?.NetPnl ?? 0.0);
    }

    /// <summary>The same figures as <c>Snapshot(MetricsSnapshot.Of(id, sequenceNr, state))</c>, at a fraction of the cost.</summary>
    public static RiskInputs State(long sequenceNr, in PerformanceState state)
    {
        var tally = state.Tally;
        var drawdown = state.Drawdown;
        var today = state.Today();
        var balances = drawdown.Count > 0;
        return new RiskInputs(
            sequenceNr,
            state.AsOf,
            tally.Total,
            tally.WinStreak,
            tally.LossStreak,
            balances ? drawdown.Last : null,
            balances ? drawdown.CurrentDrawdown : null,
            today?.Day,
            today?.OpeningBalance,
            today?.NetPnl ?? 0.0);
    }
}
