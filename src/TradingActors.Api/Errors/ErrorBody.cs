namespace TradingActors.Api.Errors;

/// <summary>The body of every 4xx and 5xx reply: <c>{"error": code, "message": what is wrong}</c>.</summary>
public sealed record ErrorBody(string Error, string Message);
