using Prometheus;

namespace TradingActors.Api.Telemetry;

/// <summary>
/// The node's Prometheus metrics (docs/api.md, "Prometheus metrics"), in a registry of this server's own so that
/// several servers in one process (the tests) never mix their series. Histogram buckets from 0.5 ms to about 16 s.
/// </summary>
public sealed class ApiMetrics
{
    private static readonly double[] Buckets = Histogram.ExponentialBuckets(0.0005, 2, 16);

    private readonly Counter _requests;
    private readonly Histogram _requestDuration;
    private readonly Histogram _persistDuration;
    private readonly Counter _eventsPersisted;
    private readonly Counter _journalFailures;
    private readonly Gauge _journalUp;
    private readonly Gauge _exposure;
    private readonly Gauge _drawdown;
    private readonly Gauge _streamClients;
    private readonly Gauge _activeStrategies;
    private readonly Counter _streamOverflows;

    public ApiMetrics()
    {
        Registry = Prometheus.Metrics.NewCustomRegistry();
        var factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        _requests = factory.CreateCounter("trading_actors_http_requests_total", "Requests answered.",
            new CounterConfiguration { LabelNames = ["route", "method", "status"] });
        _requestDuration = factory.CreateHistogram("trading_actors_http_request_duration_seconds",
            "Time from request to response, by route template; the stream is not timed.",
            new HistogramConfiguration { LabelNames = ["route", "method"], Buckets = Buckets });
        _persistDuration = factory.CreateHistogram("trading_actors_persist_duration_seconds",
            "Time from a write command sent to its strategy to the persisted acknowledgement.",
            new HistogramConfiguration { LabelNames = ["kind"], Buckets = Buckets });
        _eventsPersisted = factory.CreateCounter("trading_actors_events_persisted_total",
            "Events persisted through the API (duplicates not counted).",
            new CounterConfiguration { LabelNames = ["kind"] });
        _journalFailures = factory.CreateCounter("trading_actors_journal_failures_total",
            "Writes the journal failed or refused (answered 503).");
        _journalUp = factory.CreateGauge("trading_actors_journal_up", "1 while the journal's database answers the health probe.");
        _exposure = factory.CreateGauge("trading_actors_exposure", "Each strategy's exposure multiplier as last decided.",
            new GaugeConfiguration { LabelNames = ["strategy"] });
        _drawdown = factory.CreateGauge("trading_actors_current_drawdown",
            "Each strategy's current drawdown (fraction below its balance peak) as of its latest snapshot.",
            new GaugeConfiguration { LabelNames = ["strategy"] });
        _streamClients = factory.CreateGauge("trading_actors_stream_clients", "Open /v1/stream connections.");
        _activeStrategies = factory.CreateGauge("trading_actors_active_strategies",
            "Strategy entities (live strategies and backtest runs) in memory on this node.");
        _streamOverflows = factory.CreateCounter("trading_actors_stream_overflows_total",
            "/v1/stream connections cut off (reset) for falling client-buffer events behind.");
        DotNetStats.Register(Registry);
    }

    public CollectorRegistry Registry { get; }

    public void Request(string route, string method, int status, TimeSpan? duration)
    {
        _requests.WithLabels(route, method, status.ToString(System.Globalization.CultureInfo.InvariantCulture)).Inc();
        if (duration is { } d)
        {
            _requestDuration.WithLabels(route, method).Observe(d.TotalSeconds);
        }
    }

    public void Persisted(string kind, int events, TimeSpan duration)
    {
        _persistDuration.WithLabels(kind).Observe(duration.TotalSeconds);
        _eventsPersisted.WithLabels(kind).Inc(events);
    }

    public void JournalFailure() => _journalFailures.Inc();

    public void JournalUp(bool up) => _journalUp.Set(up ? 1 : 0);

    public void Exposure(string strategy, double exposure) => _exposure.WithLabels(strategy).Set(exposure);

    public void Drawdown(string strategy, double? drawdown)
    {
        if (drawdown is { } d)
        {
            _drawdown.WithLabels(strategy).Set(d);
        }
    }

    public void StreamClients(int delta) => _streamClients.Inc(delta);

    public void ActiveStrategies(int count) => _activeStrategies.Set(count);

    public void StreamOverflow() => _streamOverflows.Inc();
}
