using Microsoft.AspNetCore.Http;

namespace TradingActors.Api.Errors;

/// <summary>
/// A request refused: its status, stable code and a message that starts with the field at fault. Thrown by the body
/// readers and gateways and turned into the error body by <see cref="ApiProblemFilter"/>; nothing was persisted.
/// </summary>
public sealed class ApiProblemException(int status, string code, string message, bool retryAfter = false) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    /// <summary>Whether the reply carries <c>Retry-After</c> (503s).</summary>
    public bool RetryAfter { get; } = retryAfter;

    public static ApiProblemException InvalidInput(string message) => new(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidInput, message);

    public static ApiProblemException MalformedJson(string message) => new(StatusCodes.Status400BadRequest, ApiErrorCodes.MalformedJson, message);

    public static ApiProblemException NotFound(string message) => new(StatusCodes.Status404NotFound, ApiErrorCodes.NotFound, message);

    public static ApiProblemException Unavailable(string message) =>
        new(StatusCodes.Status503ServiceUnavailable, ApiErrorCodes.Unavailable, message, retryAfter: true);
}
