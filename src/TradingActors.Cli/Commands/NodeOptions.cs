using System.CommandLine;
using TradingActors.Actors.Node;

namespace TradingActors.Cli.Commands;

/// <summary>The options of the commands that open the journal: where it is, and the progress bar.</summary>
public sealed class NodeOptions
{
    public Option<string> DataDir { get; } = new("--data-dir")
    {
        Description = "Folder of the embedded SQLite journal (trading-actors.db); default ./data.",
        HelpName = "DIR",
        DefaultValueFactory = _ => "data",
    };

    public Option<string?> Config { get; } = new("--config")
    {
        Description = "A HOCON file read over hocon/trading-actors.conf (hocon/postgres.conf: PostgreSQL from " +
            "TRADING_ACTORS_DB_URL).",
        HelpName = "FILE",
    };

    public Option<bool> NoProgress { get; } = new("--no-progress")
    {
        Description = "Do not draw the progress bar on stderr.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(DataDir);
        command.Options.Add(Config);
        command.Options.Add(NoProgress);
    }

    /// <summary>The node's settings; a bad configuration is a usage error (exit 2) naming the key.</summary>
    public NodeSettings Settings(ParseResult parsed)
    {
        try
        {
            return NodeSettings.Load(parsed.GetValue(Config), parsed.GetValue(DataDir)!, Environment.GetEnvironmentVariable);
        }
        catch (NodeConfigurationException e)
        {
            throw new UsageException(e.Message);
        }
    }
}
