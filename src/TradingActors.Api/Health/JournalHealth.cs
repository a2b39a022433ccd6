using System.Data.Common;
using Akka.Actor;
using Akka.Cluster;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Npgsql;
using TradingActors.Actors.Node;
using TradingActors.Api.Telemetry;

namespace TradingActors.Api.Health;

/// <summary>
/// Probes the journal's database every <see cref="ApiSettings.HealthInterval"/> with a query of its own (not through
/// the journal plugin, whose circuit breaker would hide the database's return for its reset time). While a probe
/// fails, writes are refused at once with 503 and <c>/health/ready</c> is 503; the first probe that succeeds again
/// lifts both.
/// </summary>
public sealed class JournalHealth(JournalSettings journal, ApiSettings settings, ActorSystem system, ApiMetrics metrics)
    : BackgroundService
{
    private volatile string? _problem = "not probed yet";

    /// <summary>Whether the last probe reached the database.</summary>
    public bool JournalUp => _problem is null;

    /// <summary>Why the last probe failed, or null.</summary>
    public string? LastProblem => _problem;

    /// <summary>Ready: the journal answers and this node is an Up member of its cluster (its shard regions run).</summary>
    public bool Ready => JournalUp && Cluster.Get(system).SelfMember.Status == MemberStatus.Up;

    /// <summary>Probes once now (at start-up, so that readiness does not wait a whole interval).</summary>
    public async Task ProbeAsync(CancellationToken cancel)
    {
        try
        {
            await using var connection = Connect();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            timeout.CancelAfter(settings.HealthInterval + TimeSpan.FromSeconds(2));
            await connection.OpenAsync(timeout.Token).ConfigureAwait(false);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT 1";
            await command.ExecuteScalarAsync(timeout.Token).ConfigureAwait(false);
            _problem = null;
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or OperationCanceledException or IOException or TimeoutException)
        {
            if (cancel.IsCancellationRequested)
            {
                return;
            }
            _problem = e.Message.ReplaceLineEndings(" ");
        }
        metrics.JournalUp(JournalUp);
    }

    /// <summary>
    /// Probes once before the host goes on (hosted services start before Kestrel accepts), so that the first requests
    /// are not refused as "not probed yet" while the database answers.
    /// </summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await ProbeAsync(cancellationToken).ConfigureAwait(false);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(settings.HealthInterval);
        while (await WaitAsync(timer, stoppingToken).ConfigureAwait(false))
        {
            await ProbeAsync(stoppingToken).ConfigureAwait(false);
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancel)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancel).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private DbConnection Connect() => journal.Provider == JournalProvider.Sqlite
        ? new SqliteConnection(journal.ConnectionString)
        : new NpgsqlConnection(new NpgsqlConnectionStringBuilder(journal.ConnectionString) { Timeout = 3, CommandTimeout = 3 }.ConnectionString);
}
