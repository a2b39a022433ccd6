using System.CommandLine;
using TradingActors.Metrics;

namespace TradingActors.Cli.Commands;

/// <summary>The conventions and output options of the commands that print metrics (<c>report</c>, <c>replay</c>).</summary>
public sealed class MetricOptions
{
    public Option<int> PeriodsPerYear { get; } = new("--periods-per-year")
    {
        Description = "Annualisation factor A (default 365, calendar days; 252 for equities).",
        HelpName = "N",
        DefaultValueFactory = _ => MetricSettings.Defaults.PeriodsPerYear,
    };

    public Option<double> RiskFreeRate { get; } = new("--risk-free-rate")
    {
        Description = "Annual risk-free rate for the Sharpe ratio, a fraction (default 0).",
        HelpName = "R",
    };

    public Option<double> Mar { get; } = new("--mar")
    {
        Description = "Annual minimum acceptable return for the Sortino ratio, a fraction (default 0).",
        HelpName = "R",
    };

    public Option<string> Periods { get; } = new("--period")
    {
        Description = "Period breakdown(s), comma-separated: daily, weekly, monthly, yearly (default monthly).",
        HelpName = "P,…",
        DefaultValueFactory = _ => "monthly",
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print JSON ({\"metrics\": {…}, …} with the keys of docs/metrics.md) instead of tables.",
    };

    /// <summary>Adds the options to a command.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(PeriodsPerYear);
        command.Options.Add(RiskFreeRate);
        command.Options.Add(Mar);
        command.Options.Add(Periods);
        command.Options.Add(Json);
    }

    /// <summary>The settings, or a usage error naming the option.</summary>
    public MetricSettings Settings(ParseResult parsed)
    {
        var periodsPerYear = parsed.GetValue(PeriodsPerYear);
        var riskFree = parsed.GetValue(RiskFreeRate);
        var mar = parsed.GetValue(Mar);
        if (periodsPerYear < 1)
        {
            throw new UsageException($"--periods-per-year: must be at least 1, got {periodsPerYear}");
        }
        if (!double.IsFinite(riskFree))
        {
            throw new UsageException($"--risk-free-rate: must be a finite number, got {riskFree}");
        }
        if (!double.IsFinite(mar))
        {
            throw new UsageException($"--mar: must be a finite number, got {mar}");
        }
        return new MetricSettings(periodsPerYear, riskFree, mar);
    }

    /// <summary>The period breakdowns asked for, in order, or a usage error naming the unknown one.</summary>
    public IReadOnlyList<Period> Breakdown(ParseResult parsed) => Breakdown(parsed, Periods);

    /// <summary>The period breakdowns of <paramref name="option"/> (a command that adds only that option).</summary>
    public static IReadOnlyList<Period> Breakdown(ParseResult parsed, Option<string> option)
    {
        var list = new List<Period>();
        foreach (var name in (parsed.GetValue(option) ?? "").Split(',', StringSplitOptions.TrimEntries))
        {
            if (name.Length == 0)
            {
                continue;
            }
            if (!TradingActors.Metrics.Periods.TryParse(name.ToLowerInvariant(), out var period))
            {
                throw new UsageException($"--period: unknown period '{name}' (daily, weekly, monthly, yearly)");
            }
            list.Add(period);
        }
        return list;
    }
}
