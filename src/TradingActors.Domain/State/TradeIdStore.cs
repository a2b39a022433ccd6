namespace TradingActors.Domain.State;

/// <summary>
/// The shared store behind <see cref="TradeIdSet"/>: digests in insertion order, and an open-addressing index (linear
/// probing, load at most one half) whose slots hold a 32-bit fingerprint of the digest beside its ordinal + 1 (0 marks
/// a free slot). Most probes are answered by the fingerprint alone, so recording a new id touches one random cache
/// line, not two. Entries are never removed.
/// </summary>
internal sealed class TradeIdStore
{
    private readonly Lock _gate = new();
    private UInt128[] _digests;
    private ulong[] _index;
    private int _used;

    private TradeIdStore(int capacity)
    {
        _digests = new UInt128[capacity];
        _index = new ulong[IndexSizeFor(capacity)];
    }

    public bool Contains(UInt128 digest, int size)
    {
        lock (_gate)
        {
            return Find(digest) is var ordinal && ordinal >= 0 && ordinal < size;
        }
    }

    /// <summary>
    /// Adds a digest to the version of <paramref name="size"/>: returns the store now holding it (this one when that
    /// version is the tip, else a copy of the version's digests), or null when the version already holds it.
    /// </summary>
    public static TradeIdStore? Add(TradeIdStore? store, int size, UInt128 digest)
    {
        if (store is null)
        {
            var fresh = new TradeIdStore(4);
            fresh.Insert(digest);
            return fresh;
        }
        lock (store._gate)
        {
            var found = store.Find(digest);
            if (found >= 0 && found < size)
            {
                return null;
            }
            if (store._used == size)
            {
                store.Insert(digest);
                return store;
            }
            // Another version has inserted past this one: copy this version's digests into a store of its own.
            var copy = new TradeIdStore(Math.Max(4, size * 2));
            for (var i = 0; i < size; i++)
            {
                copy.Insert(store._digests[i]);
            }
            copy.Insert(digest);
            return copy;
        }
    }

    public UInt128[] Copy(int size)
    {
        lock (_gate)
        {
            return _digests[..size];
        }
    }

    /// <summary>The ordinal of the digest, or −1.</summary>
    private int Find(UInt128 digest)
    {
        var mask = _index.Length - 1;
        var fingerprint = Fingerprint(digest);
        for (var slot = SlotOf(digest, mask); ; slot = (slot + 1) & mask)
        {
            var entry = _index[slot];
            if (entry == 0)
            {
                return -1;
            }
            if ((uint)(entry >> 32) == fingerprint && _digests[(int)(uint)entry - 1] == digest)
            {
                return (int)(uint)entry - 1;
            }
        }
    }

    private void Insert(UInt128 digest)
    {
        if (_used == _digests.Length)
        {
            Array.Resize(ref _digests, _digests.Length * 2);
        }
        if ((_used + 1) * 2 > _index.Length)
        {
            Rehash(_index.Length * 2);
        }
        _digests[_used] = digest;
        _used++;
        Place(digest, _used);
    }

    private void Rehash(int size)
    {
        _index = new ulong[size];
        for (var i = 0; i < _used; i++)
        {
            Place(_digests[i], i + 1);
        }
    }

    private void Place(UInt128 digest, int ordinalPlusOne)
    {
        var mask = _index.Length - 1;
        var slot = SlotOf(digest, mask);
        while (_index[slot] != 0)
        {
            slot = (slot + 1) & mask;
        }
        _index[slot] = ((ulong)Fingerprint(digest) << 32) | (uint)ordinalPlusOne;
    }

    private static int SlotOf(UInt128 digest, int mask) => (int)(ulong)digest & mask;

    private static uint Fingerprint(UInt128 digest) => (uint)(digest >> 64);

    private static int IndexSizeFor(int capacity) =>
        (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)capacity * 2);
}
