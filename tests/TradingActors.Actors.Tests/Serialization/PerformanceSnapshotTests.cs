using System.Runtime.Serialization;
using FsCheck.Xunit;
using TradingActors.Actors.Performance;
using TradingActors.Actors.Serialization;
using TradingActors.Domain.Events;
using TradingActors.Domain.State;
using TradingActors.Metrics;

namespace TradingActors.Actors.Tests.Serialization;

/// <summary>
/// A <see cref="PerformanceSnapshot"/> through the serializer: the restored state equals the original, has
/// bit-identical metrics (every metric, both rolling windows, today's figures), writes the same bytes again, and folds
/// on exactly as the original does. The settings are the reader's, never stored.
/// </summary>
[Collection(SerializationCollection.Name)]
public sealed class PerformanceSnapshotTests(SerializationSystem system)
{
    [Property(MaxTest = 100, Arbitrary = [typeof(StateScenarioArbitrary)])]
    public void A_folded_state_restores_equal_with_bit_identical_metrics_and_folds_on_identically(
        StateScenario scenario)
    {
        var serializer = system.SerializerWith(scenario.Settings);
        var original = scenario.StateAtCut();
        var bytes = serializer.ToBinary(new PerformanceSnapshot(original));
        var restored = Assert.IsType<PerformanceSnapshot>(
            serializer.FromBinary(bytes, TradingActorsSerializer.PerformanceSnapshotManifest)).State;

        AssertSameState(original, restored, "restored");
        Assert.Equal(bytes, serializer.ToBinary(new PerformanceSnapshot(restored)));

        var rest = scenario.Events.Skip(scenario.Cut).ToList();
        AssertSameState(
            StateScenario.Fold(original, rest), StateScenario.Fold(restored, rest), "folded on after the snapshot");
    }

    [Fact]
    public void A_state_of_five_hundred_events_round_trips_through_the_systems_serializer()
    {
        var events = StateScenario.Generate(seed: 2025, length: 500);
        var state = PerformanceState.Empty(MetricSettings.Defaults);
        foreach (var e in events)
        {
            state = state.Apply(e);
        }
        Assert.NotEqual(0, state.RecentTrades.Count);
        Assert.True(state.Daily.CloseCount > 30, "the stream spans more than a month");

        var restored = system.RoundTrip(new PerformanceSnapshot(state)).State;

        AssertSameState(state, restored, "restored");
        Assert.Equal(new PerformanceSnapshot(state), new PerformanceSnapshot(restored));
    }

    [Fact]
    public void The_empty_state_round_trips()
    {
        var empty = PerformanceState.Empty(MetricSettings.Defaults);
        var restored = system.RoundTrip(new PerformanceSnapshot(empty)).State;
        AssertSameState(empty, restored, "empty");
        Assert.True(restored.Daily.IsEmpty);
        Assert.Null(restored.AsOf);
    }

    [Fact]
    public void A_state_with_balances_on_one_day_only_round_trips()
    {
        var t = new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
        var state = PerformanceState.Empty(MetricSettings.Defaults)
            .Apply(new BalanceUpdated(t, 1000))
            .Apply(new BalanceUpdated(t.AddHours(1), 990));
        Assert.Equal(0, state.Daily.ReturnCount);
        AssertSameState(state, system.RoundTrip(new PerformanceSnapshot(state)).State, "one day");
    }

    [Fact]
    public void The_settings_are_the_readers()
    {
        var settings = new MetricSettings(252, 0.05, 0.0);
        var state = StateScenario.Fold(PerformanceState.Empty(settings), StateScenario.Generate(7, 200));
        var bytes = system.SerializerWith(settings).ToBinary(new PerformanceSnapshot(state));

        var read = (PerformanceSnapshot)system.Serializer.FromBinary(
            bytes, TradingActorsSerializer.PerformanceSnapshotManifest);

        // MAR 0 either way, so the snapshot is valid under the system's defaults: the state takes them.
        Assert.Equal(MetricSettings.Defaults, read.State.Settings);
        Assert.Equal(state.Tally, read.State.Tally);
    }

    [Fact]
    public void A_snapshot_whose_returns_were_measured_against_another_MAR_is_refused()
    {
        var settings = new MetricSettings(365, 0.0, 0.1);
        var state = StateScenario.Fold(PerformanceState.Empty(settings), StateScenario.Generate(11, 300));
        Assert.True(state.Daily.FinalizedMoments.Count > 0);
        var bytes = system.SerializerWith(settings).ToBinary(new PerformanceSnapshot(state));

        var error = Assert.Throws<SerializationException>(
            () => system.Serializer.FromBinary(bytes, TradingActorsSerializer.PerformanceSnapshotManifest));

        Assert.Contains("PS1", error.Message, StringComparison.Ordinal);
        Assert.Contains("MAR", error.Message, StringComparison.Ordinal);
        Assert.Contains("trading-actors.metrics", error.Message, StringComparison.Ordinal);
    }

    internal static void AssertSameState(PerformanceState expected, PerformanceState actual, string what)
    {
        Assert.True(expected.Equals(actual), $"{what}: the states differ");
        Assert.Equal(expected.GetHashCode(), actual.GetHashCode());
        Assert.Equal(expected.AsOf, actual.AsOf);
        foreach (var (e, a) in expected.Metrics().Values().Zip(actual.Metrics().Values(), (e, a) => (e, a)))
        {
            Assert.Equal(e.Name, a.Name);
            Assert.True(
                RoundTripProperties.Bits(e.Value) == RoundTripProperties.Bits(a.Value),
                $"{what}: {e.Name} is {a.Value:R}, expected {e.Value:R}");
        }
        foreach (var window in new[] { RollingWindows.SevenDaysMs, RollingWindows.ThirtyDaysMs })
        {
            Assert.Equal(expected.Rolling(window), actual.Rolling(window));
        }
        Assert.Equal(expected.Today(), actual.Today());
    }
}
