using System.Globalization;
using TradingActors.Domain.Input;

namespace TradingActors.Domain.Tests.Input;

/// <summary>Port of the JVM build's <c>StrictNumbersTest</c>, every case; the Java test is named on each.</summary>
public sealed class StrictNumbersTests
{
    // acceptsPlainDecimals
    [Theory]
    [InlineData("12.5", 12.5)]
    [InlineData("-3", -3)]
    [InlineData("+4", 4)]
    [InlineData(".5", 0.5)]
    [InlineData("5.", 5)]
    [InlineData("1e3", 1000)]
    [InlineData("2.5E-2", 0.025)]
    [InlineData("-0", 0)]
    public void Accepts_plain_decimals(string text, double expected)
    {
        Assert.Equal(expected, StrictNumbers.Parse(text));
    }

    // rejectsAnythingElse
    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1,5")]
    [InlineData("1 000")]
    [InlineData("0x10")]
    [InlineData("0x1p3")]
    [InlineData("1d")]
    [InlineData("2f")]
    [InlineData("1e")]
    [InlineData("e5")]
    [InlineData(".")]
    [InlineData("+")]
    [InlineData("1.2.3")]
    [InlineData("١٢")]
    [InlineData("$5")]
    [InlineData(" 5")]
    [InlineData("5 ")]
    public void Rejects_anything_else(string text)
    {
        var e = Assert.Throws<FormatException>(() => StrictNumbers.Parse(text));
        Assert.Equal($"is not a number: '{text}'", e.Message);
    }

    // rejectsNonFiniteWordsAsNotFinite
    [Theory]
    [InlineData("NaN")]
    [InlineData("nan")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("+inf")]
    [InlineData("∞")]
    public void Rejects_non_finite_words_as_not_finite(string text)
    {
        var e = Assert.Throws<FormatException>(() => StrictNumbers.Parse(text));
        Assert.Equal($"must be a finite number, got '{text}'", e.Message);
    }

    // rejectsOverflow
    [Theory]
    [InlineData("1e999")]
    [InlineData("-1e309")]
    // 2^1024 - 2^970: the exact midpoint between double.MaxValue and 2^1024, which rounds (to even) to infinity.
    [InlineData(
        "1797693134862315807937289714053034150799341327100378269361737789804449682927647509466490179775872070"
        + "9633028641669288791094655554785194040263065748867150582068190890200070838367627385484581771153176447"
        + "5730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904"
        + "174497792")]
    public void Rejects_overflow(string text)
    {
        var e = Assert.Throws<FormatException>(() => StrictNumbers.Parse(text));
        Assert.StartsWith("is out of range: ", e.Message, StringComparison.Ordinal);
    }

    // everyFiniteDoubleRoundTripsThroughItsText: edge cases (extremes, subnormals, ±0) plus seeded random bit patterns.
    [Fact]
    public void Every_finite_double_round_trips_through_its_text()
    {
        List<double> values =
        [
            double.MaxValue, -double.MaxValue, double.Epsilon, -double.Epsilon, 2.2250738585072014E-308, 0.0, -0.0,
            1.0, -1.0, 0.1, 1e-300, 123456789.123456789,
        ];
        var random = new Random(7);
        while (values.Count < 5_000)
        {
            var value = BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue));
            if (double.IsFinite(value))
            {
                values.Add(value);
            }
        }
        foreach (var value in values)
        {
            var expected = value == 0 ? 0.0 : value;
            var parsed = StrictNumbers.Parse(value.ToString("R", CultureInfo.InvariantCulture));
            Assert.True(
                BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(parsed),
                $"{value:R} read back as {parsed:R}");
        }
    }

    // Not in the JVM suite: the fast path (at most 15 significant digits, exponent within ±22) and the general one
    // give the correctly rounded double of every decimal, as double.Parse does; seeded random decimals of every shape.
    [Fact]
    public void Every_plain_decimal_reads_as_the_correctly_rounded_double()
    {
        var random = new Random(20251203);
        for (var i = 0; i < 50_000; i++)
        {
            var text = RandomDecimal(random);
            var expected = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) + 0.0;
            if (!double.IsFinite(expected))
            {
                continue;
            }
            var parsed = StrictNumbers.Parse(text);
            Assert.True(
                BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(parsed),
                $"{text}: expected {expected:R}, got {parsed:R}");
        }
    }

    // negativeZeroIsReadAsZero: record equality tells -0.0 from 0.0; a file must not.
    [Theory]
    [InlineData("-0")]
    [InlineData("-0.0")]
    [InlineData("-0e5")]
    public void Negative_zero_is_read_as_zero(string text)
    {
        Assert.Equal(BitConverter.DoubleToInt64Bits(0.0), BitConverter.DoubleToInt64Bits(StrictNumbers.Parse(text)));
    }

    private static string RandomDecimal(Random random)
    {
        const string digits = "0123456789";
        string Digits(int count) => new([.. Enumerable.Range(0, count).Select(_ => digits[random.Next(10)])]);
        var sign = random.Next(3) switch { 0 => "-", 1 => "+", _ => "" };
        var integer = Digits(random.Next(0, 18));
        var fraction = random.Next(3) == 0 ? "" : "." + Digits(random.Next(integer.Length == 0 ? 1 : 0, 18));
        var exponent = random.Next(3) == 0 ? $"e{random.Next(-30, 30)}" : "";
        return integer.Length + fraction.Length <= 1 ? sign + "7" + exponent : sign + integer + fraction + exponent;
    }
}
