using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TradingActors.Api.Errors;
using TradingActors.Api.Gateway;
using TradingActors.Api.Replies;
using TradingActors.Domain.Input;
using TradingActors.Domain.Risk;

namespace TradingActors.Api.Routes;

/// <summary>
/// Routes 3–7 (docs/api.md): the strategies, a strategy's metrics, balance history, exposure and risk decisions, each
/// answered from the actors' state (read-your-writes) or, for the decisions, from the journal.
/// </summary>
public static class ReadRoutes
{
    public static RouteGroupBuilder MapReadRoutes(this RouteGroupBuilder strategies)
    {
        strategies.MapGet("", ListAsync)
            .WithName("ListStrategies")
            .WithSummary("Live strategies, sorted by id, with exposure and headline metrics")
            .ProducesJson(200).ProducesErrors(401, 503);
        strategies.MapGet("/{id}/metrics", MetricsAsync)
            .WithName("GetMetrics")
            .WithSummary("The latest metrics snapshot")
            .ProducesJson(200).ProducesErrors(400, 401, 404, 503);
        strategies.MapGet("/{id}/balances", BalancesAsync)
            .WithName("GetBalances")
            .WithSummary("Balance history: daily closes and recent raw points, optionally cut to [from, to]")
            .ProducesJson(200).ProducesErrors(400, 401, 404, 503);
        strategies.MapGet("/{id}/exposure", ExposureAsync)
            .WithName("GetExposure")
            .WithSummary("The current exposure multiplier and why")
            .ProducesJson(200).ProducesErrors(400, 401, 503);
        strategies.MapGet("/{id}/risk-events", RiskEventsAsync)
            .WithName("GetRiskEvents")
            .WithSummary("Every persisted risk decision, oldest first")
            .ProducesJson(200).ProducesErrors(400, 401, 503);
        return strategies;
    }

    private static async Task<IResult> ListAsync(StrategyGateway gateway, CancellationToken cancel)
    {
        var rows = await gateway.ListAsync(cancel).ConfigureAwait(false);
        return JsonReply.Ok(writer =>
        {
            writer.WriteStartArray();
            foreach (var (snapshot, exposure) in rows)
            {
                ReplyWriters.ListRow(writer, snapshot, exposure);
            }
            writer.WriteEndArray();
        });
    }

    private static async Task<IResult> MetricsAsync(string id, StrategyGateway gateway, CancellationToken cancel)
    {
        var snapshot = await gateway.MetricsAsync(id, cancel).ConfigureAwait(false);
        return JsonReply.Ok(writer => ReplyWriters.Snapshot(writer, snapshot));
    }

    private static async Task<IResult> BalancesAsync(
        string id, string? from, string? to, StrategyGateway gateway, CancellationToken cancel)
    {
        var fromTime = Bound("from", from);
        var toTime = Bound("to", to);
        var history = await gateway.BalancesAsync(id, cancel).ConfigureAwait(false);
        return JsonReply.Ok(writer => ReplyWriters.Balances(writer, id, history, fromTime, toTime));
    }

    private static async Task<IResult> ExposureAsync(string id, StrategyGateway gateway, CancellationToken cancel)
    {
        var view = await gateway.ExposureAsync(id, cancel).ConfigureAwait(false);
        return JsonReply.Ok(writer => ReplyWriters.Exposure(writer, view));
    }

    private static async Task<IResult> RiskEventsAsync(string id, StrategyGateway gateway, CancellationToken cancel)
    {
        var decisions = await gateway.RiskEventsAsync(id, 0, cancel).ConfigureAwait(false);
        return JsonReply.Ok(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("strategy_id", id);
            writer.WriteStartArray("risk_events");
            foreach (var (sequenceNr, decision) in decisions)
            {
                RiskEventJson.Write(writer, decision, id, sequenceNr);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    private static DateTimeOffset? Bound(string name, string? text)
    {
        if (text is null)
        {
            return null;
        }
        return TimeParser.TryParse(text, out var time, out var reason)
            ? time
            : throw ApiProblemException.InvalidInput($"{name}: {reason}");
    }
}
