using System.Text.Json;
using TradingActors.Actors.Performance;
using TradingActors.Actors.Risk;
using TradingActors.Domain;
using TradingActors.Domain.Events;
using TradingActors.Domain.Json;
using TradingActors.Domain.Risk;

namespace TradingActors.Api.Replies;

/// <summary>
/// The replies built from the domain's own JSON writers, key for key as docs/api.md shows them: a metrics snapshot
/// (route 4, and the stream's <c>snapshot</c>), an exposure (routes 6, 8, 9), a balance history (route 5), a list row
/// (route 3).
/// </summary>
public static class ReplyWriters
{
    private static readonly string[] Headline =
    [
        "total_trades", "win_rate", "net_pnl", "profit_factor", "current_balance", "max_drawdown", "current_drawdown",
        "sharpe_ratio",
    ];

    /// <summary><c>{strategy_id, sequence_nr, as_of, metrics, rolling_7d, rolling_30d, today}</c>.</summary>
    public static void Snapshot(Utf8JsonWriter writer, MetricsSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(snapshot);
        writer.WriteStartObject();
        writer.WriteString("strategy_id", snapshot.StrategyId);
        writer.WriteNumber("sequence_nr", snapshot.SequenceNr);
        Instant(writer, "as_of", snapshot.AsOf);
        writer.WritePropertyName("metrics");
        MetricsJson.Write(writer, snapshot.Metrics);
        writer.WritePropertyName("rolling_7d");
        MetricsJson.Write(writer, snapshot.Rolling7d);
        writer.WritePropertyName("rolling_30d");
        MetricsJson.Write(writer, snapshot.Rolling30d);
        if (snapshot.Today is { } today)
        {
            writer.WriteStartObject("today");
            writer.WriteString("day", today.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            JsonNumbers.WriteDouble(writer, "opening_balance", today.OpeningBalance);
            JsonNumbers.WriteDouble(writer, "net_pnl", today.NetPnl);
            writer.WriteNumber("trades", today.Trades);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("today");
        }
        writer.WriteEndObject();
    }

    /// <summary>
    /// <c>{strategy_id, exposure, rule, since, reason: {message, figures, limits}, next_review_at,
    /// last_snapshot_sequence_nr}</c>; <c>rule</c>, <c>since</c> and <c>reason</c> describe the last change of exposure
    /// (null while it never moved), <c>reason.limits</c> every rule's current limit.
    /// </summary>
    public static void Exposure(Utf8JsonWriter writer, ExposureView view)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(view);
        writer.WriteStartObject();
        writer.WriteString("strategy_id", view.StrategyId);
        JsonNumbers.WriteDouble(writer, "exposure", view.Exposure);
        if (view.LastChange is { } change)
        {
            writer.WriteString("rule", change.Rule.WireName());
            writer.WriteString("since", Instants.Format(change.At));
            writer.WriteStartObject("reason");
            writer.WriteString("message", change.Reason);
            writer.WritePropertyName("figures");
            RiskEventJson.WriteFigures(writer, change.Figures);
            writer.WritePropertyName("limits");
            RiskEventJson.WriteLimits(writer, view.Limits);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("rule");
            writer.WriteNull("since");
            writer.WriteNull("reason");
        }
        Instant(writer, "next_review_at", view.NextReviewAt);
        writer.WriteNumber("last_snapshot_sequence_nr", view.DecidedSequenceNr);
        writer.WriteEndObject();
    }

    /// <summary>
    /// <c>{strategy_id, daily_closes: [{day, balance}], recent: [{time, balance}]}</c>, both lists cut to
    /// [<paramref name="from"/>, <paramref name="to"/>] (inclusive; a day is in range when any part of it is).
    /// </summary>
    public static void Balances(
        Utf8JsonWriter writer, string strategyId, BalanceHistory history, DateTimeOffset? from, DateTimeOffset? to)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(history);
        var fromDay = from is { } f ? DateOnly.FromDateTime(f.UtcDateTime) : DateOnly.MinValue;
        var toDay = to is { } t ? DateOnly.FromDateTime(t.UtcDateTime) : DateOnly.MaxValue;
        writer.WriteStartObject();
        writer.WriteString("strategy_id", strategyId);
        writer.WriteStartArray("daily_closes");
        if (history.FirstDay is { } first)
        {
            for (var i = 0; i < history.DailyCloses.Count; i++)
            {
                var day = first.AddDays(i);
                if (day >= fromDay && day <= toDay)
                {
                    writer.WriteStartObject();
                    writer.WriteString("day", day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                    JsonNumbers.WriteDouble(writer, "balance", history.DailyCloses[i]);
                    writer.WriteEndObject();
                }
            }
        }
        writer.WriteEndArray();
        writer.WriteStartArray("recent");
        for (var i = 0; i < history.RecentTimes.Count; i++)
        {
            var time = history.RecentTimes[i];
            if ((from is null || time >= from) && (to is null || time <= to))
            {
                writer.WriteStartObject();
                writer.WriteString("time", Instants.Format(time));
                JsonNumbers.WriteDouble(writer, "balance", history.RecentBalances[i]);
                writer.WriteEndObject();
            }
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>
    /// A row of <c>GET /v1/strategies</c>: <c>{strategy_id, sequence_nr, as_of, exposure, rule, total_trades, win_rate,
    /// net_pnl, profit_factor, current_balance, max_drawdown, current_drawdown, sharpe_ratio}</c>.
    /// </summary>
    public static void ListRow(Utf8JsonWriter writer, MetricsSnapshot snapshot, ExposureView exposure)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(exposure);
        writer.WriteStartObject();
        writer.WriteString("strategy_id", snapshot.StrategyId);
        writer.WriteNumber("sequence_nr", snapshot.SequenceNr);
        Instant(writer, "as_of", snapshot.AsOf);
        JsonNumbers.WriteDouble(writer, "exposure", exposure.Exposure);
        if (exposure.LastChange is { } change)
        {
            writer.WriteString("rule", change.Rule.WireName());
        }
        else
        {
            writer.WriteNull("rule");
        }
        var values = snapshot.Metrics.Values().ToDictionary(m => m.Name);
        foreach (var name in Headline)
        {
            var m = values[name];
            if (m.IsCount)
            {
                writer.WriteNumber(name, (long)m.Value!.Value);
            }
            else
            {
                JsonNumbers.WriteDouble(writer, name, m.Value);
            }
        }
        writer.WriteEndObject();
    }

    private static void Instant(Utf8JsonWriter writer, string name, DateTimeOffset? time)
    {
        if (time is { } t)
        {
            writer.WriteString(name, Instants.Format(t));
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
