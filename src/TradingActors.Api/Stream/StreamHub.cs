using Akka.Actor;
using Microsoft.Extensions.Hosting;
using TradingActors.Actors.Risk;
using TradingActors.Api.Replies;
using TradingActors.Api.Telemetry;
using TradingActors.Domain;
using TradingActors.Domain.Risk;

namespace TradingActors.Api.Stream;

/// <summary>
/// The node's live feed for <c>/v1/stream</c> and the gauges: snapshots and persisted risk decisions from the node's
/// event stream, fanned out to the open streams, and the latest <see cref="ApiSettings.ResumeBuffer"/> decisions kept
/// for clients that reconnect with <c>Last-Event-ID</c>. Each event is serialized once, however many clients follow.
/// </summary>
public sealed class StreamHub(ActorSystem system, ApiSettings settings, ApiMetrics metrics, IHostApplicationLifetime lifetime)
    : IHostedService
{
    private readonly Lock _gate = new();
    private readonly List<StreamClient> _clients = [];
    private readonly LinkedList<StreamEvent> _recent = new();
    private IActorRef? _feed;
    private CancellationTokenRegistration _stopping;
    private bool _ended;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _feed = system.ActorOf(Props.Create(() => new StreamFeed(this)), "api-stream-feed");
        // The streams end as soon as the host begins to stop: the web server waits for open requests to complete
        // before the hosted services (this one included) are stopped, so ending them only in StopAsync would hold
        // the shutdown for its whole timeout.
        _stopping = lifetime.ApplicationStopping.Register(EndStreams);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        EndStreams();
        await _stopping.DisposeAsync().ConfigureAwait(false);
        _feed?.Tell(PoisonPill.Instance);
    }

    /// <summary>Ends every open stream normally, and any opened later at once.</summary>
    private void EndStreams()
    {
        lock (_gate)
        {
            _ended = true;
            foreach (var client in _clients)
            {
                client.Complete();
            }
            _clients.Clear();
        }
    }

    /// <summary>
    /// Opens a stream for <paramref name="strategyId"/> (null: every strategy). With <paramref name="after"/> (the id of
    /// the last decision the client saw), also the decisions after it still in the buffer; <c>Missed</c> is null when
    /// that id is no longer (or never was) in it: the client must re-read, and gets a <c>reset</c>.
    /// </summary>
    public (StreamClient Client, IReadOnlyList<StreamEvent>? Missed) Open(string? strategyId, (string StrategyId, long SequenceNr)? after)
    {
        var client = new StreamClient(strategyId, settings.ClientBuffer);
        List<StreamEvent>? missed = null;
        lock (_gate)
        {
            if (after is { } a)
            {
                var node = _recent.Last;
                while (node is not null && !(node.Value.StrategyId == a.StrategyId && node.Value.SequenceNr == a.SequenceNr))
                {
                    node = node.Previous;
                }
                if (node is not null)
                {
                    missed = [];
                    for (var next = node.Next; next is not null; next = next.Next)
                    {
                        if (client.Wants(next.Value))
                        {
                            missed.Add(next.Value);
                        }
                    }
                }
            }
            if (_ended)
            {
                client.Complete();
            }
            else
            {
                _clients.Add(client);
            }
        }
        metrics.StreamClients(+1);
        return (client, after is null ? [] : missed);
    }

    public void Close(StreamClient client)
    {
        lock (_gate)
        {
            _clients.Remove(client);
        }
        metrics.StreamClients(-1);
    }

    internal void Publish(MetricsSnapshot snapshot)
    {
        metrics.Drawdown(snapshot.StrategyId, snapshot.Metrics.Balances.CurrentDrawdown);
        StreamEvent? e = null;
        lock (_gate)
        {
            foreach (var client in _clients)
            {
                if (client.StrategyId is null || client.StrategyId == snapshot.StrategyId)
                {
                    e ??= new StreamEvent("snapshot", null, snapshot.StrategyId, snapshot.SequenceNr,
                        JsonReply.Text(w => ReplyWriters.Snapshot(w, snapshot)));
                    Offer(client, e);
                }
            }
        }
    }

    internal void Publish(RiskDecided decided)
    {
        if (decided.Decision is ExposureChanged change)
        {
            metrics.Exposure(decided.StrategyId, change.To);
        }
        var e = Event(decided.StrategyId, decided.SequenceNr, decided.Decision);
        lock (_gate)
        {
            _recent.AddLast(e);
            if (_recent.Count > settings.ResumeBuffer)
            {
                _recent.RemoveFirst();
            }
            foreach (var client in _clients)
            {
                if (client.Wants(e))
                {
                    Offer(client, e);
                }
            }
        }
    }

    private void Offer(StreamClient client, StreamEvent e)
    {
        if (client.Offer(e))
        {
            metrics.StreamOverflow();
        }
    }

    /// <summary>The stream event of a persisted decision: <c>exposure</c> or <c>limit</c>, id <c>strategy:sequence_nr</c>.</summary>
    public static StreamEvent Event(string strategyId, long sequenceNr, RiskEvent decision) => new(
        decision is ExposureChanged ? "exposure" : "limit",
        $"{strategyId}:{sequenceNr}",
        strategyId,
        sequenceNr,
        JsonReply.Text(w => RiskEventJson.Write(w, decision, strategyId, sequenceNr)));

    /// <summary>Subscribes to the node's event stream for the hub (the actors publish there).</summary>
    private sealed class StreamFeed : ReceiveActor
    {
        public StreamFeed(StreamHub hub)
        {
            Receive<MetricsSnapshot>(hub.Publish);
            Receive<RiskDecided>(hub.Publish);
        }

        protected override void PreStart()
        {
            Context.System.EventStream.Subscribe(Self, typeof(MetricsSnapshot));
            Context.System.EventStream.Subscribe(Self, typeof(RiskDecided));
        }

        protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);
    }
}
