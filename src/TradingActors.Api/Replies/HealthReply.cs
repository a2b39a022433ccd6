namespace TradingActors.Api.Replies;

/// <summary>
/// <c>/health/live</c> and <c>/health/ready</c>: <c>{"status": "up"}</c>, <c>{"status": "ready", "journal": "up"}</c>,
/// or <c>{"status": "unavailable", "journal": "down", "message": …}</c>.
/// </summary>
public sealed record HealthReply(string Status, string? Journal = null, string? Message = null);
