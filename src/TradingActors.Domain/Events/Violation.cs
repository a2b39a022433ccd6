namespace TradingActors.Domain.Events;

/// <summary>One reason an input is rejected: the field it concerns (its snake_case wire name) and what is wrong.</summary>
public sealed record Violation(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
