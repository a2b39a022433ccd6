using System.Text.Json;
using TradingActors.Actors.Risk;
using TradingActors.Domain.Backtest;
using TradingActors.Metrics;

namespace TradingActors.Cli.Tests;

/// <summary>
/// <c>report</c> in process: output shapes, options and exit codes. Ported from the JVM build's
/// <c>ReportCommandTest</c> (src/app/src/test/java/io/tradingactors/app/cli).
/// </summary>
public sealed class ReportCommandTest
{
    private static readonly string SampleTrades = Repository.Examples("sample-trades.csv");
    private static readonly string SampleBalances = Repository.Examples("sample-balances.csv");

    private sealed record Run(int Exit, string Out, string Err);

    private static Run Cli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = TradingActorsCommand.Run(args, stdout, stderr);
        return new Run(exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Json_report_of_the_sample_equals_the_fold_of_the_same_events()
    {
        var r = Cli("report", "--trades", SampleTrades, "--balances", SampleBalances, "--json");
        Assert.True(r.Exit == 0, r.Err);
        using var json = JsonDocument.Parse(r.Out);
        var metrics = json.RootElement.GetProperty("metrics");
        var input = BacktestInput.Load(SampleTrades, SampleBalances, null, null);
        var builder = new ReportBuilder(null, MetricSettings.Defaults, RiskPolicyReader.Bundled().For(null));
        foreach (var e in input.Events)
        {
            builder.Add(e);
        }
        var expected = builder.State.Metrics();
        Assert.Equal(250, metrics.GetProperty("total_trades").GetInt64());
        Assert.Equal(expected.Balances.SharpeRatio, metrics.GetProperty("sharpe_ratio").GetDouble());
        Assert.Equal(expected.Balances.MaxDrawdown, metrics.GetProperty("max_drawdown").GetDouble());
        Assert.Equal(expected.Trades.NetPnl, metrics.GetProperty("net_pnl").GetDouble());
        Assert.Equal(PerformanceMetrics.Names, metrics.EnumerateObject().Select(p => p.Name));
        Assert.Equal(39, PerformanceMetrics.Names.Count);
        Assert.NotEqual(0, json.RootElement.GetProperty("periods").GetProperty("monthly").GetArrayLength());
    }

    [Fact]
    public void Json_report_shows_when_the_live_risk_rules_would_have_cut_exposure()
    {
        var r = Cli("report", "--trades", SampleTrades, "--balances", SampleBalances, "--json");
        Assert.True(r.Exit == 0, r.Err);
        using var json = JsonDocument.Parse(r.Out);
        var events = json.RootElement.GetProperty("risk_events");
        Assert.NotEqual(0, events.GetArrayLength());
        var first = events[0];
        Assert.Contains(first.GetProperty("type").GetString(), new[] { "exposure_changed", "limit_changed" });
        Assert.True(first.GetProperty("figures").TryGetProperty("consecutive_losses", out _));
        Assert.True(first.GetProperty("limits").TryGetProperty("last_cut_at", out _));
        Assert.InRange(json.RootElement.GetProperty("exposure").GetDouble(), 0.0, 1.0);
    }

    [Fact]
    public void A_risk_policy_file_changes_the_decisions_and_a_bad_one_exits_2_naming_the_key()
    {
        var dir = Directory.CreateTempSubdirectory("report-policy-").FullName;
        try
        {
            var strict = Path.Combine(dir, "strict.conf");
            File.WriteAllText(strict,
                "trading-actors.risk.default.consecutive-losses.ladder = [ {at = 2, exposure = 0.5}, {at = 4, exposure = 0} ]\n");
            var bad = Path.Combine(dir, "bad.conf");
            File.WriteAllText(bad, "trading-actors.risk.default.drawdown.hysteresys = 0.01\n");

            int Count(Run run)
            {
                Assert.True(run.Exit == 0, run.Err);
                using var json = JsonDocument.Parse(run.Out);
                return json.RootElement.GetProperty("risk_events").GetArrayLength();
            }

            var defaultCount = Count(Cli("report", "--trades", SampleTrades, "--balances", SampleBalances, "--json"));
            var strictCount = Count(Cli(
                "report", "--trades", SampleTrades, "--balances", SampleBalances, "--risk-policy", strict, "--json"));
            Assert.True(strictCount > defaultCount, $"{strictCount} decisions under the strict policy, {defaultCount} by default");

            var badRun = Cli("report", "--trades", SampleTrades, "--risk-policy", bad, "--json");
            Assert.Equal(ExitCodes.BadInput, badRun.Exit);
            Assert.Contains("trading-actors.risk.default.drawdown.hysteresys: unknown key", badRun.Err, StringComparison.Ordinal);
            Assert.Equal("", badRun.Out);

            var missing = Cli("report", "--trades", SampleTrades, "--risk-policy", "no-such.conf", "--json");
            Assert.Equal(ExitCodes.BadInput, missing.Exit);
            Assert.Contains("no-such.conf", missing.Err, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Text_report_names_the_metrics_in_tables()
    {
        var r = Cli("report", "--trades", SampleTrades, "--balances", SampleBalances);
        Assert.True(r.Exit == 0, r.Err);
        foreach (var text in new[] { "sharpe_ratio", "max_drawdown", "win_rate", "Monthly", "Exposure after the last event:", "Last 7 days" })
        {
            Assert.Contains(text, r.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Without_balances_the_initial_balance_derives_them()
    {
        var r = Cli("report", "--trades", SampleTrades, "--initial-balance", "10000", "--json");
        Assert.True(r.Exit == 0, r.Err);
        using var json = JsonDocument.Parse(r.Out);
        var m = json.RootElement.GetProperty("metrics");
        Assert.Equal(10_000.0, m.GetProperty("initial_balance").GetDouble());
        Assert.Equal(10_000.0 + m.GetProperty("net_pnl").GetDouble(), m.GetProperty("current_balance").GetDouble(), 1e-6);
    }

    [Fact]
    public void Without_any_balance_the_balance_metrics_are_null()
    {
        var r = Cli("report", "--trades", SampleTrades, "--json");
        Assert.True(r.Exit == 0, r.Err);
        using var json = JsonDocument.Parse(r.Out);
        var m = json.RootElement.GetProperty("metrics");
        Assert.Equal(JsonValueKind.Null, m.GetProperty("sharpe_ratio").ValueKind);
        Assert.Equal(JsonValueKind.Null, m.GetProperty("initial_balance").ValueKind);
        Assert.Equal(250, m.GetProperty("total_trades").GetInt64());
    }

    [Fact]
    public void A_bad_row_exits_2_naming_file_line_and_field_and_prints_no_report()
    {
        var dir = Directory.CreateTempSubdirectory("report-bad-").FullName;
        try
        {
            var trades = Path.Combine(dir, "bad.csv");
            File.WriteAllLines(trades,
            [
                "trade_id,symbol,side,entry_time,exit_time,entry_price,exit_price,quantity,pnl,fees,slippage",
                "t1,BTC,long,2025-01-01T00:00:00Z,2025-01-01T01:00:00Z,100,101,1,10,0.1,0",
                "t2,BTC,long,2025-01-01T00:00:00Z,2025-01-01T01:00:00Z,100,101,1,Infinity,0.1,0",
            ]);
            var r = Cli("report", "--trades", trades, "--json");
            Assert.Equal(ExitCodes.BadInput, r.Exit);
            Assert.Contains("bad.csv:3", r.Err, StringComparison.Ordinal);
            Assert.Contains("pnl", r.Err, StringComparison.Ordinal);
            Assert.Equal("", r.Out);

            var balances = Path.Combine(dir, "balances.csv");
            File.WriteAllLines(balances, ["time,balance", "2025-01-01T00:00:00Z,1000", "2025-01-01T01:00:00Z,-5"]);
            var negative = Cli("report", "--trades", SampleTrades, "--balances", balances, "--json");
            Assert.Equal(ExitCodes.BadInput, negative.Exit);
            Assert.Contains("balances.csv:3", negative.Err, StringComparison.Ordinal);
            Assert.Contains("balance", negative.Err, StringComparison.Ordinal);
            Assert.Equal("", negative.Out);

            // Folded as read: the bad last row is met after every other event has been folded.
            var lastBad = Path.Combine(dir, "last-bad.csv");
            File.WriteAllLines(lastBad, [.. File.ReadLines(SampleTrades), "T-BAD,BTCUSDT,long,2026-01-01T00:00:00Z,x,1,1,1,1,1,1,"]);
            var late = Cli("report", "--trades", lastBad, "--balances", SampleBalances, "--json");
            Assert.Equal(ExitCodes.BadInput, late.Exit);
            Assert.Contains("last-bad.csv:252: exit_time", late.Err, StringComparison.Ordinal);
            Assert.Equal("", late.Out);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("report")]
    [InlineData("report", "--trades", "SAMPLE", "--periods-per-year", "0")]
    [InlineData("report", "--trades", "SAMPLE", "--periods-per-year", "many")]
    [InlineData("report", "--trades", "SAMPLE", "--period", "fortnightly")]
    [InlineData("report", "--trades", "SAMPLE", "--risk-free-rate", "NaN")]
    [InlineData("report", "--trades", "SAMPLE", "--unknown-option")]
    [InlineData("reprot", "--trades", "SAMPLE")]
    public void Bad_usage_exits_2_with_a_message(params string[] args)
    {
        var r = Cli(args.Select(a => a == "SAMPLE" ? SampleTrades : a).ToArray());
        Assert.Equal(ExitCodes.BadInput, r.Exit);
        Assert.StartsWith("error: ", r.Err, StringComparison.Ordinal);
        Assert.Equal("", r.Out);
    }

    [Fact]
    public void Balances_and_an_initial_balance_together_exit_2()
    {
        var r = Cli("report", "--trades", SampleTrades, "--balances", SampleBalances, "--initial-balance", "1000");
        Assert.Equal(ExitCodes.BadInput, r.Exit);
        Assert.Contains("initial_balance", r.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_exits_2_naming_it()
    {
        var r = Cli("report", "--trades", "nope.csv");
        Assert.Equal(ExitCodes.BadInput, r.Exit);
        Assert.Contains("nope.csv", r.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("report", "--help")]
    public void Help_is_on_every_command(params string[] args)
    {
        var r = Cli(args);
        Assert.Equal(ExitCodes.Ok, r.Exit);
        Assert.Contains("Usage:", r.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_help_lists_every_option_of_the_design()
    {
        var r = Cli("report", "--help");
        foreach (var option in new[]
        {
            "--trades", "--balances", "--initial-balance", "--periods-per-year", "--risk-free-rate", "--mar",
            "--period", "--strategy", "--risk-policy", "--json",
        })
        {
            Assert.Contains(option, r.Out, StringComparison.Ordinal);
        }
    }
}
