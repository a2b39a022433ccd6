using Microsoft.AspNetCore.Http;
using TradingActors.Api.Errors;

namespace TradingActors.Api.Security;

/// <summary>401 <c>unauthorized</c> for a <c>/v1</c> request without the token; health and <c>/metrics</c> stay open.</summary>
public sealed class BearerTokenMiddleware(RequestDelegate next, BearerToken token)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!token.Required || !context.Request.Path.StartsWithSegments("/v1", StringComparison.Ordinal)
            || token.Accepts(context.Request.Headers.Authorization))
        {
            return next(context);
        }
        var message = context.Request.Headers.Authorization.Count == 0
            ? "Authorization: missing; send Authorization: Bearer <token>"
            : "Authorization: the bearer token is wrong";
        return ErrorReplies.WriteAsync(context, StatusCodes.Status401Unauthorized, ApiErrorCodes.Unauthorized, message);
    }
}
