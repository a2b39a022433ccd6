using System.Globalization;
using System.Numerics;
using System.Text;

namespace TradingActors.Domain.Risk;

/// <summary>
/// Numbers and durations written as the JVM build wrote them in risk reasons and policy problems, so that the strings
/// match it byte for byte. Every method is culture-invariant and starts from the shortest decimal that round-trips the
/// double (what both Java's <c>Double.toString</c> and .NET's "R" produce).
/// </summary>
internal static class JvmNumberFormat
{
    /// <summary>
    /// A number as written in a policy or a reason: at most 4 decimals (half-even), no trailing zeros, no exponent:
    /// <c>1</c>, <c>0.5</c>, <c>0.25</c>, <c>-612.5</c>, <c>10000</c>. (Java's
    /// <c>BigDecimal.valueOf(x).setScale(4, HALF_EVEN).stripTrailingZeros().toPlainString()</c>.)
    /// </summary>
    public static string Number(double x)
    {
        RequireFinite(x);
        var (negative, unscaled, scale) = Decimal(x);
        (unscaled, scale) = Round(unscaled, scale, 4, halfEven: true);
        while (scale > 0 && !unscaled.IsZero && unscaled % 10 == 0)
        {
            unscaled /= 10;
            scale--;
        }
        if (unscaled.IsZero)
        {
            return "0"; // BigDecimal has no negative zero
        }
        return Plain(negative, unscaled, scale);
    }

    /// <summary>
    /// A fraction as a percentage with 2 decimals (half-up on the shortest decimal) and a <c>%</c>:
    /// <c>0.1026</c> → <c>10.26%</c>. (Java's <c>String.format(Locale.ROOT, "%.2f%%", x * 100)</c>, sign of a
    /// negative zero included.)
    /// </summary>
    public static string Percent(double fraction)
    {
        var x = fraction * 100.0;
        RequireFinite(x);
        var (negative, unscaled, scale) = Decimal(x);
        (unscaled, scale) = Round(unscaled, scale, 2, halfEven: false);
        if (scale < 2)
        {
            unscaled *= BigInteger.Pow(10, 2 - scale);
            scale = 2;
        }
        return Plain(negative, unscaled, scale) + "%";
    }

    /// <summary>
    /// Java's <c>Double.toString</c>: <c>2.0</c>, <c>0.6</c>, <c>-1.0</c>, <c>1.0E-4</c>, <c>1.0E7</c> (plain with at
    /// least one decimal for magnitudes in [0.001, 10⁷), computerized scientific notation otherwise).
    /// </summary>
    public static string Double(double x)
    {
        if (double.IsNaN(x))
        {
            return "NaN";
        }
        if (double.IsInfinity(x))
        {
            return x > 0 ? "Infinity" : "-Infinity";
        }
        var (negative, digits, exponent) = Shortest(x);
        var sb = new StringBuilder();
        if (negative)
        {
            sb.Append('-');
        }
        var magnitude = Math.Abs(x);
        if (magnitude == 0.0 || (magnitude >= 1e-3 && magnitude < 1e7))
        {
            if (exponent >= 0)
            {
                var integerDigits = exponent + 1;
                sb.Append(digits.Length >= integerDigits
                    ? digits[..integerDigits]
                    : digits.PadRight(integerDigits, '0'));
                sb.Append('.');
                sb.Append(digits.Length > integerDigits ? digits[integerDigits..] : "0");
            }
            else
            {
                sb.Append("0.").Append('0', -exponent - 1).Append(digits);
            }
        }
        else
        {
            sb.Append(digits[0]).Append('.').Append(digits.Length > 1 ? digits[1..] : "0");
            sb.Append('E').Append(exponent.ToString(CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    /// <summary>
    /// Java's <c>Duration.toString</c> (ISO-8601, hours at most): <c>PT30M</c>, <c>PT-5M</c>, <c>PT2H</c>,
    /// <c>PT0.5S</c>, <c>PT0S</c>.
    /// </summary>
    public static string Duration(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
        {
            return "PT0S";
        }
        var ticks = duration.Ticks;
        var seconds = Math.DivRem(ticks, TimeSpan.TicksPerSecond, out var remainder);
        if (remainder < 0)
        {
            seconds--;
            remainder += TimeSpan.TicksPerSecond;
        }
        var nanos = remainder * 100;
        var effective = seconds < 0 && nanos > 0 ? seconds + 1 : seconds;
        var hours = effective / 3600;
        var minutes = effective % 3600 / 60;
        var secs = effective % 60;
        var sb = new StringBuilder("PT");
        if (hours != 0)
        {
            sb.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('H');
        }
        if (minutes != 0)
        {
            sb.Append(minutes.ToString(CultureInfo.InvariantCulture)).Append('M');
        }
        if (secs == 0 && nanos == 0 && sb.Length > 2)
        {
            return sb.ToString();
        }
        sb.Append(seconds < 0 && nanos > 0 && secs == 0 ? "-0" : secs.ToString(CultureInfo.InvariantCulture));
        if (nanos > 0)
        {
            var position = sb.Length;
            var fraction = seconds < 0 ? (2 * 1_000_000_000L) - nanos : nanos + 1_000_000_000L;
            sb.Append(fraction.ToString(CultureInfo.InvariantCulture).TrimEnd('0'));
            sb[position] = '.';
        }
        return sb.Append('S').ToString();
    }

    /// <summary>The shortest round-trip decimal of <paramref name="x"/> as sign, digits (no leading or trailing
    /// zeros, "0" for zero) and the decimal exponent of the first digit (x = d.ddd × 10^exponent).</summary>
    private static (bool Negative, string Digits, int Exponent) Shortest(double x)
    {
        var negative = double.IsNegative(x);
        var text = Math.Abs(x).ToString("R", CultureInfo.InvariantCulture);
        var exponentAt = text.IndexOfAny(['E', 'e']);
        var exponent = 0;
        if (exponentAt >= 0)
        {
            exponent = int.Parse(text[(exponentAt + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..exponentAt];
        }
        var point = text.IndexOf('.', StringComparison.Ordinal);
        var integerLength = point < 0 ? text.Length : point;
        var digits = point < 0 ? text : string.Concat(text.AsSpan(0, point), text.AsSpan(point + 1));
        // value = 0.digits × 10^(integerLength + exponent) → first digit at 10^(integerLength + exponent - 1)
        var firstExponent = integerLength + exponent - 1;
        var leading = 0;
        while (leading < digits.Length - 1 && digits[leading] == '0')
        {
            leading++;
        }
        digits = digits[leading..];
        firstExponent -= leading;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0)
        {
            return (negative, "0", 0);
        }
        return (negative, digits, firstExponent);
    }

    /// <summary>The shortest decimal of <paramref name="x"/> as |x| = unscaled × 10^-scale (scale may be
    /// negative).</summary>
    private static (bool Negative, BigInteger Unscaled, int Scale) Decimal(double x)
    {
        var (negative, digits, exponent) = Shortest(x);
        return (negative, BigInteger.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture),
            digits.Length - 1 - exponent);
    }

    /// <summary>Rounds unscaled × 10^-scale to at most <paramref name="decimals"/> decimals.</summary>
    private static (BigInteger Unscaled, int Scale) Round(BigInteger unscaled, int scale, int decimals, bool halfEven)
    {
        if (scale <= decimals)
        {
            return scale < 0 ? (unscaled * BigInteger.Pow(10, -scale), 0) : (unscaled, scale);
        }
        var divisor = BigInteger.Pow(10, scale - decimals);
        var quotient = BigInteger.DivRem(unscaled, divisor, out var remainder);
        var twice = remainder * 2;
        if (twice > divisor || (twice == divisor && (!halfEven || !quotient.IsEven)))
        {
            quotient += 1;
        }
        return (quotient, decimals);
    }

    private static string Plain(bool negative, BigInteger unscaled, int scale)
    {
        var digits = unscaled.ToString(CultureInfo.InvariantCulture);
        if (scale > 0)
        {
            digits = digits.PadLeft(scale + 1, '0');
            digits = string.Concat(digits.AsSpan(0, digits.Length - scale), ".", digits.AsSpan(digits.Length - scale));
        }
        return negative ? "-" + digits : digits;
    }

    private static void RequireFinite(double x)
    {
        if (!double.IsFinite(x))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "not a finite number");
        }
    }
}
