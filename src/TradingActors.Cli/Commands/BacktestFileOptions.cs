using System.CommandLine;
using TradingActors.Domain.Backtest;

namespace TradingActors.Cli.Commands;

/// <summary>The files of a backtest (DESIGN §2), shared by <c>report</c> and <c>import</c>.</summary>
public sealed class BacktestFileOptions
{
    public Option<string> Trades { get; } = new("--trades")
    {
        Description = "Trades: CSV with a header row, or JSON Lines (DESIGN §2, docs/input-files.md).",
        HelpName = "FILE",
        Required = true,
    };

    public Option<string?> Balances { get; } = new("--balances")
    {
        Description = "Balances: CSV time,balance or JSON Lines. Without it, balances are derived from " +
            "--initial-balance plus cumulative pnl (or there are none).",
        HelpName = "FILE",
    };

    public Option<double?> InitialBalance { get; } = new("--initial-balance")
    {
        Description = "Starting balance when no balances file is given.",
        HelpName = "X",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Trades);
        command.Options.Add(Balances);
        command.Options.Add(InitialBalance);
    }

    /// <summary>The backtest's events in time order; a bad row throws naming file, line and field (exit 2).</summary>
    public BacktestInput Load(ParseResult parsed, string? strategy) => BacktestInput.Load(
        parsed.GetValue(Trades)!, parsed.GetValue(Balances), parsed.GetValue(InitialBalance), strategy);
}
