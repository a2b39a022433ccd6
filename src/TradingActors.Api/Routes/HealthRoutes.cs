using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TradingActors.Api.Health;
using TradingActors.Api.Replies;

namespace TradingActors.Api.Routes;

/// <summary>
/// Routes 12 and 13 (docs/api.md): liveness (the process runs) and readiness (the journal answers and the node is an Up
/// member, so its shard regions run). Never behind the token.
/// </summary>
public static class HealthRoutes
{
    public static IEndpointRouteBuilder MapHealthRoutes(this IEndpointRouteBuilder app)
    {
        var health = app.MapGroup("/health").WithTags("health");
        health.MapGet("/live", () => TypedResults.Json(new HealthReply("up"), ApiJsonContext.Api.HealthReply))
            .WithName("Live").WithSummary("200 while the process runs");
        health.MapGet("/ready", (JournalHealth journal, ApiSettings settings, HttpContext context) =>
            {
                if (journal.Ready)
                {
                    return TypedResults.Json(new HealthReply("ready", "up"), ApiJsonContext.Api.HealthReply);
                }
                context.Response.Headers.RetryAfter = settings.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var reply = journal.JournalUp
                    ? new HealthReply("unavailable", "up", "the node is not an Up member of its cluster yet")
                    : new HealthReply("unavailable", "down", journal.LastProblem);
                return TypedResults.Json(reply, ApiJsonContext.Api.HealthReply, statusCode: StatusCodes.Status503ServiceUnavailable);
            })
            .WithName("Ready").WithSummary("200 while the journal answers and the shard regions run; 503 with Retry-After otherwise")
            .Produces<HealthReply>(200).Produces<HealthReply>(503);
        return app;
    }
}
