using TradingActors.Api.Security;
using TradingActors.Cli;
using static TradingActors.Api.Tests.Bodies;

namespace TradingActors.Api.Tests;

/// <summary>
/// A server with a token (docs/api.md, "Authentication"): every <c>/v1</c> route answers 401 with the bearer
/// challenge without the token or with a wrong one, and works with it; health and <c>/metrics</c> stay open. Without a
/// token the server binds to loopback only.
/// </summary>
public sealed class AuthTests(TokenApiServer server) : IClassFixture<TokenApiServer>
{
    /// <summary>Every /v1 route of docs/api.md with a request that is fine but for the token.</summary>
    public static TheoryData<string, string, string?> Routes() => new()
    {
        { "POST", "/v1/strategies/auth-x/trades", Trade("t1", 1) },
        { "POST", "/v1/strategies/auth-x/balances", Balance("2025-03-01T00:00:00Z", 100) },
        { "GET", "/v1/strategies", null },
        { "GET", "/v1/strategies/auth-x/metrics", null },
        { "GET", "/v1/strategies/auth-x/balances?from=2025-03-01T00:00:00Z", null },
        { "GET", "/v1/strategies/auth-x/exposure", null },
        { "GET", "/v1/strategies/auth-x/risk-events", null },
        { "POST", "/v1/strategies/auth-x/halt", """{"reason":"auth"}""" },
        { "POST", "/v1/strategies/auth-x/resume", """{"reason":"auth"}""" },
        { "GET", "/v1/stream", null },
        { "GET", "/v1/openapi.json", null },
        { "GET", "/v1/nothing-here", null },
    };

    private static HttpRequestMessage Request(string method, string path, string? body, string? authorization)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }
        return request;
    }

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Every_v1_route_needs_the_token(string method, string path, string? body)
    {
        using var client = server.NewClient();
        foreach (var authorization in new[] { null, "Bearer wrong", "Bearer " + TokenApiServer.Secret + "x", "Basic " + TokenApiServer.Secret, TokenApiServer.Secret })
        {
            using var request = Request(method, path, body, authorization);
            using var response = await client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode == 401, $"{authorization}: {(int)response.StatusCode} {text}");
            Assert.Equal("Bearer realm=\"trading-actors\"", Assert.Single(response.Headers.WwwAuthenticate).ToString());
            Assert.Contains("\"error\":\"unauthorized\"", text, StringComparison.Ordinal);
            Assert.Contains("\"message\":\"Authorization: ", text, StringComparison.Ordinal);
        }
        Assert.Equal(404, (await server.Client.Get("/v1/strategies/auth-x/metrics")).Status);
    }

    [Fact]
    public async Task With_the_token_every_route_works()
    {
        var id = FreshId("auth");
        var client = server.Client;
        Assert.Equal(201, (await client.Post($"/v1/strategies/{id}/trades", Trade("t1", 1))).Status);
        Assert.Equal(201, (await client.Post($"/v1/strategies/{id}/balances", Balance("2025-03-01T00:00:00Z", 100))).Status);
        foreach (var route in new[] { "", $"/{id}/metrics", $"/{id}/balances", $"/{id}/exposure", $"/{id}/risk-events" })
        {
            var reply = await client.Get("/v1/strategies" + route);
            Assert.True(reply.Status == 200, $"{route}: {reply}");
        }
        Assert.Equal(200, (await client.Post($"/v1/strategies/{id}/halt", """{"reason":"auth"}""")).Status);
        Assert.Equal(200, (await client.Post($"/v1/strategies/{id}/resume", """{"reason":"auth"}""")).Status);
        Assert.Equal(200, (await client.Get("/v1/openapi.json")).Status);
        Assert.Equal(404, (await client.Get("/v1/nothing-here")).Status);

        // The scheme is case-insensitive (RFC 7235).
        using var lower = server.NewClient();
        lower.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "bearer " + TokenApiServer.Secret);
        Assert.Equal(200, (await lower.Get($"/v1/strategies/{id}/exposure")).Status);

        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var stream = await client.GetAsync(new Uri("/v1/stream", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        Assert.Equal(200, (int)stream.StatusCode);
        Assert.Equal("text/event-stream", stream.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Health_and_metrics_need_no_token()
    {
        using var anonymous = server.NewClient();
        Assert.Equal(200, (await anonymous.Get("/health/live")).Status);
        Assert.Equal(200, (await anonymous.Get("/health/ready")).Status);
        Assert.Equal(200, (await anonymous.Get("/metrics")).Status);
        using var wrong = server.NewClient("wrong");
        Assert.Equal(200, (await wrong.Get("/health/ready")).Status);
        Assert.Equal(200, (await wrong.Get("/metrics")).Status);
    }

    [Fact]
    public void Without_a_token_the_server_binds_to_loopback_only()
    {
        var none = new BearerToken(null);
        Assert.False(none.Required);
        Assert.NotNull(none.RefusalToBind("0.0.0.0"));
        Assert.NotNull(none.RefusalToBind("192.168.1.10"));
        Assert.NotNull(none.RefusalToBind("::"));
        Assert.NotNull(new BearerToken("").RefusalToBind("0.0.0.0"));
        Assert.Null(none.RefusalToBind("127.0.0.1"));
        Assert.Null(none.RefusalToBind("localhost"));
        Assert.Null(none.RefusalToBind("::1"));
        Assert.Null(new BearerToken("t").RefusalToBind("0.0.0.0"));
        Assert.True(none.Accepts(null));
        Assert.False(new BearerToken("t").Accepts(null));
        Assert.True(new BearerToken("t").Accepts("Bearer t"));
    }

    [Fact]
    public void Serve_on_a_public_host_without_TRADING_ACTORS_TOKEN_exits_2()
    {
        Assert.True(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("TRADING_ACTORS_TOKEN")),
            "the test process must run without TRADING_ACTORS_TOKEN");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = TradingActorsCommand.Run(["serve", "--host", "0.0.0.0", "--port", "0"], stdout, stderr);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal(2, exit);
        Assert.Contains("TRADING_ACTORS_TOKEN", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("--host", stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal("", stdout.ToString());
    }
}
