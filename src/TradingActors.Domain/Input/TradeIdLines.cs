using TradingActors.Domain.State;

namespace TradingActors.Domain.Input;

/// <summary>
/// The line where each trade id of one strategy first appears in a file, for <see cref="TradeFileReader"/>'s check
/// that no id repeats. Ids are kept as their 128-bit digest (<see cref="TradeIdSet.Digest(string)"/>, as the state
/// keeps them), not as strings: a million-trade file then costs about 40 bytes per id and keeps no id string alive. A
/// false "already appears" needs two ids colliding on 128 bits (about 1e-26 for a million ids).
/// </summary>
/// <remarks>
/// The layout of <see cref="TradeIdStore"/>: digests and lines in insertion order, and an open-addressing index (linear
/// probing, load at most one half) whose slots hold a 32-bit fingerprint of the digest beside its ordinal + 1 (0 marks
/// a free slot), so recording a new id touches one random cache line.
/// </remarks>
internal sealed class TradeIdLines
{
    private UInt128[] _digests = new UInt128[16];
    private long[] _lines = new long[16];
    private ulong[] _index = new ulong[32];
    private int _count;

    /// <summary>
    /// Records that <paramref name="tradeId"/> appears on <paramref name="line"/>; when it was recorded before, records
    /// nothing and returns the line of its first appearance (else 0).
    /// </summary>
    public long FirstLineOrAdd(string tradeId, long line)
    {
        var digest = TradeIdSet.Digest(tradeId);
        var mask = _index.Length - 1;
        var fingerprint = Fingerprint(digest);
        var slot = SlotOf(digest, mask);
        for (; _index[slot] != 0; slot = (slot + 1) & mask)
        {
            var entry = _index[slot];
            if ((uint)(entry >> 32) == fingerprint && _digests[(int)(uint)entry - 1] == digest)
            {
                return _lines[(int)(uint)entry - 1];
            }
        }
        if (_count == _digests.Length)
        {
            Array.Resize(ref _digests, _count * 2);
            Array.Resize(ref _lines, _count * 2);
        }
        _digests[_count] = digest;
        _lines[_count] = line;
        _count++;
        if (_count * 2 > _index.Length)
        {
            Rehash(_index.Length * 2); // places every digest, this one included
        }
        else
        {
            _index[slot] = Entry(digest, _count);
        }
        return 0;
    }

    private void Rehash(int size)
    {
        _index = new ulong[size];
        var mask = size - 1;
        for (var i = 0; i < _count; i++)
        {
            var slot = SlotOf(_digests[i], mask);
            while (_index[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }
            _index[slot] = Entry(_digests[i], i + 1);
        }
    }

    private static ulong Entry(UInt128 digest, int ordinalPlusOne) =>
        ((ulong)Fingerprint(digest) << 32) | (uint)ordinalPlusOne;

    private static int SlotOf(UInt128 digest, int mask) => (int)(ulong)digest & mask;

    private static uint Fingerprint(UInt128 digest) => (uint)(digest >> 64);
}
