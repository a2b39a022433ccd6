using TradingActors.Domain.Backtest;
using TradingActors.Domain.Events;
using TradingActors.Domain.Risk;
using TradingActors.Metrics;

namespace TradingActors.Domain.Tests.Backtest;

/// <summary>The report's fold counts what the live actor would journal, no more.</summary>
public sealed class ReportBuilderTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_exact_repeat_of_a_recent_balance_is_not_folded_or_counted_as_the_actor_does_not_record_it()
    {
        var builder = new ReportBuilder("s", MetricSettings.Defaults, RiskPolicy.Defaults);
        builder.Add(new BalanceUpdated(T0, 1_000)).Add(new BalanceUpdated(T0.AddHours(1), 990));
        var before = builder.State;

        builder.Add(new BalanceUpdated(T0.AddHours(1), 990)).Add(new BalanceUpdated(T0, 1_000));

        Assert.Equal(before, builder.State);
        Assert.Equal(2, builder.Build([]).Balances);
        // A new value at the last instant is a correction, folded and counted.
        builder.Add(new BalanceUpdated(T0.AddHours(1), 991));
        Assert.Equal(3, builder.Build([]).Balances);
    }
}
