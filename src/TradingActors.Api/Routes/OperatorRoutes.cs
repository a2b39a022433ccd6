using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TradingActors.Api.Bodies;
using TradingActors.Api.Gateway;
using TradingActors.Api.Replies;

namespace TradingActors.Api.Routes;

/// <summary>
/// Routes 8 and 9 (docs/api.md): an operator's halt (exposure 0 until a resume) and resume, each with a reason that is
/// persisted in the decision; both may be repeated and answer the exposure.
/// </summary>
public static class OperatorRoutes
{
    public static RouteGroupBuilder MapOperatorRoutes(this RouteGroupBuilder strategies)
    {
        strategies.MapPost("/{id}/halt", HaltAsync)
            .WithName("HaltStrategy")
            .WithSummary("Operator halt: exposure 0, whatever the rules say, until a resume")
            .Accepts<ReasonRequest>("application/json")
            .ProducesJson(200).ProducesErrors(400, 401, 413, 415, 503);
        strategies.MapPost("/{id}/resume", ResumeAsync)
            .WithName("ResumeStrategy")
            .WithSummary("Lift the operator halt: exposure back to what the rules allow now")
            .Accepts<ReasonRequest>("application/json")
            .ProducesJson(200).ProducesErrors(400, 401, 413, 415, 503);
        return strategies;
    }

    private static async Task<IResult> HaltAsync(
        string id, HttpRequest request, StrategyGateway gateway, ApiSettings settings, CancellationToken cancel)
    {
        var reason = ReasonBodies.Parse((await RequestBodyReader.ReadJsonAsync(request, settings.MaxBodySize, cancel).ConfigureAwait(false)).Span);
        var view = await gateway.HaltAsync(id, reason, cancel).ConfigureAwait(false);
        return JsonReply.Ok(writer => ReplyWriters.Exposure(writer, view));
    }

    private static async Task<IResult> ResumeAsync(
        string id, HttpRequest request, StrategyGateway gateway, ApiSettings settings, CancellationToken cancel)
    {
        var reason = ReasonBodies.Parse((await RequestBodyReader.ReadJsonAsync(request, settings.MaxBodySize, cancel).ConfigureAwait(false)).Span);
        var view = await gateway.ResumeAsync(id, reason, cancel).ConfigureAwait(false);
        return JsonReply.Ok(writer => ReplyWriters.Exposure(writer, view));
    }
}
