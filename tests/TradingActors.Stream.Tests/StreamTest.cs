using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;

namespace TradingActors.Stream.Tests;

/// <summary>
/// <c>GET /v1/stream</c> against a real server (docs/api.md, "The event stream"): the current snapshot first with
/// <c>?strategy=</c>, a snapshot then an <c>exposure</c> event after a batch that cuts the exposure, exact replay from
/// the journal with <c>Last-Event-ID</c>, resume from the bounded buffer without a filter (or a <c>reset</c>), bad
/// ids refused, heartbeats when idle.
/// </summary>
public sealed class StreamTest(StreamServerFixture fixture) : IClassFixture<StreamServerFixture>
{
    private TestServer Server => fixture.Server;

    private static JsonNode Json(SseEvent e) => JsonNode.Parse(e.Data)!;

    private static void AssertSnapshot(SseEvent? e, string strategy, long sequenceNr)
    {
        Assert.NotNull(e);
        Assert.Equal("snapshot", e.Type);
        Assert.Null(e.Id);
        var data = Json(e);
        Assert.Equal(strategy, (string?)data["strategy_id"]);
        Assert.Equal(sequenceNr, (long)data["sequence_nr"]!);
        Assert.NotNull(data["metrics"]);
    }

    private static void AssertExposure(SseEvent? e, string strategy, long sequenceNr, double to, string rule)
    {
        Assert.NotNull(e);
        Assert.Equal("exposure", e.Type);
        Assert.Equal($"{strategy}:{sequenceNr}", e.Id);
        var data = Json(e);
        Assert.Equal(strategy, (string?)data["strategy_id"]);
        Assert.Equal(sequenceNr, (long)data["sequence_nr"]!);
        Assert.Equal("exposure_changed", (string?)data["type"]);
        Assert.Equal(to, (double)data["to"]!);
        Assert.Equal(rule, (string?)data["rule"]);
    }

    [Fact]
    public async Task A_strategy_stream_starts_with_its_current_snapshot_and_a_fresh_one_with_a_heartbeat()
    {
        await Server.OkAsync("/v1/strategies/snap-1/trades", Story.Win);

        await using var stream = await Server.StreamAsync("snap-1");
        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
        Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType?.MediaType);
        AssertSnapshot(await stream.NextAsync(), "snap-1", 1);

        await using var fresh = await Server.StreamAsync("snap-fresh");
        var first = await fresh.NextAsync(TimeSpan.FromSeconds(5));
        Assert.True(first is { IsHeartbeat: true }, $"a strategy without events has no snapshot: {first}");
    }

    [Fact]
    public async Task A_batch_that_cuts_the_exposure_gives_a_snapshot_then_an_exposure_event_with_id_strategy_1()
    {
        await Server.OkAsync("/v1/strategies/cut-1/trades", Story.Win);
        await using var stream = await Server.StreamAsync("cut-1");
        AssertSnapshot(await stream.NextNonHeartbeatAsync(), "cut-1", 1);

        var reply = await Server.OkAsync("/v1/strategies/cut-1/trades", Story.ThreeLosses);
        Assert.Equal(4, (long)reply["sequence_nr"]!);

        AssertSnapshot(await stream.NextNonHeartbeatAsync(), "cut-1", 4);
        var exposure = await stream.NextNonHeartbeatAsync();
        AssertExposure(exposure, "cut-1", 1, 0.5, "consecutive_losses");
        Assert.Equal(1.0, (double)Json(exposure!)["from"]!);
        Assert.Equal(4, (long)Json(exposure!)["snapshot_sequence_nr"]!);
        var exposureRead = await Server.GetAsync("/v1/strategies/cut-1/exposure");
        Assert.Equal(0.5, (double)exposureRead["exposure"]!);
    }

    [Fact]
    public async Task Reconnecting_with_a_last_event_id_replays_the_decisions_after_it_from_the_journal()
    {
        await Story.RecordAsync(Server, "replay-1");
        await WaitForDecisionsAsync("replay-1", 1);
        await Server.OkAsync("/v1/strategies/replay-1/halt", """{"reason": "maintenance"}""");
        await WaitForDecisionsAsync("replay-1", 2);

        await using (var all = await Server.StreamAsync("replay-1", "replay-1:0"))
        {
            AssertSnapshot(await all.NextNonHeartbeatAsync(), "replay-1", 4);
            AssertExposure(await all.NextNonHeartbeatAsync(), "replay-1", 1, 0.5, "consecutive_losses");
            AssertExposure(await all.NextNonHeartbeatAsync(), "replay-1", 2, 0.0, "manual_halt");
            Assert.True((await all.NextAsync())!.IsHeartbeat, "then live: nothing more but heartbeats");
        }

        await using (var after1 = await Server.StreamAsync("replay-1", "replay-1:1"))
        {
            AssertSnapshot(await after1.NextNonHeartbeatAsync(), "replay-1", 4);
            AssertExposure(await after1.NextNonHeartbeatAsync(), "replay-1", 2, 0.0, "manual_halt");
            // Live after the replay: a resume is the next decision, sent once.
            await Server.OkAsync("/v1/strategies/replay-1/resume", """{"reason": "done"}""");
            AssertExposure(await after1.NextNonHeartbeatAsync(), "replay-1", 3, 0.5, "manual_halt");
            Assert.True((await after1.NextAsync())!.IsHeartbeat);
        }
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("bad-0:x")]
    [InlineData(":3")]
    [InlineData("bad-0:-1")]
    [InlineData("other:1")]
    public async Task A_malformed_last_event_id_or_one_naming_another_strategy_is_400_invalid_input(string lastEventId)
    {
        await using var stream = await Server.StreamAsync("bad-0", lastEventId);
        Assert.Equal(HttpStatusCode.BadRequest, stream.Response.StatusCode);
        var body = JsonNode.Parse(await stream.Response.Content.ReadAsStringAsync())!;
        Assert.Equal("invalid_input", (string?)body["error"]);
        Assert.Contains("Last-Event-ID", (string?)body["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_strategy_filter_is_400_invalid_strategy_id()
    {
        await using var stream = await Server.StreamAsync("no%20spaces");
        Assert.Equal(HttpStatusCode.BadRequest, stream.Response.StatusCode);
        var body = JsonNode.Parse(await stream.Response.Content.ReadAsStringAsync())!;
        Assert.Equal("invalid_strategy_id", (string?)body["error"]);
    }

    [Fact]
    public async Task Without_a_filter_a_reconnection_resumes_from_the_buffer_and_gets_a_reset_once_the_id_is_evicted()
    {
        string lastId;
        await using (var live = await Server.StreamAsync())
        {
            await Story.RecordAsync(Server, "resume-1");
            var exposure = await live.UntilAsync(e => e.Type == "exposure" && e.Id?.StartsWith("resume-1:", StringComparison.Ordinal) == true);
            AssertExposure(exposure, "resume-1", 1, 0.5, "consecutive_losses");
            lastId = exposure.Id!;
        }

        // Two decisions while disconnected: both are in the buffer (4) and come back, then the stream goes on live.
        await Server.OkAsync("/v1/strategies/resume-1/halt", """{"reason": "a"}""");
        await Server.OkAsync("/v1/strategies/resume-1/resume", """{"reason": "b"}""");
        await WaitForDecisionsAsync("resume-1", 3);
        await using (var resumed = await Server.StreamAsync(lastEventId: lastId))
        {
            AssertExposure(await resumed.NextNonHeartbeatAsync(), "resume-1", 2, 0.0, "manual_halt");
            AssertExposure(await resumed.NextNonHeartbeatAsync(), "resume-1", 3, 0.5, "manual_halt");
            await Server.OkAsync("/v1/strategies/resume-1/halt", """{"reason": "c"}""");
            AssertExposure(await resumed.UntilAsync(e => e.Type == "exposure"), "resume-1", 4, 0.0, "manual_halt");
        }

        // Four more decisions push resume-1:1 out of the buffer of 4: the server cannot say what was missed.
        for (var i = 0; i < 2; i++)
        {
            await Server.OkAsync("/v1/strategies/resume-1/resume", """{"reason": "r"}""");
            await Server.OkAsync("/v1/strategies/resume-1/halt", """{"reason": "h"}""");
        }
        await WaitForDecisionsAsync("resume-1", 8);
        await using (var evicted = await Server.StreamAsync(lastEventId: lastId))
        {
            var reset = await evicted.NextNonHeartbeatAsync();
            Assert.NotNull(reset);
            Assert.Equal("reset", reset.Type);
            Assert.Null(reset.Id);
            Assert.Contains("older than the server's buffer", (string?)Json(reset)["reason"], StringComparison.Ordinal);
            // The connection stays open and goes on live.
            await Server.OkAsync("/v1/strategies/resume-1/resume", """{"reason": "live"}""");
            AssertExposure(await evicted.UntilAsync(e => e.Type == "exposure"), "resume-1", 9, 0.5, "manual_halt");
        }

        // The last decision is still in the buffer: nothing missed, no reset.
        await using (var current = await Server.StreamAsync(lastEventId: "resume-1:9"))
        {
            Assert.True((await current.NextAsync())!.IsHeartbeat);
        }

        await using (var unknown = await Server.StreamAsync(lastEventId: "nobody:7"))
        {
            Assert.Equal("reset", (await unknown.NextNonHeartbeatAsync())?.Type);
        }
    }

    [Fact]
    public async Task An_idle_stream_gets_heartbeats_with_empty_data_and_no_name_or_id()
    {
        await using var stream = await Server.StreamAsync("idle-1");
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 3; i++)
        {
            var e = await stream.NextAsync(TimeSpan.FromSeconds(5));
            Assert.True(e is { IsHeartbeat: true }, $"heartbeat expected, got {e}");
        }
        // Three heartbeats 300 ms apart: not sooner (they are sent only when idle), not much later.
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(800), TimeSpan.FromSeconds(5));
    }

    /// <summary>Waits until <paramref name="strategy"/> has persisted <paramref name="count"/> risk decisions.</summary>
    private async Task WaitForDecisionsAsync(string strategy, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var events = (await Server.GetAsync($"/v1/strategies/{strategy}/risk-events"))["risk_events"]!.AsArray();
            if (events.Count >= count)
            {
                return;
            }
            Assert.True(DateTime.UtcNow < deadline, $"{strategy}: {events.Count} risk events, {count} expected");
            await Task.Delay(50);
        }
    }
}
