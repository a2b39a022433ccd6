using System.Text.Json;
using TradingActors.Metrics;

namespace TradingActors.Domain.Json;

/// <summary>The JSON objects of the metrics (DESIGN §3 keys), shared by <c>report</c>, <c>replay</c> and the API.</summary>
public static class MetricsJson
{
    /// <summary>Writes <c>{"total_trades": …, …}</c> with every metric in DESIGN order.</summary>
    public static void Write(Utf8JsonWriter writer, PerformanceMetrics metrics)
    {
        writer.WriteStartObject();
        foreach (var m in metrics.Values())
        {
            if (m.IsCount)
            {
                writer.WriteNumber(m.Name, (long)m.Value!.Value);
            }
            else
            {
                JsonNumbers.WriteDouble(writer, m.Name, m.Value);
            }
        }
        writer.WriteEndObject();
    }

    /// <summary>Writes a rolling window: <c>{"trades", "win_rate", "profit_factor", "avg_rr", "net_pnl", "sharpe"}</c>.</summary>
    public static void Write(Utf8JsonWriter writer, WindowStatistics window)
    {
        writer.WriteStartObject();
        writer.WriteNumber("trades", window.Trades);
        JsonNumbers.WriteDouble(writer, "win_rate", window.WinRate);
        JsonNumbers.WriteDouble(writer, "profit_factor", window.ProfitFactor);
        JsonNumbers.WriteDouble(writer, "avg_rr", window.AvgRr);
        JsonNumbers.WriteDouble(writer, "net_pnl", window.NetPnl);
        JsonNumbers.WriteDouble(writer, "sharpe", window.Sharpe);
        writer.WriteEndObject();
    }

    /// <summary>Writes one period row of the breakdown.</summary>
    public static void Write(Utf8JsonWriter writer, PeriodRow row)
    {
        writer.WriteStartObject();
        writer.WriteString("period", row.Period.WireName());
        writer.WriteString("start", row.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        JsonNumbers.WriteDouble(writer, "period_return", row.PeriodReturn);
        writer.WriteNumber("trades", row.Trades);
        writer.WriteNumber("winning_trades", row.WinningTrades);
        writer.WriteNumber("losing_trades", row.LosingTrades);
        JsonNumbers.WriteDouble(writer, "net_pnl", row.NetPnl);
        JsonNumbers.WriteDouble(writer, "win_rate", row.WinRate);
        JsonNumbers.WriteDouble(writer, "profit_factor", row.ProfitFactor);
        writer.WriteEndObject();
    }

    /// <summary>Writes the settings the ratios were computed with.</summary>
    public static void Write(Utf8JsonWriter writer, MetricSettings settings)
    {
        writer.WriteStartObject();
        writer.WriteNumber("periods_per_year", settings.PeriodsPerYear);
        JsonNumbers.WriteDouble(writer, "risk_free_rate", settings.RiskFreeRate);
        JsonNumbers.WriteDouble(writer, "minimum_acceptable_return", settings.MinimumAcceptableReturn);
        writer.WriteEndObject();
    }
}
