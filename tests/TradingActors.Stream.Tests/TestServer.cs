using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using TradingActors.Actors.Node;
using TradingActors.Api;
using TradingActors.Api.Security;
using TradingActors.Cli.Hosting;
using TradingActors.Testing;

namespace TradingActors.Stream.Tests;

/// <summary>
/// A real server (<see cref="ServeHost"/>: the Akka node and the HTTP API on Kestrel, port 0) on a temporary SQLite
/// journal, with an <see cref="HttpClient"/> for it.
/// </summary>
internal sealed class TestServer : IAsyncDisposable
{
    private readonly SqliteFiles _files;
    private bool _stopped;

    private TestServer(SqliteFiles files, ServeHost host, ApiSettings settings)
    {
        _files = files;
        Host = host;
        Settings = settings;
        Http = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public ServeHost Host { get; }

    public ApiSettings Settings { get; }

    public HttpClient Http { get; }

    /// <summary>The base URL without a trailing slash, as the scripts take it.</summary>
    public string BaseUrl => Host.Address.ToString().TrimEnd('/');

    /// <summary>The API settings of <c>hocon/trading-actors.conf</c>, but for the given ones.</summary>
    public static ApiSettings Api(
        TimeSpan? heartbeat = null, int clientBuffer = 1024, int resumeBuffer = 1024) => new(
        MaxBodySize: 1_048_576,
        AskTimeout: TimeSpan.FromSeconds(5),
        RetryAfter: TimeSpan.FromSeconds(2),
        HealthInterval: TimeSpan.FromSeconds(1),
        HeartbeatInterval: heartbeat ?? TimeSpan.FromSeconds(15),
        ClientBuffer: clientBuffer,
        ResumeBuffer: resumeBuffer,
        DemoInterval: TimeSpan.FromMilliseconds(100));

    public static async Task<TestServer> StartAsync(ApiSettings? api = null)
    {
        var files = new SqliteFiles("trading-actors-stream");
        try
        {
            var node = NodeSettings.Load(null, files.PathFor("data"), _ => null);
            var settings = api ?? Api();
            var host = await ServeHost.StartAsync(new ServeOptions(node, settings, new BearerToken(null), "127.0.0.1", 0));
            return new TestServer(files, host, settings);
        }
        catch
        {
            files.Dispose();
            throw;
        }
    }

    public Uri Url(string pathAndQuery) => new(Host.Address, pathAndQuery);

    public Task<SseReader> StreamAsync(string? strategy = null, string? lastEventId = null) =>
        SseReader.OpenAsync(Http, Url(strategy is null ? "/v1/stream" : $"/v1/stream?strategy={strategy}"), lastEventId);

    public async Task<(int Status, JsonNode Body)> PostAsync(string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await Http.PostAsync(new Uri(path, UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonNode.Parse(text)!);
    }

    public async Task<JsonNode> OkAsync(string path, string json)
    {
        var (status, body) = await PostAsync(path, json);
        Assert.True(status is 200 or 201, $"POST {path}: {status} {body.ToJsonString()}");
        return body;
    }

    public async Task<JsonNode> GetAsync(string path)
    {
        using var response = await Http.GetAsync(new Uri(path, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>Stops the server as Ctrl-C does (once).</summary>
    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await Host.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await StopAsync();
        _files.Dispose();
    }
}

/// <summary>The story of docs/api.md: one winning trade, then three losses in one batch (exposure cut to 0.5).</summary>
internal static class Story
{
    public const string Win = """
        {"trade_id": "T-1", "symbol": "BTCUSDT", "side": "long",
         "entry_time": "2025-03-03T09:00:00Z", "exit_time": "2025-03-03T13:30:00Z",
         "entry_price": 86000.0, "exit_price": 87600.0, "quantity": 0.1,
         "pnl": 150.0, "fees": 6.5, "slippage": 3.5, "risk_reward": 2.0}
        """;

    public const string ThreeLosses = """
        [{"trade_id": "T-2", "symbol": "ETHUSDT", "side": "short",
          "entry_time": "2025-03-03T14:00:00Z", "exit_time": "2025-03-03T18:45:00Z",
          "entry_price": 2150.0, "exit_price": 2180.0, "quantity": 2.5,
          "pnl": -80.0, "fees": 3.8, "slippage": 1.2, "risk_reward": 1.5},
         {"trade_id": "T-3", "symbol": "BTCUSDT", "side": "long",
          "entry_time": "2025-03-04T08:00:00Z", "exit_time": "2025-03-04T11:20:00Z",
          "entry_price": 87000.0, "exit_price": 86200.0, "quantity": 0.09,
          "pnl": -80.0, "fees": 6.0, "slippage": 2.0, "risk_reward": 2.0},
         {"trade_id": "T-4", "symbol": "SOLUSDT", "side": "long",
          "entry_time": 1741089600000, "exit_time": 1741101000000,
          "entry_price": 140.0, "exit_price": 137.5, "quantity": 30.0,
          "pnl": -80.0, "fees": 2.8, "slippage": 2.2}]
        """;

    /// <summary>A winning trade with its own id (<paramref name="n"/>), a few minutes apart from the others.</summary>
    public static string Trade(int n, double pnl = 10.0) =>
        $$"""
        {"trade_id": "W-{{n}}", "symbol": "BTCUSDT", "side": "long",
         "entry_time": {{1741000000000L + n * 60_000L}}, "exit_time": {{1741000000000L + n * 60_000L + 30_000L}},
         "entry_price": 100.0, "exit_price": 101.0, "quantity": 1.0,
         "pnl": {{pnl.ToString(System.Globalization.CultureInfo.InvariantCulture)}}, "fees": 0.1, "slippage": 0.0}
        """;

    /// <summary>Records the win then the three losses for <paramref name="strategy"/>.</summary>
    public static async Task RecordAsync(TestServer server, string strategy)
    {
        await server.OkAsync($"/v1/strategies/{strategy}/trades", Win);
        await server.OkAsync($"/v1/strategies/{strategy}/trades", ThreeLosses);
    }
}
