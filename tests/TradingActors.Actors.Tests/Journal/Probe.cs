using System.Threading.Channels;
using Akka.Actor;

namespace TradingActors.Actors.Tests.Journal;

/// <summary>An actor that keeps every message it gets, for a test to await in order (a subscriber, an event stream listener).</summary>
public sealed class Probe
{
    private static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(30);

    private readonly Channel<object> _messages = Channel.CreateUnbounded<object>();

    public Probe(ActorSystem system)
    {
        var writer = _messages.Writer;
        Ref = system.ActorOf(Props.Create(() => new Keeper(writer)));
    }

    public IActorRef Ref { get; }

    /// <summary>The next message, which must be a <typeparamref name="T"/>.</summary>
    public async Task<T> ExpectAsync<T>(TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? DefaultWait);
        object message;
        try
        {
            message = await _messages.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"no {typeof(T).Name} within {within ?? DefaultWait}");
        }
        return Assert.IsType<T>(message);
    }

    /// <summary>Nothing arrives during <paramref name="quiet"/>.</summary>
    public async Task ExpectNoMessageAsync(TimeSpan quiet)
    {
        await Task.Delay(quiet);
        Assert.False(_messages.Reader.TryRead(out var message), $"unexpected message {message}");
    }

    private sealed class Keeper(ChannelWriter<object> writer) : UntypedActor
    {
        protected override void OnReceive(object message) => writer.TryWrite(message);
    }
}
