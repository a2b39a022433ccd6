namespace TradingActors.Metrics;

/// <summary>
/// Every metric of DESIGN §3: the trade statistics, then the balance statistics. Written with snake_case names
/// (<see cref="Values"/>) this is the <c>"metrics"</c> object of every JSON answer; null is an undefined value, never
/// NaN or an infinity.
/// </summary>
public sealed record PerformanceMetrics(TradeStatistics Trades, BalanceStatistics Balances)
{
    /// <summary>Every metric name of DESIGN §3, in the order of its lists.</summary>
    public static IReadOnlyList<string> Names { get; } =
        new PerformanceMetrics(TradeTally.Empty.Statistics(), BalanceStatistics.Empty).Values().Select(v => v.Name).ToArray();

    /// <summary>Each metric under its DESIGN §3 name, in <see cref="Names"/> order.</summary>
    public IEnumerable<MetricValue> Values()
    {
        var t = Trades;
        var b = Balances;
        yield return MetricValue.Count("total_trades", t.TotalTrades);
        yield return MetricValue.Count("winning_trades", t.WinningTrades);
        yield return MetricValue.Count("losing_trades", t.LosingTrades);
        yield return MetricValue.Count("breakeven_trades", t.BreakevenTrades);
        yield return new("win_rate", t.WinRate);
        yield return new("gross_profit", t.GrossProfit);
        yield return new("gross_loss", t.GrossLoss);
        yield return new("net_pnl", t.NetPnl);
        yield return new("profit_factor", t.ProfitFactor);
        yield return new("expectancy", t.Expectancy);
        yield return new("expectancy_ratio", t.ExpectancyRatio);
        yield return new("avg_win", t.AvgWin);
        yield return new("avg_loss", t.AvgLoss);
        yield return new("largest_win", t.LargestWin);
        yield return new("largest_loss", t.LargestLoss);
        yield return MetricValue.Count("max_consecutive_wins", t.MaxConsecutiveWins);
        yield return MetricValue.Count("max_consecutive_losses", t.MaxConsecutiveLosses);
        yield return MetricValue.Count("consecutive_wins", t.ConsecutiveWins);
        yield return MetricValue.Count("consecutive_losses", t.ConsecutiveLosses);
        yield return new("avg_trade_duration_hours", t.AvgTradeDurationHours);
        yield return new("trades_per_day", t.TradesPerDay);
        yield return new("total_fees", t.TotalFees);
        yield return new("total_slippage", t.TotalSlippage);
        yield return new("avg_rr", t.AvgRr);
        yield return new("initial_balance", b.InitialBalance);
        yield return new("current_balance", b.CurrentBalance);
        yield return new("peak_balance", b.PeakBalance);
        yield return new("total_return", b.TotalReturn);
        yield return new("cagr", b.Cagr);
        yield return new("annual_volatility", b.AnnualVolatility);
        yield return new("sharpe_ratio", b.SharpeRatio);
        yield return new("sortino_ratio", b.SortinoRatio);
        yield return new("calmar_ratio", b.CalmarRatio);
        yield return new("var_95", b.Var95);
        yield return new("cvar_95", b.Cvar95);
        yield return new("max_drawdown", b.MaxDrawdown);
        yield return new("current_drawdown", b.CurrentDrawdown);
        yield return new("max_drawdown_duration_days", b.MaxDrawdownDurationDays);
        yield return new("days_since_peak", b.DaysSincePeak);
    }
}

/// <summary>One metric by its DESIGN §3 name: null when undefined; a count is a whole number written without fraction.</summary>
public readonly record struct MetricValue(string Name, double? Value, bool IsCount = false)
{
    /// <summary>A count (trades, streaks).</summary>
    public static MetricValue Count(string name, long value) => new(name, value, true);
}
