namespace TradingActors.Api.Errors;

/// <summary>The stable <c>error</c> codes of the API's error bodies (docs/api.md, "Errors").</summary>
public static class ApiErrorCodes
{
    public const string MalformedJson = "malformed_json";
    public const string InvalidInput = "invalid_input";
    public const string InvalidStrategyId = "invalid_strategy_id";
    public const string BadRequest = "bad_request";
    public const string Unauthorized = "unauthorized";
    public const string NotFound = "not_found";
    public const string MethodNotAllowed = "method_not_allowed";
    public const string PayloadTooLarge = "payload_too_large";
    public const string UnsupportedMediaType = "unsupported_media_type";
    public const string Unavailable = "unavailable";
    public const string Internal = "internal";
}
