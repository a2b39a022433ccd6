namespace TradingActors.Domain.Input;

/// <summary>
/// One string per distinct text instead of one per row, for values that repeat on millions of rows (symbols, strategy
/// ids). Looked up by span, so a repeat allocates nothing.
/// </summary>
internal sealed class StringPool
{
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StringPool() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The pooled string equal to the text, added when new.</summary>
    public string Get(ReadOnlySpan<char> text)
    {
        if (!_lookup.TryGetValue(text, out var pooled))
        {
            pooled = text.ToString();
            _strings.Add(pooled, pooled);
        }
        return pooled;
    }

    /// <summary>The pooled string equal to the text, or null when it has not been added.</summary>
    public string? Find(ReadOnlySpan<char> text) => _lookup.TryGetValue(text, out var pooled) ? pooled : null;
}
