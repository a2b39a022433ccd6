using Akka.Configuration;
using TradingActors.Actors.Configuration;
using TradingActors.Actors.Performance;
using TradingActors.Actors.Risk;

namespace TradingActors.Actors.Node;

/// <summary>
/// Everything a node is started with, read and checked once before any actor starts: its configuration
/// (<c>hocon/trading-actors.conf</c> under the <c>--config</c> file), the journal, the fold's conventions, the risk
/// policies, and where it listens.
/// </summary>
public sealed record NodeSettings(
    Config Config,
    JournalSettings Journal,
    PerformanceActorSettings Performance,
    TimeSpan PassivateAfter,
    int Shards,
    RiskPolicies Risk,
    string Host,
    int Port,
    IReadOnlyList<string> SeedNodes)
{
    /// <summary>
    /// Whether the node starts every risk manager the journal knows once it is up (docs/risk.md: a pending cooldown or
    /// UTC midnight lifts a limit only while its risk manager runs). A long-running node does; a one-shot command
    /// (<c>import</c>, <c>replay</c>) does not: it would recover every strategy of the journal to answer about one, and
    /// those recoveries would still be under way when the command stops its node.
    /// </summary>
    public bool WakeRiskManagers { get; init; } = true;

    /// <summary>The embedded defaults' resource name (the text of hocon/trading-actors.conf).</summary>
    public const string DefaultsResourceName = "TradingActors.trading-actors.conf";

    /// <summary>
    /// Reads a node's settings: <paramref name="configFile"/> (or none) over the embedded defaults and the bundled risk
    /// policy; the journal from the configured provider (SQLite under <paramref name="dataDir"/>, or PostgreSQL from
    /// <paramref name="environment"/>).
    /// </summary>
    /// <exception cref="NodeConfigurationException">a missing file, an unknown key, a bad value; the message names it</exception>
    public static NodeSettings Load(
        string? configFile,
        string dataDir,
        Func<string, string?> environment,
        string host = "127.0.0.1",
        int port = 0,
        IReadOnlyList<string>? seedNodes = null)
    {
        var config = NodeConfig.Load(configFile);
        try
        {
            var provider = config.GetString("trading-actors.journal.provider");
            var journal = provider switch
            {
                "sqlite" => JournalSettings.Sqlite(dataDir),
                "postgresql" => JournalSettings.PostgreSql(environment),
                _ => throw new NodeConfigurationException(
                    $"trading-actors.journal.provider: must be sqlite or postgresql, got '{provider}'"),
            };
            var performance = new PerformanceActorSettings(
                MetricSettingsConfig.Read(config),
                Positive(config, "trading-actors.performance.snapshot-every"),
                Positive(config, "trading-actors.performance.max-events-per-write"));
            return new NodeSettings(
                config,
                journal,
                performance,
                config.GetTimeSpan("trading-actors.performance.passivate-after", allowInfinite: false),
                Positive(config, "trading-actors.sharding.shards"),
                RiskPolicyReader.Load(config),
                host,
                port,
                seedNodes ?? []);
        }
        catch (Exception e) when (e is ConfigurationException or FormatException or Domain.Risk.RiskPolicyException)
        {
            throw new NodeConfigurationException(e.Message);
        }
    }

    private static int Positive(Config config, string path)
    {
        var value = config.GetInt(path);
        return value >= 1 ? value : throw new NodeConfigurationException($"{path}: must be at least 1, got {value}");
    }
}
