using System.Globalization;
using System.Text;
using Akka.Configuration.Hocon;

namespace TradingActors.Actors.Risk;

/// <summary>
/// A HOCON value as the risk policy reader sees it: an object (keys in file order), a list, a scalar (its text, as
/// written and concatenated) or null. Built from Akka.NET's parsed tree, whose values also hold the whitespace between
/// concatenated tokens and resolved substitutions; those are folded away here so the reader checks plain values.
/// Akka's parser keeps no difference between a quoted and an unquoted scalar: both are text.
/// </summary>
internal sealed class HoconNode
{
    private static readonly HoconNode NullNode = new(HoconNodeKind.Null, null, null, null);

    private HoconNode(
        HoconNodeKind kind,
        string? text,
        IReadOnlyList<HoconNode>? items,
        IReadOnlyDictionary<string, HoconNode>? fields)
    {
        Kind = kind;
        Text = text;
        Items = items ?? [];
        Fields = fields ?? new Dictionary<string, HoconNode>();
    }

    public HoconNodeKind Kind { get; }

    /// <summary>A scalar's text (trimmed); null for any other kind.</summary>
    public string? Text { get; }

    /// <summary>A list's items; empty for any other kind.</summary>
    public IReadOnlyList<HoconNode> Items { get; }

    /// <summary>An object's fields, in file order; empty for any other kind.</summary>
    public IReadOnlyDictionary<string, HoconNode> Fields { get; }

    public bool IsMissing => Kind == HoconNodeKind.Null;

    public static HoconNode Null => NullNode;

    public static HoconNode EmptyObject { get; } =
        new(HoconNodeKind.Object, null, null, new Dictionary<string, HoconNode>());

    /// <summary>The node of an Akka value; <see cref="Null"/> for an absent, empty or <c>null</c> one.</summary>
    public static HoconNode From(HoconValue? value)
    {
        if (value is null)
        {
            return Null;
        }
        var elements = new List<IHoconElement>();
        Flatten(value, elements);
        var objects = elements.OfType<HoconObject>().ToList();
        if (objects.Count > 0)
        {
            var merged = FromObject(objects[0]);
            foreach (var next in objects.Skip(1))
            {
                merged = FromObject(next).MergedOver(merged);
            }
            return merged;
        }
        var arrays = elements.OfType<HoconArray>().ToList();
        if (arrays.Count > 0)
        {
            return new HoconNode(HoconNodeKind.List, null, arrays.SelectMany(a => a).Select(From).ToList(), null);
        }
        var text = string.Concat(elements.Select(e => e.GetString())).Trim();
        return text.Length == 0 || text == "null" ? Null : new HoconNode(HoconNodeKind.Scalar, text, null, null);
    }

    /// <summary>The field <paramref name="key"/> of an object (one key, never a path); <see cref="Null"/> when absent
    /// or when this is not an object.</summary>
    public HoconNode Get(string key) => Fields.TryGetValue(key, out var node) ? node : Null;

    /// <summary>
    /// This node with <paramref name="fallback"/> under it, as HOCON's <c>withFallback</c>: two objects merge key by
    /// key (recursively); otherwise this node wins whole (a list replaces a list).
    /// </summary>
    public HoconNode MergedOver(HoconNode fallback)
    {
        if (Kind != HoconNodeKind.Object || fallback.Kind != HoconNodeKind.Object)
        {
            return this;
        }
        var fields = new Dictionary<string, HoconNode>();
        foreach (var (key, under) in fallback.Fields)
        {
            fields[key] = Fields.TryGetValue(key, out var over) ? over.MergedOver(under) : under;
        }
        foreach (var (key, over) in Fields)
        {
            fields.TryAdd(key, over);
        }
        return new HoconNode(HoconNodeKind.Object, null, null, fields);
    }

    /// <summary>
    /// The value on one line as a problem message shows it (as the JVM build's concise rendering did): numbers and
    /// booleans bare, other scalars as JSON strings, objects as JSON with sorted keys, lists as JSON arrays.
    /// </summary>
    public string Render()
    {
        var sb = new StringBuilder();
        Render(sb);
        return sb.ToString();
    }

    private void Render(StringBuilder sb)
    {
        switch (Kind)
        {
            case HoconNodeKind.Null:
                sb.Append("null");
                break;
            case HoconNodeKind.Scalar:
                sb.Append(IsBareScalar(Text!) ? Text : Quote(Text!));
                break;
            case HoconNodeKind.List:
                sb.Append('[');
                for (var i = 0; i < Items.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }
                    Items[i].Render(sb);
                }
                sb.Append(']');
                break;
            default:
                sb.Append('{');
                var first = true;
                foreach (var key in Fields.Keys.Order(RenderOrder.Instance))
                {
                    if (!first)
                    {
                        sb.Append(',');
                    }
                    first = false;
                    sb.Append(Quote(key)).Append(':');
                    Fields[key].Render(sb);
                }
                sb.Append('}');
                break;
        }
    }

    /// <summary>A string as a JSON string literal.</summary>
    public static string Quote(string s)
    {
        var sb = new StringBuilder(s.Length + 2).Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\r':
                    sb.Append("\\r");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                case '\b':
                    sb.Append("\\b");
                    break;
                case '\f':
                    sb.Append("\\f");
                    break;
                default:
                    if (char.IsControl(c))
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        return sb.Append('"').ToString();
    }

    private static bool IsBareScalar(string text) =>
        text is "true" or "false" || IsJsonNumber(text);

    private static bool IsJsonNumber(string s)
    {
        var i = 0;
        if (i < s.Length && s[i] == '-')
        {
            i++;
        }
        var digits = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }
        if (i == digits)
        {
            return false;
        }
        if (i < s.Length && s[i] == '.')
        {
            i++;
            var fraction = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }
            if (i == fraction)
            {
                return false;
            }
        }
        if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
        {
            i++;
            if (i < s.Length && (s[i] == '+' || s[i] == '-'))
            {
                i++;
            }
            var exponent = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }
            if (i == exponent)
            {
                return false;
            }
        }
        return i == s.Length;
    }

    private static HoconNode FromObject(HoconObject obj)
    {
        var fields = new Dictionary<string, HoconNode>();
        foreach (var (key, value) in obj.Items)
        {
            fields[key] = From(value);
        }
        return new HoconNode(HoconNodeKind.Object, null, null, fields);
    }

    /// <summary>The value's elements with substitutions replaced by what they resolved to, and the whitespace
    /// between concatenated objects or lists dropped.</summary>
    private static void Flatten(HoconValue value, List<IHoconElement> into)
    {
        var start = into.Count;
        foreach (var element in value.Values)
        {
            if (element is HoconSubstitution substitution)
            {
                if (substitution.ResolvedValue is { } resolved)
                {
                    Flatten(resolved, into);
                }
            }
            else
            {
                into.Add(element);
            }
        }
        if (into.Skip(start).Any(e => e is HoconObject or HoconArray))
        {
            into.RemoveAll(e => e is HoconLiteral literal && string.IsNullOrWhiteSpace(literal.Value));
        }
    }

    /// <summary>The key order of the JVM build's rendering: keys of digits only first, by number; then the others,
    /// ordinal.</summary>
    private sealed class RenderOrder : IComparer<string>
    {
        public static readonly RenderOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            var xDigits = x is { Length: > 0 } && x.All(char.IsAsciiDigit);
            var yDigits = y is { Length: > 0 } && y.All(char.IsAsciiDigit);
            if (xDigits && yDigits)
            {
                return System.Numerics.BigInteger.Parse(x!, CultureInfo.InvariantCulture)
                    .CompareTo(System.Numerics.BigInteger.Parse(y!, CultureInfo.InvariantCulture));
            }
            if (xDigits != yDigits)
            {
                return xDigits ? -1 : 1;
            }
            return string.CompareOrdinal(x, y);
        }
    }
}
