using FsCheck;
using FsCheck.Fluent;
using TradingActors.Domain.Events;
using TradingActors.Domain.Risk;

namespace TradingActors.Actors.Tests.Serialization;

/// <summary>
/// FsCheck arbitraries of every message the journal holds, valid or not (the serializer must keep whatever it is
/// given): doubles of any bit pattern (NaN with payloads, infinities, −0.0, subnormals, extremes), nulls for every
/// nullable field, instants from year 1 to year 9999 with sub-millisecond ticks and offsets from −14 h to +14 h, dates
/// at both ends of <see cref="DateOnly"/>, and text from ASCII to surrogate pairs.
/// </summary>
public static class MessageArbitraries
{
    // Declared before their users: static initializers run in text order.
    private static Gen<TimeSpan> Offsets { get; } = Gen.Frequency(
        (1, Gen.Constant(TimeSpan.Zero)),
        (1, Gen.Choose(-14 * 60, 14 * 60).Select(minutes => TimeSpan.FromMinutes(minutes))));

    /// <summary>Doubles: a third special values, a third any 64-bit pattern, a third ordinary magnitudes.</summary>
    public static Gen<double> Doubles { get; } = Gen.OneOf(
        Gen.Elements(
            0.0, -0.0, double.NaN, -double.NaN, BitConverter.Int64BitsToDouble(0x7FF0_0000_0000_0001),
            double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, -double.Epsilon, double.MaxValue,
            double.MinValue, 1.0, 0.5, 9999.9999),
        Longs().Select(BitConverter.Int64BitsToDouble),
        from mantissa in Gen.Choose(-1_000_000, 1_000_000)
        from exponent in Gen.Choose(-12, 12)
        select mantissa * Math.Pow(10, exponent));

    public static Gen<double?> NullableDoubles { get; } =
        Gen.Frequency((1, Gen.Constant<double?>(null)), (3, Doubles.Select(d => (double?)d)));

    /// <summary>Instants: realistic ones (2000–2038) at whole ms or not, and any instant of the type's range.</summary>
    public static Gen<DateTimeOffset> Instants { get; } = Gen.OneOf(
        from seconds in Gen.Choose(946_684_800, int.MaxValue) // 2000-01-01 to 2038-01-19
        from ms in Gen.Choose(0, 999)
        from ticks in Gen.Frequency((1, Gen.Constant(0)), (1, Gen.Choose(0, 9_999)))
        from offset in Offsets
        select AtOffset(
            DateTimeOffset.UnixEpoch.Ticks + seconds * TimeSpan.TicksPerSecond + ms * TimeSpan.TicksPerMillisecond
            + ticks,
            offset),
        Gen.Elements(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, DateTimeOffset.UnixEpoch,
            DateTimeOffset.UnixEpoch.AddTicks(-1), DateTimeOffset.UnixEpoch.AddTicks(1)),
        from bits in Longs()
        from offset in Offsets
        select AtOffset(
            DateTimeOffset.MinValue.Ticks + (long)((ulong)bits % (ulong)(DateTimeOffset.MaxValue.Ticks + 1)), offset));

    public static Gen<DateTimeOffset?> NullableInstants { get; } =
        Gen.Frequency((1, Gen.Constant<DateTimeOffset?>(null)), (3, Instants.Select(t => (DateTimeOffset?)t)));

    public static Gen<DateOnly?> NullableDates { get; } = Gen.Frequency(
        (1, Gen.Constant<DateOnly?>(null)),
        (1, Gen.Elements<DateOnly?>(DateOnly.MinValue, DateOnly.MaxValue, new DateOnly(1970, 1, 1))),
        (3, Gen.Choose(DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber)
            .Select(n => (DateOnly?)DateOnly.FromDayNumber(n))));

    /// <summary>Well-formed text, empty included: ASCII, accents, CJK, emoji (surrogate pairs), controls.</summary>
    public static Gen<string> Texts { get; } =
        Gen.ArrayOf(Gen.Elements("a", "Z", "7", "-", "_", ".", " ", "é", "中", "😀", "\0", "\t", "\"", "; ", "->"))
            .Select(string.Concat);

    public static Gen<long> LongValues { get; } = Longs();

    private static Gen<RiskRule> Rules { get; } = Gen.Elements(Enum.GetValues<RiskRule>());

    private static Gen<RiskInputs> Inputs { get; } =
        from sequenceNr in LongValues
        from asOf in NullableInstants
        from counts in Gen.Three(LongValues)
        from balance in Gen.Two(NullableDoubles)
        from day in NullableDates
        from opening in NullableDoubles
        from dayNetPnl in Doubles
        select new RiskInputs(
            sequenceNr, asOf, counts.Item1, counts.Item2, counts.Item3, balance.Item1, balance.Item2, day, opening,
            dayNetPnl);

    private static Gen<RiskLimits> Limits { get; } =
        from limits in Gen.Three(Doubles)
        from halted in Gen.Elements(true, false)
        from lastCut in NullableInstants
        from day in NullableDates
        from streak in Gen.Two(LongValues)
        select new RiskLimits(
            limits.Item1, limits.Item2, limits.Item3, halted, lastCut, day, streak.Item1, streak.Item2);

    private static Gen<ExposureChanged> ExposureChanges { get; } =
        from fromTo in Gen.Two(Doubles)
        from rule in Rules
        from reason in Texts
        from sequenceNr in LongValues
        from figures in Gen.OrNull(Inputs)
        from at in Instants
        from limits in Limits
        select new ExposureChanged(fromTo.Item1, fromTo.Item2, rule, reason, sequenceNr, figures, at, limits);

    public static Arbitrary<TradeClosed> TradeCloseds() => Arb.From(
        from ids in Gen.Two(Texts)
        from side in Gen.Elements(Side.Long, Side.Short)
        from times in Gen.Two(Instants)
        from prices in Gen.Three(Doubles)
        from amounts in Gen.Three(Doubles)
        from optionals in Gen.Three(NullableDoubles)
        select new TradeClosed(
            ids.Item1, ids.Item2, side, times.Item1, times.Item2, prices.Item1, prices.Item2, prices.Item3,
            amounts.Item1, amounts.Item2, amounts.Item3, optionals.Item1, optionals.Item2, optionals.Item3));

    public static Arbitrary<BalanceUpdated> BalanceUpdateds() => Arb.From(
        from time in Instants
        from balance in Doubles
        select new BalanceUpdated(time, balance));

    public static Arbitrary<ExposureChanged> ExposureChangeds() => Arb.From(ExposureChanges);

    public static Arbitrary<LimitChanged> LimitChangeds() => Arb.From(
        from rule in Rules
        from fromTo in Gen.Two(Doubles)
        from reason in Texts
        from sequenceNr in LongValues
        from figures in Gen.OrNull(Inputs)
        from at in Instants
        from limits in Limits
        select new LimitChanged(rule, fromTo.Item1, fromTo.Item2, reason, sequenceNr, figures, at, limits));

    public static Arbitrary<RiskState> RiskStates() => Arb.From(
        from limits in Limits
        from last in Gen.OrNull(ExposureChanges)
        from sequenceNr in LongValues
        select new RiskState(limits, last, sequenceNr));

    /// <summary>The instant of <paramref name="utcTicks"/> shown at <paramref name="offset"/>, or in UTC where the
    /// local time would leave the type's range.</summary>
    private static DateTimeOffset AtOffset(long utcTicks, TimeSpan offset)
    {
        var utc = new DateTimeOffset(utcTicks, TimeSpan.Zero);
        var local = utcTicks + offset.Ticks;
        return local >= DateTimeOffset.MinValue.Ticks && local <= DateTimeOffset.MaxValue.Ticks
            ? utc.ToOffset(offset)
            : utc;
    }

    private static Gen<long> Longs() => Gen.OneOf(
        Gen.Elements(0L, 1L, -1L, long.MinValue, long.MaxValue),
        Gen.Choose(-1_000_000, 1_000_000).Select(i => (long)i),
        from hi in Gen.Choose(int.MinValue, int.MaxValue)
        from lo in Gen.Choose(int.MinValue, int.MaxValue)
        select ((long)hi << 32) | (uint)lo);
}
