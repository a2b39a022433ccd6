using BenchmarkDotNet.Attributes;
using TradingActors.Domain.Events;
using TradingActors.Domain.State;
using TradingActors.Metrics;

namespace TradingActors.Benchmarks;

/// <summary>
/// <c>PerformanceState.Apply</c> on one core over trades and balances mixed (one balance after each trade): time and
/// bytes allocated per event. The state starts from a warm fold of the same strategy (its stores already sized), which
/// is the steady path of a live strategy.
/// </summary>
[MemoryDiagnoser]
public class FoldBenchmark
{
    private const int Events = 100_000;
    private IPerformanceEvent[] _warmup = [];
    private IPerformanceEvent[] _events = [];
    private PerformanceState _warm;

    [GlobalSetup]
    public void Setup()
    {
        var all = SyntheticBacktest.Events(Events); // Events / 2 trades → Events events
        _warmup = all[..(Events / 2)];
        _events = all[(Events / 2)..];
        _warm = PerformanceState.Empty(MetricSettings.Defaults);
        foreach (var e in _warmup)
        {
            _warm = _warm.Apply(e);
        }
    }

    [Benchmark(OperationsPerInvoke = Events / 2)]
    public long ApplyMixedEvents()
    {
        // A fork of the warm state: its first append copies the shared stores once, then appends in place.
        var state = _warm;
        foreach (var e in _events)
        {
            state = state.Apply(e);
        }
        return state.EventCount;
    }
}
