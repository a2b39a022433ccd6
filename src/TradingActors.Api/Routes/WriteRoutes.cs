using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TradingActors.Api.Bodies;
using TradingActors.Api.Gateway;
using TradingActors.Api.Replies;

namespace TradingActors.Api.Routes;

/// <summary>
/// Routes 1 and 2 (docs/api.md): closed trades and balance observations, one or a batch, answered once persisted —
/// 201 when something was recorded, 200 when every event was a retry.
/// </summary>
public static class WriteRoutes
{
    public static RouteGroupBuilder MapWriteRoutes(this RouteGroupBuilder strategies)
    {
        strategies.MapPost("/{id}/trades", RecordTradesAsync)
            .WithName("RecordTrades")
            .WithSummary("Record closed trades: one object or a non-empty array, all or nothing")
            .Accepts<TradeRequest[]>("application/json")
            .Produces<RecordedReply>(StatusCodes.Status201Created)
            .Produces<RecordedReply>(StatusCodes.Status200OK)
            .ProducesErrors(400, 401, 413, 415, 503);
        strategies.MapPost("/{id}/balances", RecordBalancesAsync)
            .WithName("RecordBalances")
            .WithSummary("Record balance observations: one object or a non-empty array in time order")
            .Accepts<BalanceRequest[]>("application/json")
            .Produces<RecordedReply>(StatusCodes.Status201Created)
            .Produces<RecordedReply>(StatusCodes.Status200OK)
            .ProducesErrors(400, 401, 413, 415, 503);
        return strategies;
    }

    private static async Task<IResult> RecordTradesAsync(
        string id, HttpRequest request, StrategyGateway gateway, ApiSettings settings, CancellationToken cancel)
    {
        var body = await RequestBodyReader.ReadJsonAsync(request, settings.MaxBodySize, cancel).ConfigureAwait(false);
        var (trades, isArray) = TradeBodies.Parse(body.Span);
        return Answer(await gateway.RecordTradesAsync(id, trades, isArray, cancel).ConfigureAwait(false));
    }

    private static async Task<IResult> RecordBalancesAsync(
        string id, HttpRequest request, StrategyGateway gateway, ApiSettings settings, CancellationToken cancel)
    {
        var body = await RequestBodyReader.ReadJsonAsync(request, settings.MaxBodySize, cancel).ConfigureAwait(false);
        var (balances, isArray) = BalanceBodies.Parse(body.Span);
        return Answer(await gateway.RecordBalancesAsync(id, balances, isArray, cancel).ConfigureAwait(false));
    }

    private static Microsoft.AspNetCore.Http.HttpResults.JsonHttpResult<RecordedReply> Answer(RecordedReply recorded) =>
        TypedResults.Json(recorded, ApiJsonContext.Api.RecordedReply,
            statusCode: recorded.Recorded > 0 ? StatusCodes.Status201Created : StatusCodes.Status200OK);
}
