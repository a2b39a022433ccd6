using System.Collections;
using System.Globalization;
using System.Reflection;
using Xunit.Sdk;

namespace TradingActors.Testing;

/// <summary>
/// Field-by-field comparison of result objects (records, lists, nested values) with every <see cref="double"/> compared
/// by its bits (<see cref="BitConverter.DoubleToInt64Bits"/>: no tolerance, 0.0 ≠ −0.0, a NaN only equals the same
/// NaN). A failure lists every differing field by its path, e.g. <c>live.Metrics.Balances.SharpeRatio: 1.2 (bits
/// 3ff3333333333333) vs …</c>.
/// </summary>
public static class BitIdentical
{
    private const int MaxDepth = 32;

    /// <summary>Fails naming every field of <paramref name="actual"/> that differs from <paramref name="expected"/>.</summary>
    public static void Assert(string what, object? expected, object? actual)
    {
        var differences = Differences(what, expected, actual);
        if (differences.Count > 0)
        {
            throw new XunitException(
                $"{differences.Count} field(s) differ:\n  " + string.Join("\n  ", differences.Take(50)));
        }
    }

    /// <summary>Every differing field, as <c>path: expected vs actual</c>; empty when bit-identical.</summary>
    public static IReadOnlyList<string> Differences(string what, object? expected, object? actual)
    {
        var differences = new List<string>();
        Compare(what, expected, actual, differences, 0);
        return differences;
    }

    private static void Compare(string path, object? a, object? b, List<string> output, int depth)
    {
        if (a is null || b is null)
        {
            if (a is not null || b is not null)
            {
                output.Add($"{path}: {Show(a)} vs {Show(b)}");
            }
            return;
        }
        if (depth > MaxDepth)
        {
            throw new InvalidOperationException($"{path}: nested deeper than {MaxDepth} levels (a cycle?)");
        }
        if (a.GetType() != b.GetType() && !(a is IEnumerable && b is IEnumerable && a is not string))
        {
            output.Add($"{path}: a {a.GetType().Name} vs a {b.GetType().Name}");
            return;
        }
        switch (a)
        {
            case double x:
                if (BitConverter.DoubleToInt64Bits(x) != BitConverter.DoubleToInt64Bits((double)b))
                {
                    output.Add($"{path}: {Show(x)} vs {Show(b)}");
                }
                return;
            case float f:
                if (BitConverter.SingleToInt32Bits(f) != BitConverter.SingleToInt32Bits((float)b))
                {
                    output.Add($"{path}: {Show(f)} vs {Show(b)}");
                }
                return;
            case DateTimeOffset t:
                var u = (DateTimeOffset)b;
                if (t.UtcTicks != u.UtcTicks || t.Offset != u.Offset)
                {
                    output.Add($"{path}: {t:O} vs {u:O}");
                }
                return;
            case string or decimal or DateTime or DateOnly or TimeOnly or TimeSpan or Guid or bool or char or Enum:
                if (!a.Equals(b))
                {
                    output.Add($"{path}: {Show(a)} vs {Show(b)}");
                }
                return;
        }
        var type = a.GetType();
        if (type.IsPrimitive)
        {
            if (!a.Equals(b))
            {
                output.Add($"{path}: {Show(a)} vs {Show(b)}");
            }
            return;
        }
        if (a is IEnumerable first) // any two sequences: element by element
        {
            var left = first.Cast<object?>().ToList();
            var right = ((IEnumerable)b).Cast<object?>().ToList();
            if (left.Count != right.Count)
            {
                output.Add($"{path}: {left.Count} elements vs {right.Count}");
                return;
            }
            for (var i = 0; i < left.Count; i++)
            {
                Compare($"{path}[{i}]", left[i], right[i], output, depth + 1);
            }
            return;
        }
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .ToList();
        if (properties.Count == 0)
        {
            if (!a.Equals(b))
            {
                output.Add($"{path}: {Show(a)} vs {Show(b)}");
            }
            return;
        }
        foreach (var p in properties)
        {
            Compare($"{path}.{p.Name}", p.GetValue(a), p.GetValue(b), output, depth + 1);
        }
    }

    private static string Show(object? value) => value switch
    {
        null => "null",
        double d => string.Create(CultureInfo.InvariantCulture,
            $"{d:R} (bits {BitConverter.DoubleToInt64Bits(d):x16})"),
        float f => string.Create(CultureInfo.InvariantCulture, $"{f:R} (bits {BitConverter.SingleToInt32Bits(f):x8})"),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
