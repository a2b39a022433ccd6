using System.Globalization;
using System.Text.Json;
using TradingActors.Domain.Events;
using TradingActors.Domain.Json;

namespace TradingActors.Domain.Risk;

/// <summary>
/// Writes risk events in the JSON shape of <c>report --json</c>'s <c>risk_events</c> (the JVM build's shape, key for
/// key and in its order), as the API and the stream also serve them. Numbers round-trip, fractions always with a
/// decimal point (<c>1.0</c>, as the JVM build wrote them: <see cref="JsonNumbers"/>); absent values are JSON
/// <c>null</c>; instants are ISO-8601 UTC (<see cref="Instants.Format"/>), days <c>yyyy-MM-dd</c>.
/// </summary>
public static class RiskEventJson
{
    /// <summary>
    /// One event as an object: <c>{type, from, to, rule, reason, snapshot_sequence_nr, figures, at, limits}</c> for
    /// <c>exposure_changed</c>; <c>limit_changed</c> puts <c>rule</c> before <c>from</c>.
    /// </summary>
    public static void Write(Utf8JsonWriter writer, RiskEvent riskEvent)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(riskEvent);
        writer.WriteStartObject();
        WriteFields(writer, riskEvent);
    }

    /// <summary>
    /// One event as the API and the stream serve it: <c>strategy_id</c> and the decision's <c>sequence_nr</c> in the
    /// strategy's risk journal first, then the fields of <see cref="Write(Utf8JsonWriter, RiskEvent)"/>.
    /// </summary>
    public static void Write(Utf8JsonWriter writer, RiskEvent riskEvent, string strategyId, long sequenceNr)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(riskEvent);
        writer.WriteStartObject();
        writer.WriteString("strategy_id", strategyId);
        writer.WriteNumber("sequence_nr", sequenceNr);
        WriteFields(writer, riskEvent);
    }

    private static void WriteFields(Utf8JsonWriter writer, RiskEvent riskEvent)
    {
        switch (riskEvent)
        {
            case ExposureChanged e:
                writer.WriteString("type", "exposure_changed");
                JsonNumbers.WriteDouble(writer, "from", e.From);
                JsonNumbers.WriteDouble(writer, "to", e.To);
                writer.WriteString("rule", e.Rule.WireName());
                break;
            case LimitChanged l:
                writer.WriteString("type", "limit_changed");
                writer.WriteString("rule", l.Rule.WireName());
                JsonNumbers.WriteDouble(writer, "from", l.From);
                JsonNumbers.WriteDouble(writer, "to", l.To);
                break;
            default:
                throw new ArgumentException($"unknown risk event {riskEvent.GetType()}", nameof(riskEvent));
        }
        writer.WriteString("reason", riskEvent.Reason);
        writer.WriteNumber("snapshot_sequence_nr", riskEvent.SnapshotSequenceNr);
        writer.WritePropertyName("figures");
        WriteFigures(writer, riskEvent.Figures);
        writer.WriteString("at", Instants.Format(riskEvent.At));
        writer.WritePropertyName("limits");
        WriteLimits(writer, riskEvent.Limits);
        writer.WriteEndObject();
    }

    /// <summary>Events as an array, oldest first.</summary>
    public static void WriteAll(Utf8JsonWriter writer, IEnumerable<RiskEvent> riskEvents)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(riskEvents);
        writer.WriteStartArray();
        foreach (var riskEvent in riskEvents)
        {
            Write(writer, riskEvent);
        }
        writer.WriteEndArray();
    }

    /// <summary>
    /// The figures as <c>{sequence_nr, as_of, total_trades, consecutive_wins, consecutive_losses, current_balance,
    /// current_drawdown, day, day_opening_balance, day_net_pnl}</c>, or <c>null</c>.
    /// </summary>
    public static void WriteFigures(Utf8JsonWriter writer, RiskInputs? figures)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (figures is null)
        {
            writer.WriteNullValue();
            return;
        }
        writer.WriteStartObject();
        writer.WriteNumber("sequence_nr", figures.SequenceNr);
        WriteInstant(writer, "as_of", figures.AsOf);
        writer.WriteNumber("total_trades", figures.TotalTrades);
        writer.WriteNumber("consecutive_wins", figures.ConsecutiveWins);
        writer.WriteNumber("consecutive_losses", figures.ConsecutiveLosses);
        JsonNumbers.WriteDouble(writer, "current_balance", figures.CurrentBalance);
        JsonNumbers.WriteDouble(writer, "current_drawdown", figures.CurrentDrawdown);
        WriteDay(writer, "day", figures.Day);
        JsonNumbers.WriteDouble(writer, "day_opening_balance", figures.DayOpeningBalance);
        JsonNumbers.WriteDouble(writer, "day_net_pnl", figures.DayNetPnl);
        writer.WriteEndObject();
    }

    /// <summary>
    /// The limits as <c>{consecutive_losses, drawdown, daily_loss, halted, last_cut_at, daily_loss_day,
    /// win_streak_start, wins_credited}</c>.
    /// </summary>
    public static void WriteLimits(Utf8JsonWriter writer, RiskLimits limits)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(limits);
        writer.WriteStartObject();
        JsonNumbers.WriteDouble(writer, "consecutive_losses", limits.ConsecutiveLosses);
        JsonNumbers.WriteDouble(writer, "drawdown", limits.Drawdown);
        JsonNumbers.WriteDouble(writer, "daily_loss", limits.DailyLoss);
        writer.WriteBoolean("halted", limits.Halted);
        WriteInstant(writer, "last_cut_at", limits.LastCutAt);
        WriteDay(writer, "daily_loss_day", limits.DailyLossDay);
        writer.WriteNumber("win_streak_start", limits.WinStreakStart);
        writer.WriteNumber("wins_credited", limits.WinsCredited);
        writer.WriteEndObject();
    }

    private static void WriteInstant(Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is { } t)
        {
            writer.WriteString(name, Instants.Format(t));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteDay(Utf8JsonWriter writer, string name, DateOnly? value)
    {
        if (value is { } d)
        {
            writer.WriteString(name, d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
