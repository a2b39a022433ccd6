using System.Text.Json;
using TradingActors.Domain.Events;
using TradingActors.Domain.Json;
using TradingActors.Domain.Risk;

namespace TradingActors.Domain.Backtest;

/// <summary>
/// The JSON of a <see cref="Report"/>, the shape of the JVM build's <c>report --json</c> (which live engines and
/// notebooks already read): strategy_id, settings, trades, balances, as_of, metrics, rolling_7d, rolling_30d,
/// periods, exposure, risk_events.
/// </summary>
public static class ReportJson
{
    /// <summary>Bytes the writer may hold before they are handed to its output.</summary>
    private const int FlushAt = 1 << 16;

    /// <summary>Writes the report as one JSON object.</summary>
    public static void Write(Utf8JsonWriter writer, Report report)
    {
        writer.WriteStartObject();
        if (report.StrategyId is null)
        {
            writer.WriteNull("strategy_id");
        }
        else
        {
            writer.WriteString("strategy_id", report.StrategyId);
        }
        writer.WritePropertyName("settings");
        MetricsJson.Write(writer, report.Settings);
        writer.WriteNumber("trades", report.Trades);
        writer.WriteNumber("balances", report.Balances);
        if (report.AsOf is { } asOf)
        {
            writer.WriteString("as_of", Instants.Format(asOf));
        }
        else
        {
            writer.WriteNull("as_of");
        }
        writer.WritePropertyName("metrics");
        MetricsJson.Write(writer, report.Metrics);
        writer.WritePropertyName("rolling_7d");
        MetricsJson.Write(writer, report.Rolling7d);
        writer.WritePropertyName("rolling_30d");
        MetricsJson.Write(writer, report.Rolling30d);
        writer.WriteStartObject("periods");
        foreach (var (name, rows) in report.Periods)
        {
            writer.WriteStartArray(name);
            foreach (var row in rows)
            {
                MetricsJson.Write(writer, row);
                FlushWhenFull(writer);
            }
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
        JsonNumbers.WriteDouble(writer, "exposure", report.Exposure);
        writer.WriteStartArray("risk_events");
        foreach (var e in report.RiskEvents)
        {
            RiskEventJson.Write(writer, e);
            FlushWhenFull(writer);
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>
    /// Hands what the writer holds to its output once there is enough of it. A writer over a stream keeps everything
    /// in a buffer of its own until flushed, growing it by copies, and a backtest of a million events can make tens of
    /// megabytes of risk decisions: they go out as they are written instead.
    /// </summary>
    private static void FlushWhenFull(Utf8JsonWriter writer)
    {
        if (writer.BytesPending >= FlushAt)
        {
            writer.Flush();
        }
    }
}
