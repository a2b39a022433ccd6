namespace TradingActors.Domain.Events;

/// <summary>Direction of a trade; written <c>long</c> / <c>short</c> in files and JSON.</summary>
public enum Side
{
    Long,
    Short,
}

/// <summary>The wire names of <see cref="Side"/>.</summary>
public static class Sides
{
    /// <summary><c>long</c> or <c>short</c>.</summary>
    public static string WireName(this Side side) => side == Side.Long ? "long" : "short";

    /// <summary>Case-insensitive, surrounding blanks ignored; false for anything that is not long or short.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Side side)
    {
        var t = text.Trim();
        if (t.Equals("long", StringComparison.OrdinalIgnoreCase))
        {
            side = Side.Long;
            return true;
        }
        if (t.Equals("short", StringComparison.OrdinalIgnoreCase))
        {
            side = Side.Short;
            return true;
        }
        side = default;
        return false;
    }
}
