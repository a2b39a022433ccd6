using System.Diagnostics;

namespace TradingActors.Stream.Tests;

/// <summary>When the server stops, every open stream ends normally (the response completes), and soon.</summary>
public sealed class ShutdownTest
{
    [Fact]
    public async Task Open_streams_end_normally_when_the_server_stops()
    {
        await using var server = await TestServer.StartAsync();
        await server.OkAsync("/v1/strategies/stop-1/trades", Story.Win);
        await using var one = await server.StreamAsync("stop-1");
        await using var all = await server.StreamAsync();
        Assert.Equal("snapshot", (await one.NextAsync())?.Type);

        var clock = Stopwatch.StartNew();
        var stopping = server.StopAsync();
        Assert.Null(await one.NextNonHeartbeatAsync(TimeSpan.FromSeconds(10)));
        Assert.Null(await all.NextNonHeartbeatAsync(TimeSpan.FromSeconds(10)));
        await stopping.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"stopping with open streams took {clock.Elapsed}");
    }
}
