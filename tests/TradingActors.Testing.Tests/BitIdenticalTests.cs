using Xunit.Sdk;

namespace TradingActors.Testing.Tests;

/// <summary>The parity suites' comparator must see every bit: a comparator that passes everything proves nothing.</summary>
public sealed class BitIdenticalTests
{
    private sealed record Inner(double X, double? Y, DateTimeOffset At);

    private sealed record Outer(string Name, Inner Inner, IReadOnlyList<double> Values, long Count);

    private static Outer Sample(double x = 1.5, double? y = null, double last = 3.0, long count = 7) =>
        new("a", new Inner(x, y, new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero)), [1.0, 2.0, last], count);

    [Fact]
    public void Equal_values_built_apart_are_identical_and_a_list_equals_an_array_of_the_same_elements()
    {
        BitIdentical.Assert("same", Sample(), Sample());
        BitIdentical.Assert("sequences", new List<double> { 1, 2 }, new[] { 1.0, 2.0 });
    }

    [Fact]
    public void Doubles_are_compared_by_their_bits_and_every_differing_field_is_named_by_its_path()
    {
        Assert.Equal(["x.Inner.X: 0 (bits 0000000000000000) vs -0 (bits 8000000000000000)"],
            BitIdentical.Differences("x", Sample(x: 0.0), Sample(x: -0.0)));
        Assert.Single(BitIdentical.Differences("x", Sample(x: 0.1 + 0.2), Sample(x: 0.3)));
        Assert.Empty(BitIdentical.Differences("x", Sample(x: double.NaN), Sample(x: double.NaN)));
        Assert.Equal(["x.Inner.Y: null vs 2 (bits 4000000000000000)", "x.Values[2]: 3 (bits 4008000000000000) vs 4 (bits 4010000000000000)", "x.Count: 7 vs 8"],
            BitIdentical.Differences("x", Sample(), Sample(y: 2, last: 4, count: 8)));
        Assert.Throws<XunitException>(() => BitIdentical.Assert("x", Sample(), Sample(last: 3.0000000000000004)));
    }

    [Fact]
    public void Instants_differ_by_offset_as_well_as_by_time_and_lists_by_length()
    {
        var utc = new DateTimeOffset(2025, 3, 1, 1, 0, 0, TimeSpan.Zero);
        Assert.Single(BitIdentical.Differences("t", utc, utc.ToOffset(TimeSpan.FromHours(1))));
        Assert.Equal(["l: 2 elements vs 3"], BitIdentical.Differences("l", new[] { 1.0, 2.0 }, new[] { 1.0, 2.0, 3.0 }));
    }

    [Fact]
    public void A_manual_clock_moves_only_when_told()
    {
        var start = new DateTimeOffset(2025, 3, 3, 10, 0, 0, TimeSpan.FromHours(2));
        var clock = new ManualClock(start);
        Assert.Equal(start, clock.GetUtcNow());
        Assert.Equal(TimeSpan.Zero, clock.GetUtcNow().Offset);
        Assert.Equal(start.AddMinutes(30), clock.Advance(TimeSpan.FromMinutes(30)));
        clock.Set(start.AddDays(-1));
        Assert.Equal(start.AddDays(-1), clock.GetUtcNow());
    }
}
