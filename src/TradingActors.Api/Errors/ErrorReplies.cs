using Microsoft.AspNetCore.Http;
using TradingActors.Api.Replies;

namespace TradingActors.Api.Errors;

/// <summary>Writes error bodies, with <c>Retry-After</c> on a 503 and the bearer challenge on a 401.</summary>
public static class ErrorReplies
{
    public static IResult Of(ApiProblemException problem, ApiSettings settings)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(settings);
        return new ErrorResult(problem.Status, new ErrorBody(problem.Code, problem.Message),
            problem.RetryAfter ? settings.RetryAfterSeconds : null);
    }

    /// <summary>Writes the error straight to a response that has not started (middleware, status pages).</summary>
    public static Task WriteAsync(HttpContext context, int status, string code, string message, int? retryAfterSeconds = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new ErrorResult(status, new ErrorBody(code, message), retryAfterSeconds).ExecuteAsync(context);
    }

    private sealed class ErrorResult(int status, ErrorBody body, int? retryAfterSeconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = status;
            if (retryAfterSeconds is { } seconds)
            {
                httpContext.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            if (status == StatusCodes.Status401Unauthorized)
            {
                httpContext.Response.Headers.WWWAuthenticate = "Bearer realm=\"trading-actors\"";
            }
            return JsonReply.WriteAsync(httpContext, body, ApiJsonContext.Api.ErrorBody);
        }
    }
}
