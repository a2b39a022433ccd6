namespace TradingActors.Stream.Tests;

/// <summary>
/// examples/curl-walkthrough.sh (docs/api.md's story with curl) and examples/live_engine.py (a live engine on the
/// Python client) against one real server, each with its own strategy.
/// </summary>
public sealed class ExamplesTest : IAsyncLifetime
{
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_curl_walkthrough_records_the_story_and_shows_the_exposure_cut()
    {
        var run = await Scripts.RunAsync("bash", [Repository.PathOf("examples", "curl-walkthrough.sh"), _server.BaseUrl, "trend-1"],
            Repository.Root);
        Assert.True(run.Exit == 0, run.ToString());
        Assert.Contains("exposure cut to 0.5", run.Out, StringComparison.Ordinal);
        Assert.Contains("\"recorded\":0,\"duplicates\":3,\"sequence_nr\":4} 200", run.Out, StringComparison.Ordinal);
        Assert.Contains("\"exposure\":0.0,\"rule\":\"manual_halt\"", run.Out, StringComparison.Ordinal);
        Assert.Contains("\"error\":\"invalid_input\"", run.Out, StringComparison.Ordinal);
        Assert.Contains("id: trend-1:3", run.Out, StringComparison.Ordinal);
        Assert.Contains("walk-through done for trend-1", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_python_live_engine_sees_the_exposure_cut_on_the_stream_and_halves_its_positions()
    {
        var run = await Scripts.RunAsync("python3",
            [Repository.PathOf("examples", "live_engine.py"), "--base-url", _server.BaseUrl, "--strategy", "engine-1", "--follow", "1"],
            Repository.Root);
        Assert.True(run.Exit == 0, run.ToString());
        Assert.Contains("stream: exposure 1.0 -> 0.5 (consecutive_losses)", run.Out, StringComparison.Ordinal);
        Assert.Contains("final exposure 0.5 (rule consecutive_losses)", run.Out, StringComparison.Ordinal);
        Assert.Contains("size 1 (exposure 0.5)", run.Out, StringComparison.Ordinal);
    }
}
