using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TradingActors.Api.Errors;

namespace TradingActors.Api.Routes;

/// <summary>What the OpenAPI document says a route answers: a JSON body, and which error statuses (each an <see cref="ErrorBody"/>).</summary>
internal static class RouteDocumentation
{
    public static RouteHandlerBuilder ProducesJson(this RouteHandlerBuilder route, int status) =>
        route.Produces(status, contentType: "application/json");

    public static RouteHandlerBuilder ProducesErrors(this RouteHandlerBuilder route, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            route.Produces<ErrorBody>(status, "application/json");
        }
        return route;
    }
}
