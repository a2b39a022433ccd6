using System.Globalization;
using TradingActors.Actors.Performance;
using TradingActors.Actors.Serialization;
using TradingActors.Domain.Events;
using TradingActors.Domain.Risk;
using TradingActors.Domain.State;
using TradingActors.Metrics;

namespace TradingActors.Actors.Tests.Serialization;

/// <summary>
/// The messages of the journal fixtures (<c>fixtures/v1/</c>), one per manifest: what the payloads checked in there
/// hold. They were written from these values once; the values must keep reading from those bytes forever, so never
/// edit one of them (a new case goes into a new fixture).
/// </summary>
internal static class FixtureMessages
{
    public static readonly TradeClosed Trade = new(
        "trade-0001", "BTCUSDT", Side.Short, At("2025-03-01T14:00:00.1234567+02:00"),
        At("2025-03-01T18:30:15.5Z"), 64000.5, 63000.25, 0.5, 499.375, 0.5, 0.125, 2.5, null, -120.0);

    public static readonly BalanceUpdated Balance = new(At("2025-03-01T23:59:59.9999999Z"), 10499.375);

    public static readonly ExposureChanged Exposure = new(
        1.0,
        0.5,
        RiskRule.Drawdown,
        "drawdown 1 -> 0.5: drawdown 0.12 >= 0.1",
        42,
        new RiskInputs(
            42, At("2025-03-04T10:15:30.123Z"), 17, 0, 3, 8800.5, 0.12, new DateOnly(2025, 3, 4), 9100.0, -300.25),
        At("2025-03-04T10:15:30.4567891Z"),
        new RiskLimits(1.0, 0.5, 1.0, false, At("2025-03-04T10:15:30.4567891Z"), null, -1, 0));

    public static readonly LimitChanged Limit = new(
        RiskRule.ConsecutiveLosses,
        1.0,
        0.75,
        "consecutive_losses 1 -> 0.75: 3 losses in a row",
        43,
        new RiskInputs(43, At("2025-03-05T08:00:00Z"), 18, 0, 3, null, null, new DateOnly(2025, 3, 5), null, -0.0),
        At("2025-03-05T08:00:01Z"),
        new RiskLimits(0.75, 0.5, 1.0, true, At("2025-03-05T08:00:01Z"), new DateOnly(2025, 3, 3), 14, 2));

    public static readonly RiskState Risk = new(Exposure.Limits, Exposure, 43);

    /// <summary>
    /// The events folded into the <c>PS1</c> fixture's state (default settings): four UTC days with a two-day gap,
    /// a late trade, a retried id, a trade without R:R, a −0.0 pnl, sub-millisecond and non-UTC times.
    /// </summary>
    public static readonly IReadOnlyList<IPerformanceEvent> StateEvents =
    [
        new BalanceUpdated(At("2025-03-01T00:00:00Z"), 10000),
        TradeOf("t-1", "2025-03-01T09:00:00Z", "2025-03-01T10:00:00.0001234Z", 150.5, 2.0),
        new BalanceUpdated(At("2025-03-01T10:00:01Z"), 10150.5),
        TradeOf("t-2", "2025-03-01T11:00:00Z", "2025-03-01T13:30:00+01:00", -80.25, null),
        new BalanceUpdated(At("2025-03-01T12:30:00Z"), 10070.25),
        TradeOf("t-3", "2025-03-02T08:00:00Z", "2025-03-02T09:15:00Z", -0.0, 1.5),
        new BalanceUpdated(At("2025-03-02T23:59:59.999Z"), 10100.0),
        TradeOf("t-1", "2025-03-02T09:00:00Z", "2025-03-02T10:00:00Z", 999, 9), // a retry: changes nothing
        TradeOf("t-4", "2025-03-05T07:00:00Z", "2025-03-05T09:00:00Z", 310.0, 3.0),
        new BalanceUpdated(At("2025-03-05T09:00:00.5Z"), 10380.25),
        TradeOf("late-5", "2025-02-27T10:00:00Z", "2025-02-28T10:00:00Z", -45.5, 0.5),
        new BalanceUpdated(At("2025-03-05T09:00:00.5Z"), 10334.75),
        new BalanceUpdated(At("2025-03-05T17:45:00Z"), 10290.0),
    ];

    public static readonly PerformanceSnapshot Performance = new(Fold(StateEvents));

    /// <summary>Each manifest's fixture message, by manifest.</summary>
    public static IReadOnlyDictionary<string, object> ByManifest { get; } = new Dictionary<string, object>
    {
        [TradingActorsSerializer.TradeClosedManifest] = Trade,
        [TradingActorsSerializer.BalanceUpdatedManifest] = Balance,
        [TradingActorsSerializer.ExposureChangedManifest] = Exposure,
        [TradingActorsSerializer.LimitChangedManifest] = Limit,
        [TradingActorsSerializer.PerformanceSnapshotManifest] = Performance,
        [TradingActorsSerializer.RiskStateManifest] = Risk,
    };

    public static PerformanceState Fold(IEnumerable<IPerformanceEvent> events)
    {
        var state = PerformanceState.Empty(MetricSettings.Defaults);
        foreach (var e in events)
        {
            state = state.Apply(e);
        }
        return state;
    }

    private static TradeClosed TradeOf(string id, string entry, string exit, double pnl, double? rr) =>
        new(id, "ETHUSDT", Side.Long, At(entry), At(exit), 2000, 2010, 1.5, pnl, 1.25, 0.5, rr);

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);
}
