using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace TradingActors.Domain.Input;

/// <summary>
/// The trade ids of a file's rows as 64-bit fingerprints of (strategy id, trade id), in file order, for
/// <see cref="TradeCursor"/>'s check that no trade id repeats for the same strategy.
/// </summary>
/// <remarks>
/// Recording an id is an append: 8 bytes, in order. A hash set of a million ids, which the check used to be, costs a
/// cache and TLB miss per row (about 0.4 s per million rows on the reference machine); here the fingerprints are
/// sorted once, when the file has been read (about 80 ms per million). A fingerprint found twice is only a candidate:
/// the cursor confirms it by reading the rows again, so two ids sharing a fingerprint (about 3e-8 for a million ids)
/// cost a second read, never a wrong answer.
/// </remarks>
/// <param name="mask">Bits of the fingerprint kept: all of them, except in tests that need ids to collide.</param>
internal sealed class TradeIdFingerprints(ulong mask = ulong.MaxValue)
{
    private ulong[] _fingerprints = new ulong[1024];
    private string? _lastStrategyId;
    private ulong _lastSeed;

    /// <summary>Rows recorded.</summary>
    public int Count { get; private set; }

    /// <summary>Records a row's ids.</summary>
    public void Add(string? strategyId, string tradeId)
    {
        if (!ReferenceEquals(strategyId, _lastStrategyId))
        {
            _lastSeed = Seed(strategyId); // the reader pools strategy ids: a run of one strategy hashes it once
            _lastStrategyId = strategyId;
        }
        if (Count == _fingerprints.Length)
        {
            Array.Resize(ref _fingerprints, Count * 2);
        }
        _fingerprints[Count++] = Fingerprint(_lastSeed, tradeId);
    }

    /// <summary>The fingerprint of a row's ids (<paramref name="strategyId"/> empty: the row names no strategy).</summary>
    public ulong Of(ReadOnlySpan<char> strategyId, ReadOnlySpan<char> tradeId) =>
        Fingerprint(Seed(strategyId), tradeId);

    /// <summary>
    /// The fingerprints recorded more than once, usually none. Sorts what was recorded: call it once, when no row will
    /// be added.
    /// </summary>
    public HashSet<ulong> Repeated()
    {
        var recorded = _fingerprints.AsSpan(0, Count);
        recorded.Sort();
        var repeated = new HashSet<ulong>();
        for (var i = 1; i < recorded.Length; i++)
        {
            if (recorded[i] == recorded[i - 1])
            {
                repeated.Add(recorded[i]);
            }
        }
        return repeated;
    }

    private ulong Fingerprint(ulong seed, ReadOnlySpan<char> tradeId) =>
        XxHash3.HashToUInt64(MemoryMarshal.AsBytes(tradeId), (long)seed) & mask;

    /// <summary>The hash seed of a strategy: 0 for rows without one.</summary>
    private static ulong Seed(ReadOnlySpan<char> strategyId) =>
        strategyId.IsEmpty ? 0 : XxHash3.HashToUInt64(MemoryMarshal.AsBytes(strategyId));
}
