using BenchmarkDotNet.Attributes;
using TradingActors.Domain.Events;
using TradingActors.Domain.State;
using TradingActors.Metrics;

namespace TradingActors.Benchmarks;

/// <summary>
/// <c>PerformanceState.Apply</c> on one core over trades and balances mixed (one balance after each trade): time and
/// bytes allocated per event. The state starts from a warm fold of the same strategy (its stores already sized), which
/// is the steady path of a live strategy. Each iteration starts again from a fresh warm fold (a state is one strategy's
/// latest value: the shared rings keep only a few versions back readable, so a fold does not restart from an old one).
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1)]
public class FoldBenchmark
{
    private const int Events = 200_000;
    private IPerformanceEvent[] _warmup = [];
    private IPerformanceEvent[] _events = [];
    private IPerformanceEvent[] _balances = [];
    private PerformanceState _warm;

    [GlobalSetup]
    public void Setup()
    {
        var all = SyntheticBacktest.Events(Events / 2); // Events / 2 trades and a balance after each
        _warmup = all[..(Events / 2)];
        _events = all[(Events / 2)..];
        _balances = _events.OfType<BalanceUpdated>().ToArray<IPerformanceEvent>();
    }

    [IterationSetup]
    public void WarmUp()
    {
        _warm = PerformanceState.Empty(MetricSettings.Defaults);
        foreach (var e in _warmup)
        {
            _warm = _warm.Apply(e);
        }
    }

    [Benchmark(OperationsPerInvoke = Events / 2)]
    public long ApplyMixedEvents()
    {
        var state = _warm;
        foreach (var e in _events)
        {
            state = state.Apply(e);
        }
        return state.EventCount;
    }

    /// <summary>Balance ticks only: the path that must not allocate (no trade id is recorded).</summary>
    [Benchmark(OperationsPerInvoke = Events / 4)]
    public long ApplyBalances()
    {
        var state = _warm;
        foreach (var e in _balances)
        {
            state = state.Apply(e);
        }
        return state.EventCount;
    }
}
