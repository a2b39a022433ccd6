using Akka.Configuration;
using TradingActors.Actors.Node;

namespace TradingActors.Api;

/// <summary>The API's settings, from <c>trading-actors.api</c> of the node's configuration (hocon/trading-actors.conf).</summary>
public sealed record ApiSettings(
    int MaxBodySize,
    TimeSpan AskTimeout,
    TimeSpan RetryAfter,
    TimeSpan HealthInterval,
    TimeSpan HeartbeatInterval,
    int ClientBuffer,
    int ResumeBuffer,
    TimeSpan DemoInterval)
{
    /// <summary>Whole seconds for a <c>Retry-After</c> header (at least 1).</summary>
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));

    /// <summary>Reads and checks <c>trading-actors.api</c>.</summary>
    /// <exception cref="NodeConfigurationException">a value out of range, naming its key</exception>
    public static ApiSettings From(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        try
        {
            return new ApiSettings(
                Positive(config, "max-body-size"),
                Duration(config, "ask-timeout"),
                Duration(config, "retry-after"),
                Duration(config, "health-interval"),
                Duration(config, "heartbeat-interval"),
                Positive(config, "client-buffer"),
                Positive(config, "resume-buffer"),
                Duration(config, "demo-interval"));
        }
        catch (Exception e) when (e is ConfigurationException or FormatException)
        {
            throw new NodeConfigurationException(e.Message);
        }
    }

    private static int Positive(Config config, string key)
    {
        var value = config.GetInt("trading-actors.api." + key);
        return value >= 1 ? value : throw new NodeConfigurationException($"trading-actors.api.{key}: must be at least 1, got {value}");
    }

    private static TimeSpan Duration(Config config, string key)
    {
        var value = config.GetTimeSpan("trading-actors.api." + key, allowInfinite: false);
        return value > TimeSpan.Zero
            ? value
            : throw new NodeConfigurationException($"trading-actors.api.{key}: must be a positive duration, got {value}");
    }
}
