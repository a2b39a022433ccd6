namespace TradingActors.Api.Bodies;

/// <summary>What a field of a request body holds.</summary>
internal enum FieldKind : byte
{
    String,
    Number,
    True,
    False,
    Null,
    Object,
    Array,
}
