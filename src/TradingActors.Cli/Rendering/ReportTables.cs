using System.Globalization;
using Spectre.Console;
using TradingActors.Domain.Backtest;
using TradingActors.Domain.Events;
using TradingActors.Domain.Risk;
using TradingActors.Metrics;

namespace TradingActors.Cli.Rendering;

/// <summary>
/// The human-readable form of a <see cref="Report"/>: Spectre.Console tables with the same names as the JSON, the
/// fractions shown as percentages.
/// </summary>
public static class ReportTables
{
    /// <summary>Metrics that are fractions in JSON and read better as percentages on a terminal.</summary>
    private static readonly HashSet<string> Fractions =
    [
        "win_rate", "total_return", "cagr", "annual_volatility", "var_95", "cvar_95", "max_drawdown",
        "current_drawdown",
    ];

    public static void Write(TextWriter stdout, Report r)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = stdout == Console.Out && !Console.IsOutputRedirected ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = ColorSystemSupport.Detect,
        });
        console.MarkupLine($"[bold]Strategy:[/] {Markup.Escape(r.StrategyId ?? "(unnamed)")}");
        console.WriteLine(
            $"Events:   {r.Trades} trades, {r.Balances} balance observations, as of " +
            (r.AsOf is { } asOf ? Instants.Format(asOf) : "-"));
        console.WriteLine(
            $"Settings: A={r.Settings.PeriodsPerYear}, risk-free {Num(r.Settings.RiskFreeRate)}, " +
            $"MAR {Num(r.Settings.MinimumAcceptableReturn)}");

        var metrics = new Table().Border(TableBorder.Rounded).AddColumn("Metric").AddColumn(new TableColumn("Value").RightAligned());
        foreach (var m in r.Metrics.Values())
        {
            metrics.AddRow(m.Name, Format(m));
        }
        console.Write(metrics);

        var windows = new Table().Border(TableBorder.Rounded)
            .AddColumn("Window").AddColumn("Trades").AddColumn("Win rate").AddColumn("Profit factor")
            .AddColumn("Avg R:R").AddColumn("Net pnl").AddColumn("Sharpe");
        AddWindow(windows, "Last 7 days", r.Rolling7d);
        AddWindow(windows, "Last 30 days", r.Rolling30d);
        console.Write(windows);

        foreach (var (name, rows) in r.Periods)
        {
            var table = new Table().Border(TableBorder.Rounded).Title(CultureInfo.InvariantCulture.TextInfo.ToTitleCase(name))
                .AddColumn("Start").AddColumn("Return").AddColumn("Trades").AddColumn("Win rate").AddColumn("Net pnl")
                .AddColumn("Profit factor");
            foreach (var p in rows)
            {
                table.AddRow(
                    p.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Pct(p.PeriodReturn),
                    p.Trades.ToString(CultureInfo.InvariantCulture), Pct(p.WinRate), Money(p.NetPnl), Num(p.ProfitFactor));
            }
            console.Write(table);
        }

        console.WriteLine(
            $"Exposure after the last event: {Num(r.Exposure)} ({r.RiskEvents.Count} risk decision" +
            (r.RiskEvents.Count == 1 ? ")" : "s)"));
        if (r.RiskEvents.Count > 0)
        {
            var risk = new Table().Border(TableBorder.Rounded).AddColumn("At").AddColumn("Move").AddColumn("Reason");
            foreach (var e in r.RiskEvents)
            {
                var move = e is ExposureChanged x ? $"exposure {Num(x.From)} -> {Num(x.To)}" : "limit only";
                risk.AddRow(Markup.Escape(Instants.Format(e.At)), move, Markup.Escape(e.Reason));
            }
            console.Write(risk);
        }
    }

    private static void AddWindow(Table table, string name, WindowStatistics w) => table.AddRow(
        name, w.Trades.ToString(CultureInfo.InvariantCulture), Pct(w.WinRate), Num(w.ProfitFactor), Num(w.AvgRr),
        Money(w.NetPnl), Num(w.Sharpe));

    private static string Format(MetricValue m) => m switch
    {
        { Value: null } => "n/a",
        { IsCount: true } => ((long)m.Value.Value).ToString(CultureInfo.InvariantCulture),
        _ when Fractions.Contains(m.Name) => Pct(m.Value),
        _ => Num(m.Value),
    };

    private static string Pct(double? v) =>
        v is { } x ? (x * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%" : "n/a";

    private static string Num(double? v) => v is { } x ? x.ToString("0.####", CultureInfo.InvariantCulture) : "n/a";

    private static string Money(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);
}
