using Akka.Configuration;
using TradingActors.Actors.Risk;

namespace TradingActors.Actors.Node;

/// <summary>
/// A node's HOCON: the <c>--config</c> file over the embedded <c>hocon/trading-actors.conf</c> and the bundled risk
/// policy, with every <c>trading-actors</c> key checked against the known ones (a misspelt key would otherwise leave a
/// default silently in force).
/// </summary>
public static class NodeConfig
{
    private static readonly Dictionary<string, string[]> KnownKeys = new()
    {
        ["trading-actors"] = ["journal", "metrics", "performance", "sharding", "risk", "api"],
        ["trading-actors.journal"] = ["provider"],
        ["trading-actors.metrics"] = ["periods-per-year", "risk-free-rate", "minimum-acceptable-return"],
        ["trading-actors.performance"] = ["snapshot-every", "max-events-per-write", "passivate-after"],
        ["trading-actors.sharding"] = ["shards"],
        ["trading-actors.api"] =
        [
            "max-body-size", "ask-timeout", "retry-after", "health-interval", "heartbeat-interval", "client-buffer",
            "resume-buffer", "demo-interval",
        ],
    };

    /// <summary>The embedded defaults alone.</summary>
    public static Config Defaults() => ConfigurationFactory.ParseString(DefaultsHocon());

    /// <summary>The text of the embedded hocon/trading-actors.conf.</summary>
    public static string DefaultsHocon()
    {
        using var stream = typeof(NodeConfig).Assembly.GetManifestResourceStream(NodeSettings.DefaultsResourceName)
            ?? throw new InvalidOperationException($"missing resource {NodeSettings.DefaultsResourceName}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The node's configuration, checked.</summary>
    /// <exception cref="NodeConfigurationException">a missing or unreadable file, or an unknown key</exception>
    public static Config Load(string? configFile)
    {
        var config = Defaults().WithFallback(RiskPolicyReader.BundledConfig());
        if (configFile is not null)
        {
            if (!File.Exists(configFile))
            {
                throw new NodeConfigurationException($"--config: no such file: {configFile}");
            }
            Config file;
            try
            {
                file = ConfigurationFactory.ParseString(File.ReadAllText(configFile));
            }
            catch (Exception e) when (e is ConfigurationException or FormatException)
            {
                throw new NodeConfigurationException($"--config: {configFile}: {e.Message}");
            }
            CheckKeys(file);
            config = file.WithFallback(config);
        }
        return config;
    }

    private static void CheckKeys(Config file)
    {
        var problems = new List<string>();
        foreach (var (path, known) in KnownKeys)
        {
            if (!file.HasPath(path))
            {
                continue;
            }
            foreach (var key in file.GetConfig(path).Root.GetObject().Items.Keys)
            {
                if (!known.Contains(key))
                {
                    problems.Add($"{path}.{key}: unknown key (known: {string.Join(", ", known)})");
                }
            }
        }
        if (problems.Count > 0)
        {
            throw new NodeConfigurationException(string.Join("; ", problems));
        }
    }
}
