using Akka.Actor;

namespace TradingActors.Actors.Performance;

/// <summary>
/// Subscribe <paramref name="Subscriber"/> to the strategy's <see cref="Domain.MetricsSnapshot"/>s, one after every
/// persisted batch; answered with the current snapshot. The subscription ends when the subscriber stops, or the
/// strategy's entity does (passivation): subscribers that must not miss anything resubscribe on <see cref="Terminated"/>.
/// </summary>
public sealed record SubscribeSnapshots(string StrategyId, IActorRef Subscriber) : IStrategyMessage;
