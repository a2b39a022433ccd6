using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace TradingActors.Stream.Tests;

/// <summary>
/// A stream client that stops reading is cut off with a <c>reset</c> once it falls <c>client-buffer</c> events behind
/// (after what the sockets hold), and its connection ends; the writes go on being acknowledged as fast as before,
/// and a client that reads gets every event.
/// </summary>
public sealed class SlowClientTest : IAsyncLifetime
{
    private const int ClientBuffer = 128;
    private const int Writers = 8;

    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync(TestServer.Api(clientBuffer: ClientBuffer));

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>An HTTP client whose sockets have a tiny receive buffer, so that a reader that stops stalls soon.</summary>
    private static HttpClient TinyReceiveBuffer() => new(new SocketsHttpHandler
    {
        ConnectCallback = async (context, cancel) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, ReceiveBufferSize = 1024 };
            try
            {
                await socket.ConnectAsync(context.DnsEndPoint, cancel);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    });

    /// <summary><c>trading_actors_stream_overflows_total</c> from <c>/metrics</c>.</summary>
    private async Task<double> OverflowsAsync()
    {
        var text = await _server.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        var line = text.Split('\n').Single(l => l.StartsWith("trading_actors_stream_overflows_total ", StringComparison.Ordinal));
        return double.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_client_that_never_reads_is_cut_off_with_a_reset_and_the_writers_are_not_slowed()
    {
        using var slowHttp = TinyReceiveBuffer();
        await using var slow = await SseReader.OpenAsync(slowHttp, _server.Url("/v1/stream"));
        await using var fast = await _server.StreamAsync();
        var fastSnapshots = 0;
        var fastReader = Task.Run(async () =>
        {
            while (await fast.NextAsync(TimeSpan.FromSeconds(30)) is { } e)
            {
                Assert.True(e.Type != "reset", $"the reading client was cut off after {fastSnapshots} snapshots: {e}");
                if (e.Type == "snapshot")
                {
                    Interlocked.Increment(ref fastSnapshots);
                }
            }
        });

        // Writers post one trade at a time (a snapshot each) until the server reports a connection cut off.
        using var cutOff = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        var latencies = new ConcurrentBag<double>();
        var written = 0;
        var clock = Stopwatch.StartNew();
        var writers = Enumerable.Range(1, Writers).Select(w => Task.Run(async () =>
        {
            for (var n = 1; !cutOff.IsCancellationRequested; n++)
            {
                var one = Stopwatch.StartNew();
                var reply = await _server.OkAsync($"/v1/strategies/slow-{w}/trades", Story.Trade(n));
                latencies.Add(one.Elapsed.TotalMilliseconds);
                Assert.Equal(n, (long)reply["sequence_nr"]!);
                Interlocked.Increment(ref written);
            }
        })).ToList();
        while (await OverflowsAsync() == 0 && !cutOff.IsCancellationRequested)
        {
            await Task.Delay(100);
        }
        Assert.False(cutOff.IsCancellationRequested, $"no connection cut off after {written} writes in {clock.Elapsed}");
        var cutAfter = clock.Elapsed;
        var writtenAtCut = Volatile.Read(ref written);
        // Writes go on a little after the cut: still answered as fast.
        await Task.Delay(500);
        await cutOff.CancelAsync();
        await Task.WhenAll(writers);
        Assert.True(written > writtenAtCut, "writes are acknowledged after the cut");

        // Every write was answered, none near the 5 s ask-timeout a write waiting on the stalled stream would hit.
        var sorted = latencies.Order().ToList();
        var p50 = sorted[sorted.Count / 2];
        var p99 = sorted[(int)(sorted.Count * 0.99)];
        Assert.True(p50 < 500 && sorted[^1] < 4000,
            $"writes slowed: p50 {p50} ms, p99 {p99} ms, max {sorted[^1]} ms over {written} writes");

        // The reading client got every snapshot, and was never cut off.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (Volatile.Read(ref fastSnapshots) < written && DateTime.UtcNow < deadline && !fastReader.IsCompleted)
        {
            await Task.Delay(50);
        }
        Assert.False(fastReader.IsFaulted, fastReader.Exception?.ToString());
        Assert.Equal(written, Volatile.Read(ref fastSnapshots));
        Assert.Equal(1, await OverflowsAsync());

        // Now the slow client reads: what the sockets held, then the reset, then the end of the stream.
        var snapshots = 0;
        SseEvent? last;
        while ((last = await slow.NextAsync(TimeSpan.FromSeconds(10))) is { Type: "snapshot" })
        {
            snapshots++;
        }
        Assert.True(last is { Type: "reset" }, $"a reset expected after {snapshots} snapshots, got {last?.ToString() ?? "the end"}");
        Assert.Contains($"{ClientBuffer} events behind", (string?)JsonNode.Parse(last!.Data)!["reason"], StringComparison.Ordinal);
        Assert.Null(await slow.NextAsync(TimeSpan.FromSeconds(10)));
        Assert.InRange(snapshots, ClientBuffer, written - 1);
        Console.WriteLine($"cut off after {cutAfter.TotalSeconds:0.0} s; {written} writes (p50 {p50:0} ms, p99 {p99:0} ms); the slow client read {snapshots} snapshots then the reset");
    }
}
