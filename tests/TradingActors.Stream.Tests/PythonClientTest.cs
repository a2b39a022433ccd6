namespace TradingActors.Stream.Tests;

/// <summary>
/// The Python client (clients/python, standard library only) against a real server: its unit tests against a fake
/// server and its live tests (<c>TRADING_ACTORS_URL</c>): a live engine's story with the exposure cut, replay,
/// <c>reset</c>, float exposures, heartbeats (a 0.5 s interval here).
/// </summary>
public sealed class PythonClientTest
{
    [Fact]
    public async Task The_python_client_tests_pass_against_a_real_server()
    {
        await using var server = await TestServer.StartAsync(TestServer.Api(heartbeat: TimeSpan.FromMilliseconds(500)));
        var run = await Scripts.RunAsync("python3", ["-m", "unittest", "-v", "test_client"], Repository.PathOf("clients", "python"),
            new Dictionary<string, string> { ["TRADING_ACTORS_URL"] = server.BaseUrl, ["TRADING_ACTORS_HEARTBEAT"] = "0.5" });
        Assert.True(run.Exit == 0, run.ToString());
        Assert.True(!run.Err.Contains("skipped=", StringComparison.Ordinal), run.ToString());
        Assert.Contains("ok: exposure cut to 0.5 by rule consecutive_losses", run.Out, StringComparison.Ordinal);
    }
}
