namespace TradingActors.Cli.Demo;

/// <summary>The demo engine's pace and the token it sends when the server wants one.</summary>
public sealed record DemoSettings(TimeSpan Interval, string? Token = null);
