using System.Globalization;
using System.Text.Json;

namespace TradingActors.Domain.Json;

/// <summary>
/// How the product writes numbers in JSON: a double in its shortest round-trip form and always with a decimal point
/// or an exponent (<c>10000.0</c>, not <c>10000</c>), so a client — Python's <c>json</c>, say — reads every metric as a
/// float; null for an undefined value. No NaN or infinity ever reaches JSON (the metrics return null instead).
/// </summary>
public static class JsonNumbers
{
    /// <summary>Writes a double (finite) as described above.</summary>
    public static void WriteDouble(Utf8JsonWriter writer, double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), "JSON has no NaN or infinity; undefined is null");
        }
        Span<byte> buffer = stackalloc byte[40];
        value.TryFormat(buffer, out var length, "R", CultureInfo.InvariantCulture);
        if (buffer[..length].IndexOfAny((byte)'.', (byte)'E') < 0)
        {
            buffer[length++] = (byte)'.';
            buffer[length++] = (byte)'0';
        }
        writer.WriteRawValue(buffer[..length], skipInputValidation: true);
    }

    /// <summary>Writes a double, or null.</summary>
    public static void WriteDouble(Utf8JsonWriter writer, double? value)
    {
        if (value is { } v)
        {
            WriteDouble(writer, v);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    /// <summary>Writes a property holding a double or null.</summary>
    public static void WriteDouble(Utf8JsonWriter writer, string name, double? value)
    {
        writer.WritePropertyName(name);
        WriteDouble(writer, value);
    }
}
