using System.Text;

namespace TradingActors.Domain.Input;

/// <summary>
/// The column (CSV) or field (JSON Lines) names a kind of input file may carry, by wire name. Anything else is
/// rejected: a misspelt optional column (<c>riskreward</c>) would otherwise be dropped without a word. A field is
/// addressed by its index in <see cref="Names"/> (required names first, in the order errors about them are reported).
/// </summary>
internal sealed class FileSchema
{
    private readonly byte[][] _utf8Names;

    public FileSchema(IReadOnlyList<string> required, IReadOnlyList<string> optional)
    {
        Names = [.. required, .. optional];
        RequiredCount = required.Count;
        _utf8Names = [.. Names.Select(Encoding.UTF8.GetBytes)];
    }

    /// <summary>Every known name, required first.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>How many of <see cref="Names"/>, from the first, are required.</summary>
    public int RequiredCount { get; }

    /// <summary>The index of a known name; -1 for an unknown one. Exact (case-sensitive) match.</summary>
    public int IndexOf(ReadOnlySpan<char> name)
    {
        for (var i = 0; i < Names.Count; i++)
        {
            if (name.SequenceEqual(Names[i]))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>As <see cref="IndexOf(ReadOnlySpan{char})"/>, for a name given as UTF-8 bytes.</summary>
    public int IndexOf(ReadOnlySpan<byte> utf8Name)
    {
        for (var i = 0; i < _utf8Names.Length; i++)
        {
            if (utf8Name.SequenceEqual(_utf8Names[i]))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>
    /// The reason to give for an unknown name (<paramref name="kind"/> is <c>column</c> or <c>field</c>): suggests the
    /// known name it differs from only by case or separators (<c>pnL</c>, <c>Trade ID</c>, <c>entry-time</c>), the
    /// typos
    /// exporters actually make; otherwise lists the known names.
    /// </summary>
    public string UnknownReason(string kind, string name)
    {
        var folded = Fold(name);
        foreach (var known in Names)
        {
            if (Fold(known) == folded)
            {
                return $"unknown {kind}; did you mean '{known}'? (names are exact snake_case)";
            }
        }
        return $"unknown {kind}; expected {string.Join(", ", Names)}";
    }

    private static string Fold(string name) => name
        .ToUpperInvariant()
        .Replace(" ", "", StringComparison.Ordinal)
        .Replace("_", "", StringComparison.Ordinal)
        .Replace("-", "", StringComparison.Ordinal);
}
