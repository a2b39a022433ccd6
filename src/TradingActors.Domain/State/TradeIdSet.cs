using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace TradingActors.Domain.State;

/// <summary>
/// The trade ids a strategy has recorded, so that a retried trade changes nothing. A value; versions share one store.
/// Ids are kept as 128-bit XxHash128 digests of their UTF-16 text whatever their length: a false "already recorded"
/// needs two ids colliding on 128 bits (about 1e-26 for a million trades). This is the one part of the state that grows
/// with every trade, by design: 16 bytes for the digest plus 8 to 16 for the open-addressing index.
/// </summary>
/// <remarks>
/// The store holds the digests in insertion order (a version of size n owns the first n) and an index of their
/// ordinals. Only the version at the store's tip inserts in place; another version copies its own digests first. So
/// <see cref="Plus(UInt128)"/> is O(1) amortised and older versions stay correct: an index entry with an ordinal at or past a
/// version's size is simply not that version's.
/// </remarks>
public readonly struct TradeIdSet : IEquatable<TradeIdSet>
{
    private readonly TradeIdStore? _store;

    private TradeIdSet(TradeIdStore? store, int count)
    {
        _store = store;
        Count = count;
    }

    /// <summary>Ids recorded.</summary>
    public int Count { get; }

    /// <summary>The digest an id is kept as.</summary>
    public static UInt128 Digest(string tradeId) =>
        XxHash128.HashToUInt128(MemoryMarshal.AsBytes(tradeId.AsSpan()));

    /// <summary>Rebuilds a set from <see cref="Digests"/>, keeping insertion order (a repeated digest is kept once).</summary>
    public static TradeIdSet FromDigests(ReadOnlySpan<UInt128> digests)
    {
        var set = default(TradeIdSet);
        foreach (var d in digests)
        {
            set = set.Plus(d);
        }
        return set;
    }

    /// <summary>Whether the id has been recorded.</summary>
    public bool Contains(string tradeId) => Contains(Digest(tradeId));

    /// <summary>Whether the digest has been recorded.</summary>
    public bool Contains(UInt128 digest) => _store is not null && _store.Contains(digest, Count);

    /// <summary>This set with the id; the same set when it is already there.</summary>
    public TradeIdSet Plus(string tradeId) => Plus(Digest(tradeId));

    /// <summary>This set with the digest; the same set when it is already there.</summary>
    public TradeIdSet Plus(UInt128 digest)
    {
        var store = TradeIdStore.Add(_store, Count, digest);
        return store is null ? this : new TradeIdSet(store, Count + 1);
    }

    /// <summary>The digests in insertion order (a copy): what a state snapshot stores.</summary>
    public UInt128[] Digests() => _store?.Copy(Count) ?? [];

    public bool Equals(TradeIdSet other) =>
        Count == other.Count && (_store == other._store || Digests().AsSpan().SequenceEqual(other.Digests()));

    public override bool Equals(object? obj) => obj is TradeIdSet other && Equals(other);

    public override int GetHashCode() => Count;

    public static bool operator ==(TradeIdSet left, TradeIdSet right) => left.Equals(right);

    public static bool operator !=(TradeIdSet left, TradeIdSet right) => !left.Equals(right);
}
