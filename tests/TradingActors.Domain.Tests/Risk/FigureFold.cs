using TradingActors.Domain.Risk;

namespace TradingActors.Domain.Tests.Risk;

/// <summary>
/// A minimal stand-in for the performance fold, for risk tests only: the <see cref="RiskInputs"/> after each event,
/// by the definitions of docs/risk.md (streaks, drawdown from balances only, the UTC day's opening balance and net
/// pnl). Each event is one snapshot, numbered from 1.
/// </summary>
internal sealed class FigureFold
{
    private readonly List<(DateTimeOffset Exit, double Pnl)> _trades = [];
    private readonly List<(DateTimeOffset Time, double Balance)> _balances = [];
    private long _sequenceNr;
    private long _wins;
    private long _losses;
    private double _peak;
    private DateTimeOffset? _asOf;

    public static readonly DateTimeOffset T0 = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset Hours(double hours) => T0.AddMilliseconds((long)(hours * 3_600_000));

    /// <summary>A trade exiting at <paramref name="exit"/>.</summary>
    public RiskInputs Trade(DateTimeOffset exit, double pnl)
    {
        _trades.Add((exit, pnl));
        (_wins, _losses) = pnl > 0 ? (_wins + 1, 0L) : pnl < 0 ? (0L, _losses + 1) : (0L, 0L);
        return Snapshot(exit);
    }

    /// <summary>A balance observed at <paramref name="time"/>.</summary>
    public RiskInputs Balance(DateTimeOffset time, double balance)
    {
        _balances.Add((time, balance));
        _peak = _balances.Count == 1 ? balance : Math.Max(_peak, balance);
        return Snapshot(time);
    }

    private RiskInputs Snapshot(DateTimeOffset time)
    {
        _sequenceNr++;
        _asOf = _asOf is { } previous && previous > time ? previous : time;
        var day = DateOnly.FromDateTime(_asOf.Value.UtcDateTime);
        var dayStart = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        double? balance = _balances.Count > 0 ? _balances[^1].Balance : null;
        double? drawdown = balance is { } b ? 1 - (b / _peak) : null;
        double? opening = null;
        if (_balances.Count > 0)
        {
            var before = _balances.Where(x => x.Time < dayStart).ToList();
            opening = before.Count > 0 ? before[^1].Balance : _balances[0].Balance;
        }
        var dayPnl = _trades.Where(t => t.Exit >= dayStart && t.Exit < dayStart.AddDays(1)).Sum(t => t.Pnl);
        return new RiskInputs(_sequenceNr, _asOf, _trades.Count, _wins, _losses, balance, drawdown, day, opening,
            dayPnl);
    }
}
