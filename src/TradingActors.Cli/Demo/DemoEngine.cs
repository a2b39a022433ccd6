using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TradingActors.Cli.Demo;

/// <summary>
/// <c>serve --demo</c>: a simulated live engine that trades three strategies against the server's own HTTP API, as any
/// engine would — each closed trade is POSTed, then the balance after it, and the next trade is sized by the exposure
/// the risk manager answers. Within seconds the metrics move, a losing streak cuts a strategy's exposure, and the
/// stream carries both. Trade ids carry the run's start, so a restarted demo adds new trades rather than retrying old ones.
/// </summary>
public sealed class DemoEngine(
    DemoSettings settings, IServer server, IHostApplicationLifetime lifetime, ILogger<DemoEngine> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The engine stops as soon as the node starts stopping, before the API stops answering it.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lifetime.ApplicationStopping);
        await RunAsync(stopping.Token).ConfigureAwait(false);
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        if (!await StartedAsync(stoppingToken).ConfigureAwait(false))
        {
            return;
        }
        var address = server.Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First()
            .Replace("[::]", "localhost", StringComparison.Ordinal);
        using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(10) };
        if (settings.Token is { Length: > 0 } token)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        DemoStrategy[] strategies =
        [
            new("demo-trend", "BTCUSDT", 86_000, winRate: 0.45, win: 180, loss: 90, seed: 1),
            new("demo-mean-rev", "ETHUSDT", 2_150, winRate: 0.62, win: 60, loss: 85, seed: 2),
            new("demo-scalper", "SOLUSDT", 140, winRate: 0.35, win: 40, loss: 35, seed: 3),
        ];
        var exposures = strategies.ToDictionary(s => s.Id, _ => 1.0);
        var run = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        using var timer = new PeriodicTimer(settings.Interval);
        var turn = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                var s = strategies[turn++ % strategies.Length];
                try
                {
                    exposures[s.Id] = await TradeAsync(http, s, exposures[s.Id], run, stoppingToken).ConfigureAwait(false);
                }
                catch (HttpRequestException e) when (!stoppingToken.IsCancellationRequested)
                {
                    log.LogWarning("demo engine: {Strategy}: {Message}", s.Id, e.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // the node stops
        }
    }

    /// <summary>Closes one trade of <paramref name="s"/> sized by <paramref name="exposure"/>; returns the exposure after it.</summary>
    private static async Task<double> TradeAsync(HttpClient http, DemoStrategy s, double exposure, string run, CancellationToken cancel)
    {
        var exit = DateTimeOffset.UtcNow;
        var entry = exit.AddMinutes(-30);
        var quantity = Math.Round(1000 / s.Price * Math.Max(exposure, 0.05), 6);
        var pnl = Math.Round(s.NextPnl() * exposure, 2);
        var isLong = s.NextIsLong();
        var move = pnl / quantity;
        var exitPrice = Math.Round(isLong ? s.Price + move : s.Price - move, 4);
        if (exposure == 0 || exitPrice <= 0)
        {
            // Halted (or a move the price cannot take): a real engine opens nothing; only the balance is reported.
            pnl = 0;
            exitPrice = s.Price;
        }
        var trade = new JsonObject
        {
            ["trade_id"] = $"{s.Id}-{run}-{s.Trades + 1}",
            ["symbol"] = s.Symbol,
            ["side"] = isLong ? "long" : "short",
            ["entry_time"] = entry.ToString("O", CultureInfo.InvariantCulture),
            ["exit_time"] = exit.ToString("O", CultureInfo.InvariantCulture),
            ["entry_price"] = s.Price,
            ["exit_price"] = exitPrice,
            ["quantity"] = Math.Max(quantity, 0.000001),
            ["pnl"] = pnl,
            ["fees"] = 0.5,
            ["slippage"] = 0.2,
            ["risk_reward"] = 2.0,
        };
        (await http.PostAsJsonAsync($"/v1/strategies/{s.Id}/trades", trade, cancel).ConfigureAwait(false)).EnsureSuccessStatusCode();
        s.Closed(pnl, exitPrice);
        var balance = new JsonObject { ["time"] = exit.ToString("O", CultureInfo.InvariantCulture), ["balance"] = Math.Round(s.Balance, 2) };
        (await http.PostAsJsonAsync($"/v1/strategies/{s.Id}/balances", balance, cancel).ConfigureAwait(false)).EnsureSuccessStatusCode();
        var view = await http.GetFromJsonAsync<JsonObject>($"/v1/strategies/{s.Id}/exposure", cancel).ConfigureAwait(false);
        return view?["exposure"]?.GetValue<double>() ?? exposure;
    }

    private async Task<bool> StartedAsync(CancellationToken cancel)
    {
        var started = new TaskCompletionSource();
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStop = cancel.Register(() => started.TrySetCanceled(cancel));
        try
        {
            await started.Task.ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
