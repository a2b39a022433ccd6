using Akka.Configuration;
using TradingActors.Metrics;

namespace TradingActors.Actors.Configuration;

/// <summary>
/// The metric conventions of a node, from the HOCON block <c>trading-actors.metrics</c>:
/// <c>periods-per-year</c> (the annualisation factor A, default 365), <c>risk-free-rate</c> and
/// <c>minimum-acceptable-return</c> (annual fractions, default 0). A missing block or key takes its default.
/// </summary>
public static class MetricSettingsConfig
{
    /// <summary>The HOCON path of the block.</summary>
    public const string Path = "trading-actors.metrics";

    /// <summary>The settings <paramref name="config"/> gives; <see cref="MetricSettings.Defaults"/> for what it does
    /// not set (also for a null or empty config).</summary>
    /// <exception cref="ConfigurationException">A value is not a number, or not a valid setting (A below 1, a
    /// non-finite rate); the message names the key.</exception>
    public static MetricSettings Read(Config? config)
    {
        if (config is null || config.IsEmpty || !config.HasPath(Path))
        {
            return MetricSettings.Defaults;
        }
        var block = config.GetConfig(Path);
        var defaults = MetricSettings.Defaults;
        try
        {
            return new MetricSettings(
                block.GetInt("periods-per-year", defaults.PeriodsPerYear),
                block.GetDouble("risk-free-rate", defaults.RiskFreeRate),
                block.GetDouble("minimum-acceptable-return", defaults.MinimumAcceptableReturn));
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            throw new ConfigurationException($"{Path}: {e.Message}", e);
        }
    }
}
