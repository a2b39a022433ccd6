using TradingActors.Domain.Events;

namespace TradingActors.Actors.Performance;

/// <summary>A command refused before anything was persisted: every problem, each naming its field.</summary>
public sealed record CommandRejected(IReadOnlyList<Violation> Violations)
{
    public override string ToString() => string.Join("; ", Violations);
}
