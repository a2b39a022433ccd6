using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TradingActors.Api.Errors;
using TradingActors.Domain;

namespace TradingActors.Api.Routes;

/// <summary>
/// 400 <c>invalid_strategy_id</c> for an <c>{id}</c> that breaks the rule of DESIGN §5 (1–64 of <c>[A-Za-z0-9._-]</c>;
/// so a backtest run's <c>ID@RUN</c> cannot be addressed), and the route's <see cref="ApiProblemException"/>s as error bodies.
/// </summary>
public sealed class StrategyIdFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.HttpContext.Request.RouteValues.TryGetValue("id", out var value)
            && StrategyIds.Problem("id", value as string) is { } problem)
        {
            return ErrorReplies.Of(
                new ApiProblemException(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidStrategyId, problem),
                context.HttpContext.RequestServices.GetRequiredService<ApiSettings>());
        }
        return await next(context).ConfigureAwait(false);
    }
}
