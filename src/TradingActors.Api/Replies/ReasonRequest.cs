namespace TradingActors.Api.Replies;

/// <summary>The body of a halt or a resume, for the OpenAPI document (the body reader is strict and hand-written).</summary>
public sealed record ReasonRequest(string Reason);
