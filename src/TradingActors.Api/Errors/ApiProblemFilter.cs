using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace TradingActors.Api.Errors;

/// <summary>An endpoint filter that answers an <see cref="ApiProblemException"/> thrown by a route with its error body.</summary>
public sealed class ApiProblemFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (ApiProblemException problem)
        {
            return ErrorReplies.Of(problem, context.HttpContext.RequestServices.GetRequiredService<ApiSettings>());
        }
    }
}
