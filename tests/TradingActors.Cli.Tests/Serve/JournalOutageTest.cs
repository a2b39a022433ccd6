using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TradingActors.Actors.Node;
using TradingActors.Api;
using TradingActors.Api.Security;
using TradingActors.Cli.Hosting;
using TradingActors.Testing;

namespace TradingActors.Cli.Tests.Serve;

/// <summary>
/// The PostgreSQL journal stopped under load and started again: writes answer 503 with Retry-After and nothing
/// half-done, <c>/health/ready</c> turns 503, a strategy that is in memory and was not written meanwhile still answers
/// its reads, and once the database is back everything works again by itself — with every trade acknowledged before,
/// during or after the outage in the journal.
/// </summary>
public sealed class JournalOutageTest : IAsyncLifetime, IDisposable
{
    private PostgresServer _postgres = null!;
    private ServeHost _server = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        // Durable: fsync and synchronous_commit on, so a commit PostgreSQL acknowledged survives its stop (the outage).
        _postgres = await PostgresServer.StartNewAsync(new PostgresServerOptions { Durable = true });
        var database = await _postgres.CreateDatabaseAsync("outage");
        var node = NodeSettings.Load(Path.Combine(Repository.Root, "hocon", "postgres.conf"), Path.GetTempPath(),
            name => name == "TRADING_ACTORS_DB_URL" ? database : null);
        _server = await ServeHost.StartAsync(new ServeOptions(node, ApiSettings.From(node.Config), new BearerToken(null), "127.0.0.1", 0));
        _http = new HttpClient { BaseAddress = _server.Address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public void Dispose() => _http?.Dispose();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
        await _postgres.DisposeAsync();
    }

    [Fact]
    public async Task Writes_get_503_while_the_database_is_down_and_work_again_when_it_returns_with_nothing_acknowledged_lost()
    {
        Assert.Equal(HttpStatusCode.Created, (await PostAsync("quiet", "q-1", 0)).StatusCode);
        var acknowledged = new ConcurrentBag<(string Strategy, string TradeId)>();
        var unavailable = new ConcurrentBag<HttpResponseMessage>();
        var other = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            var strategy = $"busy-{w % 2}";
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var tradeId = $"w{w}-{n}";
                var answer = await PostAsync(strategy, tradeId, n);
                switch (answer.StatusCode)
                {
                    case HttpStatusCode.Created:
                        acknowledged.Add((strategy, tradeId));
                        break;
                    case HttpStatusCode.ServiceUnavailable:
                        unavailable.Add(answer);
                        await Task.Delay(20);
                        break;
                    default:
                        other.Add($"{(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
                        break;
                }
            }
        })).ToArray();
        await WaitUntilAsync(() => acknowledged.Count >= 50);

        await _postgres.StopAsync();
        await WaitUntilAsync(() => unavailable.Count >= 10);
        var ready = await _http.GetAsync(new Uri("health/ready", UriKind.Relative));
        var readyBody = await ready.Content.ReadFromJsonAsync<JsonObject>();
        var quietMetrics = await _http.GetAsync(new Uri("v1/strategies/quiet/metrics", UriKind.Relative));
        var acknowledgedDuringOutage = acknowledged.Count;

        await _postgres.StartAsync();
        await WaitUntilAsync(() => acknowledged.Count >= acknowledgedDuringOutage + 50, TimeSpan.FromSeconds(60));
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        Assert.Empty(other);
        var refusal = unavailable.First();
        Assert.True(refusal.Headers.RetryAfter is not null, "a 503 carries Retry-After");
        Assert.Equal("unavailable", (await refusal.Content.ReadFromJsonAsync<JsonObject>())!["error"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("down", readyBody!["journal"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, quietMetrics.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync(new Uri("health/ready", UriKind.Relative))).StatusCode);
        foreach (var (strategy, tradeId) in acknowledged)
        {
            var again = await PostAsync(strategy, tradeId, 0);
            var body = await again.Content.ReadFromJsonAsync<JsonObject>();
            Assert.True(again.StatusCode == HttpStatusCode.OK && body!["duplicates"]!.GetValue<int>() == 1,
                $"{strategy}/{tradeId} was acknowledged but is not in the journal: {(int)again.StatusCode} {body}");
        }
    }

    private Task<HttpResponseMessage> PostAsync(string strategy, string tradeId, int n) =>
        _http.PostAsync(new Uri($"v1/strategies/{strategy}/trades", UriKind.Relative), Trades.One(tradeId, n));

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold in time");
            await Task.Delay(20);
        }
    }
}
