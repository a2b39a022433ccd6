namespace TradingActors.Actors.Risk;

/// <summary>What a <see cref="HoconNode"/> holds.</summary>
internal enum HoconNodeKind
{
    Null,
    Scalar,
    List,
    Object,
}
