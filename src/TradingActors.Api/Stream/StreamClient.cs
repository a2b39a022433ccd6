using System.Threading.Channels;

namespace TradingActors.Api.Stream;

/// <summary>
/// One open stream: a bounded queue the hub fills without ever waiting. A client that falls
/// <see cref="ApiSettings.ClientBuffer"/> events behind is cut off: its queue is closed and the connection gets a
/// <c>reset</c> event and ends, so a slow reader never slows the actors or grows the server's memory.
/// </summary>
public sealed class StreamClient
{
    private readonly Channel<StreamEvent> _queue;

    internal StreamClient(string? strategyId, int capacity)
    {
        StrategyId = strategyId;
        _queue = Channel.CreateBounded<StreamEvent>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait, // never waited on: TryWrite fails instead, and that cuts the client off
        });
    }

    /// <summary>The strategy this client follows, or null for every strategy.</summary>
    public string? StrategyId { get; }

    /// <summary>Whether the client fell too far behind and was cut off.</summary>
    public bool Overflowed { get; private set; }

    public ChannelReader<StreamEvent> Events => _queue.Reader;

    internal bool Wants(StreamEvent e) => StrategyId is null || StrategyId == e.StrategyId;

    /// <summary>Queues <paramref name="e"/>; true when this cut the client off (its queue was full).</summary>
    internal bool Offer(StreamEvent e)
    {
        // A full queue cuts the client off; a queue already completed (cut off, or the node stopping) takes nothing more.
        if (_queue.Writer.TryWrite(e) || Overflowed || !_queue.Writer.TryComplete())
        {
            return false;
        }
        Overflowed = true;
        return true;
    }

    /// <summary>Ends the stream normally (the node stops).</summary>
    internal void Complete() => _queue.Writer.TryComplete();
}
