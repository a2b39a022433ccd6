namespace TradingActors.Api.Bodies;

/// <summary>The JSON type a body's field must have.</summary>
internal enum FieldType : byte
{
    Text,
    Number,
    Time,
}
