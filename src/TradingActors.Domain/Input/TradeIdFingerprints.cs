using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace TradingActors.Domain.Input;

/// <summary>
/// The trade ids of one strategy seen so far in a file, as 64-bit fingerprints, for <see cref="TradeCursor"/>'s check
/// that no id repeats: a million ids take 16 MB (slots of 8 bytes, at most half full) and keep no id string alive, and
/// recording one touches one random cache line.
/// </summary>
/// <remarks>
/// A fingerprint seen before only says that the id may repeat: the cursor then looks for the earlier row by reading
/// the file again (which also gives its line for the message), so two ids sharing a fingerprint (about 3e-8 for a
/// million ids) cost a second read, never a wrong answer.
/// </remarks>
/// <param name="mask">Bits of the fingerprint kept: all of them, except in tests that need ids to collide.</param>
internal sealed class TradeIdFingerprints(ulong mask = ulong.MaxValue)
{
    private ulong[] _slots = new ulong[64];
    private int _count;

    /// <summary>Records the id; false when its fingerprint was recorded before (the id may repeat an earlier one).</summary>
    public bool Add(string tradeId)
    {
        var fingerprint = Fingerprint(tradeId);
        var slotMask = _slots.Length - 1;
        var slot = SlotOf(fingerprint, slotMask);
        for (; _slots[slot] != 0; slot = (slot + 1) & slotMask)
        {
            if (_slots[slot] == fingerprint)
            {
                return false;
            }
        }
        _slots[slot] = fingerprint;
        _count++;
        if (_count * 2 > _slots.Length)
        {
            Grow();
        }
        return true;
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new ulong[old.Length * 2];
        var slotMask = _slots.Length - 1;
        foreach (var fingerprint in old)
        {
            if (fingerprint != 0)
            {
                var slot = SlotOf(fingerprint, slotMask);
                while (_slots[slot] != 0)
                {
                    slot = (slot + 1) & slotMask;
                }
                _slots[slot] = fingerprint;
            }
        }
    }

    /// <summary>The id's fingerprint, never 0 (which marks a free slot: a hash of 0 shares the fingerprint 1).</summary>
    private ulong Fingerprint(string tradeId)
    {
        var fingerprint = XxHash3.HashToUInt64(MemoryMarshal.AsBytes(tradeId.AsSpan())) & mask;
        return fingerprint != 0 ? fingerprint : 1;
    }

    private static int SlotOf(ulong fingerprint, int slotMask) => (int)fingerprint & slotMask;
}
