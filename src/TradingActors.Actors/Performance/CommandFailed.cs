namespace TradingActors.Actors.Performance;

/// <summary>
/// A write that could not be made durable (the journal refused or failed it). Nothing of the command is recorded; the
/// caller may retry it — retries of the same trade ids are safe.
/// </summary>
public sealed record CommandFailed(string Reason);
