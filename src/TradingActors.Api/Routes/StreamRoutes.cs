using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using TradingActors.Api.Errors;
using TradingActors.Api.Gateway;
using TradingActors.Api.Replies;
using TradingActors.Api.Stream;
using TradingActors.Domain;

namespace TradingActors.Api.Routes;

/// <summary>
/// Route 10 (docs/api.md, "The event stream"): server-sent events of snapshots and risk decisions as they happen,
/// <c>?strategy=</c> to follow one strategy (starting with its current snapshot), <c>Last-Event-ID</c> to get the
/// decisions missed, heartbeats when idle, and a <c>reset</c> when the server cannot say what was missed.
/// </summary>
public static class StreamRoutes
{
    public static RouteGroupBuilder MapStreamRoutes(this RouteGroupBuilder v1)
    {
        v1.MapGet("/stream", Open)
            .WithName("Stream")
            .WithTags("stream")
            .WithSummary("Server-sent events: snapshot, exposure, limit, reset; resume with Last-Event-ID")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesErrors(400, 401);
        return v1;
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ServerSentEventsResult<string> Open(
        string? strategy, HttpRequest request, StreamHub hub, StrategyGateway gateway, ApiSettings settings)
    {
        if (strategy is not null && StrategyIds.Problem("strategy", strategy) is { } bad)
        {
            throw new ApiProblemException(StatusCodes.Status400BadRequest, ApiErrorCodes.InvalidStrategyId, bad);
        }
        var after = LastEventId(request.Headers["Last-Event-ID"], strategy);
        // Registered before anything is read, so that no decision falls between the replay and the live events.
        var (client, missed) = hub.Open(strategy, strategy is null ? after : null);
        return TypedResults.ServerSentEvents(Events(
            client, missed, after, hub, gateway, settings, request.HttpContext.Response, request.HttpContext.RequestAborted));
    }

    private static async IAsyncEnumerable<SseItem<string>> Events(
        StreamClient client,
        IReadOnlyList<StreamEvent>? missed,
        (string StrategyId, long SequenceNr)? after,
        StreamHub hub,
        StrategyGateway gateway,
        ApiSettings settings,
        HttpResponse response,
        [EnumeratorCancellation] CancellationToken cancel)
    {
        try
        {
            // The status and headers go out now: a client learns that it is connected (EventSource's open) even when
            // no event is due before the first heartbeat.
            await response.StartAsync(cancel).ConfigureAwait(false);
            await response.Body.FlushAsync(cancel).ConfigureAwait(false);
            // The highest decision already sent per strategy: the live queue may repeat what a replay sent.
            var sent = new Dictionary<string, long>(StringComparer.Ordinal);
            if (client.StrategyId is { } id)
            {
                var snapshot = await TryAsync(() => gateway.MetricsAsync(id, cancel)).ConfigureAwait(false);
                if (snapshot is not null)
                {
                    yield return Item(new StreamEvent("snapshot", null, id, snapshot.SequenceNr,
                        JsonReply.Text(w => ReplyWriters.Snapshot(w, snapshot))));
                }
                if (after is { } a)
                {
                    // One strategy's decisions are all in its journal: the replay is exact however old the id.
                    var decisions = await TryAsync(() => gateway.RiskEventsAsync(id, a.SequenceNr, cancel)).ConfigureAwait(false);
                    if (decisions is null)
                    {
                        yield return Reset("the journal could not be read to replay the missed decisions; re-read the exposure");
                    }
                    else
                    {
                        foreach (var (sequenceNr, decision) in decisions)
                        {
                            sent[id] = sequenceNr;
                            yield return Item(StreamHub.Event(id, sequenceNr, decision));
                        }
                    }
                }
            }
            else if (after is not null)
            {
                if (missed is null)
                {
                    yield return Reset($"Last-Event-ID {after.Value.StrategyId}:{after.Value.SequenceNr.ToString(CultureInfo.InvariantCulture)} is older than the server's buffer; re-read the metrics and exposure you follow");
                }
                else
                {
                    foreach (var e in missed)
                    {
                        sent[e.StrategyId] = Math.Max(sent.GetValueOrDefault(e.StrategyId), e.SequenceNr);
                        yield return Item(e);
                    }
                }
            }

            var reader = client.Events;
            while (true)
            {
                using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancel);
                idle.CancelAfter(settings.HeartbeatInterval);
                bool more;
                try
                {
                    more = await reader.WaitToReadAsync(idle.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
                {
                    more = true; // idle: a heartbeat
                }
                if (!more)
                {
                    break;
                }
                if (!reader.TryPeek(out _))
                {
                    yield return new SseItem<string>(string.Empty);
                    continue;
                }
                while (reader.TryRead(out var e))
                {
                    if (e.Id is not null && sent.TryGetValue(e.StrategyId, out var upTo) && e.SequenceNr <= upTo)
                    {
                        continue;
                    }
                    yield return Item(e);
                }
            }
            if (client.Overflowed)
            {
                yield return Reset($"this connection fell {settings.ClientBuffer} events behind and is closed; reconnect with Last-Event-ID and re-read the metrics");
            }
        }
        finally
        {
            hub.Close(client);
        }
    }

    private static SseItem<string> Item(StreamEvent e) => new(e.Data, e.Type) { EventId = e.Id };

    private static SseItem<string> Reset(string reason) =>
        new(JsonReply.Text(w =>
        {
            w.WriteStartObject();
            w.WriteString("reason", reason);
            w.WriteEndObject();
        }), "reset");

    /// <summary>The answer, or null when the strategy has none or did not answer (the stream goes on live).</summary>
    private static async Task<T?> TryAsync<T>(Func<Task<T>> read)
        where T : class
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (ApiProblemException)
        {
            return null;
        }
    }

    /// <summary>
    /// <c>Last-Event-ID: strategy:sequence_nr</c> (the id of an <c>exposure</c> or <c>limit</c> event), which must name the
    /// followed strategy when there is one.
    /// </summary>
    private static (string StrategyId, long SequenceNr)? LastEventId(string? header, string? strategy)
    {
        if (string.IsNullOrEmpty(header))
        {
            return null;
        }
        var colon = header.LastIndexOf(':');
        if (colon <= 0 || !StrategyIds.IsValid(header[..colon])
            || !long.TryParse(header.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var sequenceNr))
        {
            throw ApiProblemException.InvalidInput($"Last-Event-ID: must be <strategy_id>:<sequence_nr> as the stream's ids are, got '{BodyFieldText(header)}'");
        }
        var id = header[..colon];
        if (strategy is not null && id != strategy)
        {
            throw ApiProblemException.InvalidInput($"Last-Event-ID: names strategy '{id}' but the stream follows '{strategy}'");
        }
        return (id, sequenceNr);
    }

    private static string BodyFieldText(string text) => text.Length <= 64 ? text : string.Concat(text.AsSpan(0, 61), "...");
}
