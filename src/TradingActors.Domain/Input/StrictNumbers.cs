using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace TradingActors.Domain.Input;

/// <summary>
/// Parses a numeric cell strictly: a plain decimal (<c>-12.5</c>, <c>.5</c>, <c>5.</c>, <c>3e-4</c>) and nothing else.
/// <see cref="double.Parse(string)"/> alone is too lenient for evidence: it accepts <c>NaN</c>, <c>Infinity</c>,
/// thousands separators and surrounding blanks, and turns <c>1e999</c> into infinity. Each of those in a backtest
/// file is a bug in the exporter that must be reported, not folded into the metrics.
/// </summary>
/// <remarks>
/// The grammar is checked in the same pass that reads the digits. A number of at most 15 significant digits with a
/// decimal exponent within ±22 — every price and pnl an exporter writes — is then computed exactly as one IEEE
/// multiplication or division of two exactly representable doubles (Clinger's fast path, correctly rounded); anything
/// else goes to <see cref="double.Parse(ReadOnlySpan{char}, NumberStyles, IFormatProvider?)"/>, also correctly rounded.
/// </remarks>
internal static class StrictNumbers
{
    private const int MaxFastDigits = 15;

    private static readonly double[] PowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    ];

    /// <summary>
    /// The finite double the text denotes; <c>-0</c> is read as <c>0</c> so that equal files give equal records.
    /// On failure <paramref name="reason"/> is a message meant for the user, quoting the text.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out double value, [NotNullWhen(false)] out string? reason)
    {
        if (!Scan(text, out var mantissa, out var digits, out var exponent, out var negative))
        {
            value = 0;
            reason = IsNonFiniteWord(text)
                ? $"must be a finite number, got {InputFileException.Quote(text)}"
                : $"is not a number: {InputFileException.Quote(text)}";
            return false;
        }
        double parsed;
        if (digits <= MaxFastDigits && exponent is >= -22 and <= 22)
        {
            parsed = exponent < 0 ? mantissa / PowersOfTen[-exponent] : mantissa * PowersOfTen[exponent];
            if (negative)
            {
                parsed = -parsed;
            }
        }
        else
        {
            parsed = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (double.IsInfinity(parsed))
            {
                value = 0;
                reason = $"is out of range: {InputFileException.Quote(text)} does not fit a finite double";
                return false;
            }
        }
        value = parsed + 0.0; // -0.0 + 0.0 == +0.0
        reason = null;
        return true;
    }

    /// <summary>As <see cref="TryParse"/>, throwing a <see cref="FormatException"/> with the reason.</summary>
    public static double Parse(string text) =>
        TryParse(text, out var value, out var reason) ? value : throw new FormatException(reason);

    /// <summary>
    /// Checks <c>[+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?</c> (ASCII digits only) and reads it as
    /// ±<paramref name="mantissa"/> × 10^<paramref name="exponent"/>, where <paramref name="digits"/> counts the
    /// significant digits (the mantissa is exact only while they are at most 19).
    /// </summary>
    private static bool Scan(
        ReadOnlySpan<char> text, out ulong mantissa, out int digits, out int exponent, out bool negative)
    {
        mantissa = 0;
        digits = 0;
        exponent = 0;
        negative = false;
        var n = text.Length;
        var i = 0;
        if (i < n && text[i] is '+' or '-')
        {
            negative = text[i] == '-';
            i++;
        }
        var anyDigit = false;
        while (i < n && char.IsAsciiDigit(text[i]))
        {
            Accumulate(text[i++], ref mantissa, ref digits);
            anyDigit = true;
        }
        if (i < n && text[i] == '.')
        {
            i++;
            while (i < n && char.IsAsciiDigit(text[i]))
            {
                Accumulate(text[i++], ref mantissa, ref digits);
                exponent--;
                anyDigit = true;
            }
        }
        if (!anyDigit)
        {
            return false;
        }
        if (i < n && text[i] is 'e' or 'E')
        {
            i++;
            var negativeExponent = false;
            if (i < n && text[i] is '+' or '-')
            {
                negativeExponent = text[i] == '-';
                i++;
            }
            var start = i;
            var written = 0;
            while (i < n && char.IsAsciiDigit(text[i]))
            {
                written = Math.Min((written * 10) + (text[i++] - '0'), 100_000); // beyond any double either way
            }
            if (i == start)
            {
                return false;
            }
            exponent += negativeExponent ? -written : written;
        }
        return i == n;
    }

    /// <summary>
    /// Appends a digit; leading zeros are not significant, and past 19 digits the mantissa stops growing.
    /// </summary>
    private static void Accumulate(char c, ref ulong mantissa, ref int digits)
    {
        if (mantissa == 0 && c == '0')
        {
            return;
        }
        digits++;
        if (digits <= 19)
        {
            mantissa = (mantissa * 10) + (ulong)(c - '0');
        }
    }

    /// <summary>
    /// NaN and the spellings of infinity that spreadsheets and languages write, so the message says "finite".
    /// </summary>
    private static bool IsNonFiniteWord(ReadOnlySpan<char> text)
    {
        var word = text.Length > 0 && text[0] is '+' or '-' ? text[1..] : text;
        return word.Equals("nan", StringComparison.OrdinalIgnoreCase)
            || word.Equals("inf", StringComparison.OrdinalIgnoreCase)
            || word.Equals("infinity", StringComparison.OrdinalIgnoreCase)
            || word.SequenceEqual("∞");
    }
}
