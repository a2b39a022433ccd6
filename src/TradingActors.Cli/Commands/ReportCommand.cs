using System.CommandLine;
using TradingActors.Actors.Risk;
using TradingActors.Cli.Rendering;
using TradingActors.Domain.Backtest;

namespace TradingActors.Cli.Commands;

/// <summary>
/// <c>report</c>: the backtest path — a trades file (and balances) folded by the same fold as the live actor, with the
/// risk decisions the live rules would have taken; no actors, no database.
/// </summary>
public static class ReportCommand
{
    public static Command Create(TextWriter stdout)
    {
        var files = new BacktestFileOptions();
        var strategy = new Option<string?>("--strategy")
        {
            Description = "The strategy to report when the trades file holds several (strategy_id column).",
            HelpName = "ID",
        };
        var riskPolicy = new Option<string?>("--risk-policy")
        {
            Description = "A HOCON file with a trading-actors.risk block (the format of hocon/risk-policy.conf), merged " +
                "over the bundled policy; default: the bundled policy (docs/risk.md).",
            HelpName = "FILE",
        };
        var output = new MetricOptions();
        var command = new Command(
            "report", "Print the metrics of a backtest's trades (and balances) without actors or a database.")
        {
            strategy, riskPolicy,
        };
        files.AddTo(command);
        output.AddTo(command);
        command.SetAction(parsed =>
        {
            var settings = output.Settings(parsed);
            var breakdown = output.Breakdown(parsed);
            var policyFile = parsed.GetValue(riskPolicy);
            var policies = policyFile is null ? RiskPolicyReader.Bundled() : RiskPolicyReader.ReadFile(policyFile);
            // Nothing is printed before the whole fold: a bad row anywhere exits 2 with an empty stdout.
            var builder = BacktestFold.Run(
                parsed.GetValue(files.Trades)!, parsed.GetValue(files.Balances), parsed.GetValue(files.InitialBalance),
                parsed.GetValue(strategy), id => new ReportBuilder(id, settings, policies.For(id)));
            var report = builder.Build(breakdown);
            if (parsed.GetValue(output.Json))
            {
                JsonOutput.Write(stdout, writer => ReportJson.Write(writer, report));
            }
            else
            {
                ReportTables.Write(stdout, report);
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
