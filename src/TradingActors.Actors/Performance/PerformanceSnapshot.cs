using TradingActors.Domain.State;

namespace TradingActors.Actors.Performance;

/// <summary>
/// What the performance actor saves in the snapshot store: its <see cref="PerformanceState"/> as of the snapshot's
/// sequence number. A class around the state rather than the boxed struct itself, so that the snapshot store's
/// <c>SnapshotOffer.Snapshot</c> is matched by one reference type and the snapshot can gain fields without changing
/// what the state is. Serialized as manifest <c>PS1</c> (<see cref="Serialization.TradingActorsSerializer"/>); the
/// state's <see cref="PerformanceState.Settings"/> are not stored but taken from configuration when it is read.
/// </summary>
/// <param name="State">The state folded from the strategy's events up to the snapshot.</param>
public sealed record PerformanceSnapshot(PerformanceState State);
