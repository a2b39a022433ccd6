using System.Text.Json.Serialization;
using TradingActors.Api.Errors;

namespace TradingActors.Api.Replies;

/// <summary>Source-generated JSON of the API's record replies (snake_case keys; an absent value is left out).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(RecordedReply))]
[JsonSerializable(typeof(HealthReply))]
[JsonSerializable(typeof(ReasonRequest))]
[JsonSerializable(typeof(TradeRequest))]
[JsonSerializable(typeof(BalanceRequest))]
public sealed partial class ApiJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The context the API writes with: as <see cref="Default"/>, but text is escaped only where JSON requires it
    /// (<c>-&gt;</c>, quotes and non-ASCII stay readable, as the JVM build wrote them).
    /// </summary>
    public static ApiJsonContext Api { get; } = new(new System.Text.Json.JsonSerializerOptions
    {
        PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JsonReply.Encoder,
    });
}
