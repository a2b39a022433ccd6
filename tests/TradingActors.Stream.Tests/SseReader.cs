using System.Text;

namespace TradingActors.Stream.Tests;

/// <summary>One server-sent event: its name (<c>message</c> when none), its id (null when none) and its data.</summary>
internal sealed record SseEvent(string Type, string? Id, string Data)
{
    /// <summary>A heartbeat: no name, no id, empty data.</summary>
    public bool IsHeartbeat => Type == "message" && Id is null && Data.Length == 0;

    public override string ToString() => $"{Type}{(Id is null ? "" : " #" + Id)} {(Data.Length > 120 ? Data[..117] + "..." : Data)}";
}

/// <summary>
/// A <c>text/event-stream</c> parser over an HTTP response (WHATWG HTML, server-sent events): a blank line dispatches
/// an event, <c>:</c> lines are comments, an event without a <c>data</c> line is not dispatched.
/// </summary>
internal sealed class SseReader : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _lines;

    private SseReader(HttpResponseMessage response, System.IO.Stream? body)
    {
        _response = response;
        _lines = new StreamReader(body ?? System.IO.Stream.Null, Encoding.UTF8);
    }

    public HttpResponseMessage Response => _response;

    /// <summary>Every event read so far, heartbeats included.</summary>
    public List<SseEvent> Seen { get; } = [];

    /// <summary>Opens <paramref name="url"/> (headers read, body not), optionally with <c>Last-Event-ID</c>.</summary>
    public static async Task<SseReader> OpenAsync(HttpClient http, Uri url, string? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (lastEventId is not null)
        {
            request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
        }
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        // An error's body is left for the caller to read as a whole.
        var body = response.IsSuccessStatusCode ? await response.Content.ReadAsStreamAsync() : null;
        return new SseReader(response, body);
    }

    /// <summary>The next event, or null when the server ended the stream. Throws <see cref="TimeoutException"/>.</summary>
    public async Task<SseEvent?> NextAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        string? type = null;
        string? id = null;
        var data = new List<string>();
        while (true)
        {
            string? line;
            try
            {
                line = await _lines.ReadLineAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"no event within {timeout ?? TimeSpan.FromSeconds(10)}; seen: {string.Join(" | ", Seen)}");
            }
            if (line is null)
            {
                return null;
            }
            if (line.Length == 0)
            {
                if (data.Count == 0)
                {
                    type = null;
                    id = null;
                    continue;
                }
                var e = new SseEvent(string.IsNullOrEmpty(type) ? "message" : type, string.IsNullOrEmpty(id) ? null : id, string.Join('\n', data));
                Seen.Add(e);
                return e;
            }
            if (line[0] == ':')
            {
                continue;
            }
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..];
            if (value.StartsWith(' '))
            {
                value = value[1..];
            }
            switch (field)
            {
                case "data":
                    data.Add(value);
                    break;
                case "event":
                    type = value;
                    break;
                case "id":
                    id = value;
                    break;
            }
        }
    }

    /// <summary>The next event that is not a heartbeat (null at the end of the stream).</summary>
    public async Task<SseEvent?> NextNonHeartbeatAsync(TimeSpan? timeout = null)
    {
        while (true)
        {
            var e = await NextAsync(timeout);
            if (e is null || !e.IsHeartbeat)
            {
                return e;
            }
        }
    }

    /// <summary>Reads until an event matches (heartbeats and other events skipped); throws at the end of the stream.</summary>
    public async Task<SseEvent> UntilAsync(Func<SseEvent, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            var e = await NextAsync(left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(1))
                ?? throw new InvalidOperationException($"the stream ended; seen: {string.Join(" | ", Seen)}");
            if (match(e))
            {
                return e;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _lines.Dispose();
        _response.Dispose();
        await Task.CompletedTask;
    }
}
