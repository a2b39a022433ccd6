using FsCheck.Xunit;
using TradingActors.Domain.Events;
using TradingActors.Domain.Risk;

namespace TradingActors.Actors.Tests.Serialization;

/// <summary>
/// Every message type through the actor system's serialization and back (<see cref="SerializationSystem.RoundTrip"/>):
/// equal by value, writing the same bytes again (so every double came back bit for bit, −0.0 and NaN payloads
/// included), and every instant the same UTC instant to the tick, restored at offset zero.
/// </summary>
[Collection(SerializationCollection.Name)]
public sealed class RoundTripProperties(SerializationSystem system)
{
    private const int Cases = 300;

    [Property(MaxTest = Cases, Arbitrary = [typeof(MessageArbitraries)])]
    public void A_TradeClosed_round_trips(TradeClosed trade)
    {
        var back = system.RoundTrip(trade);
        Assert.Equal(trade, back);
        AssertSameInstant(trade.EntryTime, back.EntryTime);
        AssertSameInstant(trade.ExitTime, back.ExitTime);
        Assert.Equal(Bits(trade.Pnl), Bits(back.Pnl));
        Assert.Equal(Bits(trade.RiskReward), Bits(back.RiskReward));
        Assert.Equal(Bits(trade.Mfe), Bits(back.Mfe));
        Assert.Equal(Bits(trade.Mae), Bits(back.Mae));
    }

    [Property(MaxTest = Cases, Arbitrary = [typeof(MessageArbitraries)])]
    public void A_BalanceUpdated_round_trips(BalanceUpdated balance)
    {
        var back = system.RoundTrip(balance);
        Assert.Equal(balance, back);
        AssertSameInstant(balance.Time, back.Time);
        Assert.Equal(Bits(balance.Balance), Bits(back.Balance));
    }

    [Property(MaxTest = Cases, Arbitrary = [typeof(MessageArbitraries)])]
    public void An_ExposureChanged_round_trips(ExposureChanged change)
    {
        var back = system.RoundTrip(change);
        Assert.Equal(change, back);
        AssertSameInstant(change.At, back.At);
        AssertSameFigures(change.Figures, back.Figures);
        AssertSameLimits(change.Limits, back.Limits);
    }

    [Property(MaxTest = Cases, Arbitrary = [typeof(MessageArbitraries)])]
    public void A_LimitChanged_round_trips(LimitChanged change)
    {
        var back = system.RoundTrip(change);
        Assert.Equal(change, back);
        AssertSameInstant(change.At, back.At);
        AssertSameFigures(change.Figures, back.Figures);
        AssertSameLimits(change.Limits, back.Limits);
    }

    [Property(MaxTest = Cases, Arbitrary = [typeof(MessageArbitraries)])]
    public void A_RiskState_round_trips(RiskState state)
    {
        var back = system.RoundTrip(state);
        Assert.Equal(state, back);
        AssertSameLimits(state.Limits, back.Limits);
        Assert.Equal(state.LastExposureChange is null, back.LastExposureChange is null);
    }

    [Fact]
    public void The_initial_risk_state_and_limits_without_figures_round_trip()
    {
        Assert.Equal(RiskState.Initial, system.RoundTrip(RiskState.Initial));
        var halt = new ExposureChanged(
            1.0, 0.0, RiskRule.ManualHalt, "manual_halt 1 -> 0: operator", 0, null, DateTimeOffset.UnixEpoch,
            RiskLimits.None with { Halted = true });
        Assert.Equal(halt, system.RoundTrip(halt));
    }

    private static void AssertSameInstant(DateTimeOffset expected, DateTimeOffset actual)
    {
        Assert.Equal(expected.UtcTicks, actual.UtcTicks);
        Assert.Equal(TimeSpan.Zero, actual.Offset);
    }

    private static void AssertSameFigures(RiskInputs? expected, RiskInputs? actual)
    {
        Assert.Equal(expected is null, actual is null);
        if (expected is null || actual is null)
        {
            return;
        }
        Assert.Equal(expected.AsOf?.UtcTicks, actual.AsOf?.UtcTicks);
        Assert.Equal(Bits(expected.CurrentBalance), Bits(actual.CurrentBalance));
        Assert.Equal(Bits(expected.CurrentDrawdown), Bits(actual.CurrentDrawdown));
        Assert.Equal(Bits(expected.DayOpeningBalance), Bits(actual.DayOpeningBalance));
        Assert.Equal(Bits(expected.DayNetPnl), Bits(actual.DayNetPnl));
    }

    private static void AssertSameLimits(RiskLimits expected, RiskLimits actual)
    {
        Assert.Equal(expected.LastCutAt?.UtcTicks, actual.LastCutAt?.UtcTicks);
        Assert.Equal(Bits(expected.ConsecutiveLosses), Bits(actual.ConsecutiveLosses));
        Assert.Equal(Bits(expected.Drawdown), Bits(actual.Drawdown));
        Assert.Equal(Bits(expected.DailyLoss), Bits(actual.DailyLoss));
    }

    /// <summary>The bits of a double (null stays null): NaN payloads and −0.0 compared exactly.</summary>
    internal static long? Bits(double? value) => value is { } v ? BitConverter.DoubleToInt64Bits(v) : null;
}
