using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TradingActors.Testing;

namespace TradingActors.Cli.Tests.Serve;

/// <summary>
/// The built <c>serve</c> program as operators run it: ready, drained and exiting 0 on SIGTERM; killed with SIGKILL in
/// the middle of an ingest, it loses no acknowledged trade; <c>--demo</c> moves metrics and cuts an exposure.
/// </summary>
public sealed class ServeProcessTests : IDisposable
{
    private readonly SqliteFiles _files = new("trading-actors-serve");

    public void Dispose() => _files.Dispose();

    [Fact]
    public async Task Serve_answers_ready_records_a_trade_and_exits_0_on_sigterm()
    {
        using var server = await ServeProcess.StartAsync("--data-dir", _files.PathFor("data"));

        var ready = await server.GetJsonAsync("health/ready");
        var posted = await server.Http.PostAsync(new Uri("v1/strategies/s1/trades", UriKind.Relative), Trades.One("t-1", 0));
        var gauge = "";
        for (var deadline = DateTime.UtcNow.AddSeconds(30); DateTime.UtcNow < deadline && gauge != "1"; await Task.Delay(100))
        {
            var metrics = await server.Http.GetStringAsync(new Uri("metrics", UriKind.Relative));
            gauge = metrics.Split('\n').FirstOrDefault(l => l.StartsWith("trading_actors_active_strategies ", StringComparison.Ordinal))
                ?.Split(' ')[1] ?? "";
        }
        var exit = await server.TerminateAsync();

        Assert.Equal("ready", ready["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        Assert.Equal("1", gauge); // the strategy's entity, in memory on this node
        Assert.True(exit == 0, $"exit {exit}; {await server.OutputAsync()}");
    }

    [Fact]
    public async Task A_kill_9_during_ingest_loses_no_acknowledged_trade()
    {
        var dataDir = _files.PathFor("data");
        var acknowledged = new ConcurrentBag<(string Strategy, string TradeId)>();
        using (var server = await ServeProcess.StartAsync("--data-dir", dataDir))
        {
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                var strategy = $"crash-{w % 2}";
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    var tradeId = $"w{w}-{n}";
                    try
                    {
                        var answer = await server.Http.PostAsync(
                            new Uri($"v1/strategies/{strategy}/trades", UriKind.Relative), Trades.One(tradeId, n));
                        if (answer.StatusCode == HttpStatusCode.Created)
                        {
                            acknowledged.Add((strategy, tradeId));
                        }
                    }
                    catch (HttpRequestException)
                    {
                        return; // the server is gone
                    }
                }
            })).ToArray();
            while (acknowledged.Count < 200)
            {
                await Task.Delay(20);
            }
            await server.KillAsync();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        using var restarted = await ServeProcess.StartAsync("--data-dir", dataDir);
        foreach (var group in acknowledged.GroupBy(a => a.Strategy))
        {
            var metrics = await restarted.GetJsonAsync($"v1/strategies/{group.Key}/metrics");
            Assert.True(metrics["metrics"]!["total_trades"]!.GetValue<long>() >= group.Count());
        }
        // Each acknowledged trade is in the journal: sent again, it is a duplicate.
        foreach (var (strategy, tradeId) in acknowledged)
        {
            var again = await restarted.Http.PostAsync(
                new Uri($"v1/strategies/{strategy}/trades", UriKind.Relative), Trades.One(tradeId, 0));
            var body = await again.Content.ReadFromJsonAsync<JsonObject>();
            Assert.True(again.StatusCode == HttpStatusCode.OK && body!["duplicates"]!.GetValue<int>() == 1,
                $"{strategy}/{tradeId} was acknowledged before the kill but is not in the journal: {body}");
        }
    }

    [Fact]
    public async Task The_demo_engine_moves_metrics_and_a_losing_streak_cuts_an_exposure()
    {
        var config = _files.PathFor("fast-demo.conf");
        await File.WriteAllTextAsync(config, "trading-actors.api.demo-interval = 10ms\n");
        using var server = await ServeProcess.StartAsync("--data-dir", _files.PathFor("data"), "--config", config, "--demo");

        JsonArray strategies = [];
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            strategies = (await server.Http.GetFromJsonAsync<JsonArray>(new Uri("v1/strategies", UriKind.Relative)))!;
            if (strategies.Count == 3 && strategies.Any(s => s!["exposure"]!.GetValue<double>() < 1))
            {
                break;
            }
            await Task.Delay(200);
        }

        Assert.Equal(["demo-mean-rev", "demo-scalper", "demo-trend"], strategies.Select(s => s!["strategy_id"]!.GetValue<string>()));
        Assert.All(strategies, s => Assert.True(s!["total_trades"]!.GetValue<long>() > 0));
        Assert.Contains(strategies, s => s!["exposure"]!.GetValue<double>() < 1 && s["rule"] is not null);
        Assert.Equal(0, await server.TerminateAsync());
    }
}
