using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace TradingActors.Api.Telemetry;

/// <summary>
/// Counts and times every request by its route template (<c>/v1/strategies/{id}/trades</c>, never the raw path, so
/// the series stay few), method and status; unmatched paths count as route <c>unmatched</c>.
/// </summary>
public sealed class RequestMetricsMiddleware(RequestDelegate next, ApiMetrics metrics)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            var template = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
            var route = template is null ? Unmatched : template.StartsWith('/') ? template : "/" + template;
            var timed = route != StreamRouteTemplate;
            metrics.Request(route, context.Request.Method, context.Response.StatusCode,
                timed ? Stopwatch.GetElapsedTime(started) : null);
        }
    }

    internal const string StreamRouteTemplate = "/v1/stream";

    /// <summary>The route label of a request that matched no route (docs/api.md, "Prometheus metrics").</summary>
    internal const string Unmatched = "unmatched";
}
