using TradingActors.Domain.Risk;

namespace TradingActors.Domain.Tests.Risk;

/// <summary>
/// The number forms of reasons and policy problems, as the JVM build printed them (<c>BigDecimal</c> with 4 decimals,
/// <c>%.2f</c>, <c>Double.toString</c>, <c>Duration.toString</c>). Not a port of one Java test: the expected strings
/// are what Java prints for each input.
/// </summary>
public sealed class JvmNumberFormatTests
{
    [Theory]
    [InlineData(1.0, "1")]
    [InlineData(0.5, "0.5")]
    [InlineData(0.25, "0.25")]
    [InlineData(0.0, "0")]
    [InlineData(3.0, "3")]
    [InlineData(-500.0, "-500")]
    [InlineData(-612.5, "-612.5")]
    [InlineData(10000.0, "10000")]
    [InlineData(7920.0, "7920")]
    [InlineData(-101.55, "-101.55")]
    [InlineData(0.12345, "0.1234")] // half-even on the decimal 0.12345
    [InlineData(0.12355, "0.1236")]
    [InlineData(-0.00004, "0")]
    [InlineData(1e-5, "0")]
    [InlineData(1e20, "100000000000000000000")]
    [InlineData(123456.789012, "123456.789")]
    public void Numbers_in_reasons_have_at_most_4_decimals_and_no_trailing_zeros(double x, string expected) =>
        Assert.Equal(expected, JvmNumberFormat.Number(x));

    // xunit sees 0.0 and -0.0 as the same inline data: the negative zeros are checked here.
    [Fact]
    public void A_negative_zero_is_0_in_a_reason_and_keeps_its_sign_as_a_java_double()
    {
        Assert.Equal("0", JvmNumberFormat.Number(-0.0));
        Assert.Equal("-0.0", JvmNumberFormat.Double(-0.0));
        Assert.Equal("-0.00%", JvmNumberFormat.Percent(-0.0));
    }

    [Theory]
    [InlineData(0.10257906138776152, "10.26%")]
    [InlineData(0.1, "10.00%")]
    [InlineData(0.02, "2.00%")]
    [InlineData(0.05, "5.00%")]
    [InlineData(-0.052, "-5.20%")]
    [InlineData(0.0, "0.00%")]
    [InlineData(-0.00001, "-0.00%")]
    [InlineData(0.00125, "0.13%")] // half-up on the shortest decimal 0.125
    [InlineData(0.2080, "20.80%")]
    [InlineData(1.0, "100.00%")]
    public void Percentages_have_2_decimals(double fraction, string expected) =>
        Assert.Equal(expected, JvmNumberFormat.Percent(fraction));

    [Theory]
    [InlineData(2.0, "2.0")]
    [InlineData(0.6, "0.6")]
    [InlineData(-1.0, "-1.0")]
    [InlineData(0.0, "0.0")]
    [InlineData(1.5, "1.5")]
    [InlineData(1000.0, "1000.0")]
    [InlineData(0.001, "0.001")]
    [InlineData(0.0001, "1.0E-4")]
    [InlineData(1e7, "1.0E7")]
    [InlineData(12345678.9, "1.23456789E7")]
    [InlineData(9999999.0, "9999999.0")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void Policy_values_print_as_java_doubles(double x, string expected) =>
        Assert.Equal(expected, JvmNumberFormat.Double(x));

    [Theory]
    [InlineData(-5 * 60_000L, "PT-5M")]
    [InlineData(30 * 60_000L, "PT30M")]
    [InlineData(2 * 3_600_000L, "PT2H")]
    [InlineData(0L, "PT0S")]
    [InlineData(500L, "PT0.5S")]
    [InlineData(-500L, "PT-0.5S")]
    [InlineData(90_061_001L, "PT25H1M1.001S")]
    [InlineData(-1_500L, "PT-1.5S")]
    public void Durations_print_as_java_durations(long milliseconds, string expected) =>
        Assert.Equal(expected, JvmNumberFormat.Duration(TimeSpan.FromMilliseconds(milliseconds)));
}
