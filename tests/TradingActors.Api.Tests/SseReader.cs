namespace TradingActors.Api.Tests;

/// <summary>One server-sent event: its name (<c>message</c> when none), id and data.</summary>
public sealed record SseEvent(string Type, string? Id, string Data);

/// <summary>Reads server-sent events off a response stream, skipping heartbeats (events with empty data).</summary>
public sealed class SseReader(System.IO.Stream stream) : IDisposable
{
    private readonly StreamReader _reader = new(stream);

    public async Task<SseEvent> NextAsync(CancellationToken cancel, Func<SseEvent, bool>? wanted = null)
    {
        while (true)
        {
            string? type = null;
            string? id = null;
            var data = new List<string>();
            while (true)
            {
                var line = await _reader.ReadLineAsync(cancel) ?? throw new EndOfStreamException("the stream ended");
                if (line.Length == 0)
                {
                    break;
                }
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                var field = colon < 0 ? line : line[..colon];
                var value = colon < 0 ? "" : line[(colon + 1)..].TrimStart(' ');
                switch (field)
                {
                    case "event": type = value; break;
                    case "id": id = value; break;
                    case "data": data.Add(value); break;
                    default: break;
                }
            }
            var e = new SseEvent(type ?? "message", id, string.Join("\n", data));
            if (e.Data.Length > 0 && (wanted is null || wanted(e)))
            {
                return e;
            }
        }
    }

    public void Dispose() => _reader.Dispose();
}
