using System.Globalization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static TradingActors.Api.Tests.Bodies;

namespace TradingActors.Api.Tests;

/// <summary>
/// What operators and tools read (docs/api.md, routes 11–14): liveness and readiness, the Prometheus metrics, and an
/// OpenAPI document that describes exactly the routes the server serves.
/// </summary>
public sealed class OperationsTests(SqliteApiServer server) : IClassFixture<SqliteApiServer>
{
    private HttpClient Client => server.Client;

    [Fact]
    public async Task Liveness_and_readiness()
    {
        var live = await Client.Get("/health/live");
        Assert.Equal(200, live.Status);
        Assert.Equal("""{"status":"up"}""", live.Body);
        Assert.StartsWith("application/json", live.Header("Content-Type"), StringComparison.Ordinal);

        var ready = await Client.Get("/health/ready");
        Assert.Equal(200, ready.Status);
        Assert.Equal("""{"status":"ready","journal":"up"}""", ready.Body);
        Assert.Null(ready.Header("Retry-After"));
        Assert.Equal(TimeSpan.FromSeconds(20), server.Host.Services.GetRequiredService<ApiSettings>().AskTimeout);
    }

    [Fact]
    public async Task A_server_just_started_is_ready_and_takes_writes_at_once()
    {
        await using var fresh = new SqliteApiServer();
        await fresh.InitializeAsync();

        var write = await fresh.Client.Post("/v1/strategies/first/trades", Trade("t1", 1));
        var ready = await fresh.Client.Get("/health/ready");

        Assert.True(write.Status == 201, write.ToString());
        Assert.True(ready.Status == 200, ready.ToString());
    }

    private async Task<string> MetricsText()
    {
        var metrics = await Client.Get("/metrics");
        Assert.Equal(200, metrics.Status);
        Assert.StartsWith("text/plain", metrics.Header("Content-Type"), StringComparison.Ordinal);
        return metrics.Body;
    }

    [Fact]
    public async Task Prometheus_metrics_count_requests_by_route_template_events_persisted_and_exposures()
    {
        var id = FreshId("prom");
        Assert.Equal(201, (await Client.Post($"/v1/strategies/{id}/trades", Array(Trade("l1", -1), Trade("l2", -1), Trade("l3", -1)))).Status);
        Assert.Equal(201, (await Client.Post($"/v1/strategies/{id}/balances", Balance("2025-03-02T00:00:00Z", 100))).Status);
        Assert.Equal(404, (await Client.Get("/v1/no-such-route")).Status);
        Assert.Equal(0.5, (await Client.Get($"/v1/strategies/{id}/exposure")).Json["exposure"]!.GetValue<double>());

        var text = await MetricsText();
        Assert.Contains("trading_actors_http_requests_total{route=\"/v1/strategies/{id}/trades\",method=\"POST\",status=\"201\"}", text, StringComparison.Ordinal);
        Assert.True(text.Contains("trading_actors_http_requests_total{route=\"unmatched\",method=\"GET\",status=\"404\"}", StringComparison.Ordinal),
            string.Join("\n", text.Split('\n').Where(l => l.StartsWith("trading_actors_http_requests_total", StringComparison.Ordinal))));
        Assert.DoesNotContain($"route=\"/v1/strategies/{id}", text, StringComparison.Ordinal);
        Assert.Contains("trading_actors_http_request_duration_seconds_bucket{route=\"/v1/strategies/{id}/trades\",method=\"POST\",le=", text, StringComparison.Ordinal);
        Assert.True(Sample(text, "trading_actors_events_persisted_total{kind=\"trade\"}") >= 3);
        Assert.True(Sample(text, "trading_actors_events_persisted_total{kind=\"balance\"}") >= 1);
        Assert.Contains("trading_actors_persist_duration_seconds_count{kind=\"trade\"}", text, StringComparison.Ordinal);

        // The gauge follows the decision, which the API hears from the node's event stream.
        var exposure = $"trading_actors_exposure{{strategy=\"{id}\"}}";
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!text.Contains(exposure, StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            text = await MetricsText();
        }
        Assert.Equal(0.5, Sample(text, exposure));
    }

    /// <summary>The value of one series in the Prometheus text.</summary>
    private static double Sample(string text, string series)
    {
        var line = text.Split('\n').SingleOrDefault(l => l.StartsWith(series + " ", StringComparison.Ordinal));
        Assert.True(line is not null, $"no series {series} in\n{text}");
        return double.Parse(line[(series.Length + 1)..], CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task The_openapi_document_describes_exactly_the_v1_routes_served()
    {
        var reply = await Client.Get("/v1/openapi.json");
        Assert.Equal(200, reply.Status);
        var document = reply.Json;
        Assert.StartsWith("3.0", document["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("TradingActors", document["info"]!["title"]!.GetValue<string>());

        var documented = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, _) in item!.AsObject())
            {
                if (method is "get" or "put" or "post" or "delete" or "patch" or "head" or "options" or "trace")
                {
                    documented.Add($"{method.ToUpperInvariant()} {path}");
                }
            }
        }

        var served = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in server.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var path = "/" + endpoint.RoutePattern.RawText!.Trim('/');
            foreach (var method in endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"])
            {
                served.Add($"{method} {path}");
            }
        }

        var notServed = documented.Except(served).ToList();
        Assert.True(notServed.Count == 0, "documented but not served: " + string.Join(", ", notServed));
        var v1 = served.Where(r => r.Split(' ')[1].StartsWith("/v1/", StringComparison.Ordinal) && r != "GET /v1/openapi.json");
        var notDocumented = v1.Except(documented).ToList();
        Assert.True(notDocumented.Count == 0, "served but not documented: " + string.Join(", ", notDocumented));
        Assert.Contains("POST /v1/strategies/{id}/trades", documented);
        Assert.Contains("GET /v1/stream", documented);
        Assert.True(documented.Count >= 10, string.Join(", ", documented));

        // Every operation documents its JSON error replies with the {error, message} body.
        var trades = document["paths"]!["/v1/strategies/{id}/trades"]!["post"]!;
        foreach (var status in new[] { "201", "200", "400", "413", "415" })
        {
            Assert.True(trades["responses"]!.AsObject().ContainsKey(status), $"POST trades documents {status}: {trades["responses"]}");
        }
        Assert.Equal("application/json", trades["requestBody"]!["content"]!.AsObject().Single().Key);
    }
}
