using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TradingActors.Domain.Input;

/// <summary>
/// A JSON Lines row: one line's object, read with <see cref="Utf8JsonReader"/> in one pass that remembers where each
/// known field's value is; values are converted when asked for. JSON has types, so they are enforced: a number must be
/// a JSON number (a quoted <c>"12.5"</c> is an error: a string where a number belongs means the exporter is not doing
/// what its author thinks), text must be a JSON string, and a time is an ISO-8601 string or an integer of epoch
/// milliseconds. <c>null</c> and an absent field both mean "absent"; an empty string is an absent text but not a
/// number.
/// </summary>
/// <remarks>
/// The line is refused, in this order, as the JVM build's parser refused it: malformed JSON (with <c>NaN</c> and
/// <c>Infinity</c> tokens named as non-finite numbers), a key repeated within any object of the line, anything after
/// the
/// first value, a first value that is not an object, and then a field the schema does not know.
/// </remarks>
internal sealed class JsonRow : InputRow
{
    private const string NonFinite = "must be a finite number; NaN and Infinity are not JSON numbers";

    private static readonly JsonReaderOptions Options = new() { AllowMultipleValues = true };

    private readonly Slot[] _slots;
    private readonly char[]?[] _text;
    private readonly int[] _textLength;
    private byte[] _buffer = [];
    private int _lineStart;
    private int _lineLength;

    // Where the walk had got to, to name the field of a NaN or Infinity token the reader refuses.
    private JsonTokenType _lastToken;
    private bool _inArray;
    private int _nameStart;
    private int _nameLength;

    public JsonRow(string file, FileSchema schema)
        : base(file, schema)
    {
        _slots = new Slot[schema.Names.Count];
        _text = new char[]?[schema.Names.Count];
        _textLength = new int[schema.Names.Count];
    }

    private enum Kind : byte
    {
        Absent,
        Null,
        String,
        Number,
        True,
        False,
        Array,
        Object,
    }

    private ReadOnlySpan<byte> LineBytes => _buffer.AsSpan(_lineStart, _lineLength);

    /// <summary>Reads the line (valid UTF-8, not blank) at <paramref name="line"/> into this row.</summary>
    /// <exception cref="InputFileException">The line is not one JSON object of known fields.</exception>
    internal void Parse(byte[] buffer, int start, int length, long line)
    {
        Line = line;
        _buffer = buffer;
        _lineStart = start;
        _lineLength = length;
        Array.Clear(_slots);
        Array.Fill(_textLength, -1);
        _lastToken = JsonTokenType.None;
        _inArray = false;

        var json = new Utf8JsonReader(LineBytes, Options);
        Slot root;
        string? unknown = null;
        try
        {
            if (!Read(ref json))
            {
                throw new InputFileException(File, Line, null, "is not valid JSON at column 1: no value");
            }
            root = SlotOf(ref json);
            if (root.Kind == Kind.Object)
            {
                unknown = ReadTopObject(ref json);
            }
            else if (root.Kind == Kind.Array)
            {
                SkipContainer(ref json, isArray: true);
            }
            if (Read(ref json))
            {
                throw new InputFileException(
                    File, Line, null, "holds more than one JSON value; JSON Lines takes one object per line");
            }
        }
        catch (JsonException e)
        {
            throw Malformed(e);
        }
        if (root.Kind != Kind.Object)
        {
            var hint = root.Kind == Kind.Array
                ? " (a JSON array is not JSON Lines: write one object per line)"
                : "";
            throw new InputFileException(File, Line, null, $"must be a JSON object, got {Describe(root)}{hint}");
        }
        if (unknown is not null)
        {
            throw new InputFileException(File, Line, unknown, Schema.UnknownReason("field", unknown));
        }
    }

    public override ReadOnlySpan<char> Text(int field)
    {
        var text = OptionalText(field);
        if (text.IsEmpty)
        {
            throw ErrorAt(field, IsAbsent(field) ? "is required but missing" : "is required but empty");
        }
        return text;
    }

    public override ReadOnlySpan<char> OptionalText(int field)
    {
        var slot = _slots[field];
        switch (slot.Kind)
        {
            case Kind.Absent or Kind.Null:
                return default;
            case Kind.String:
                return InputText.Strip(StringValue(field));
            default:
                var hint = slot.Kind == Kind.Number ? $" (quote it: \"{NumberText(slot)}\")" : "";
                throw ErrorAt(field, $"must be a JSON string, got {Describe(slot)}{hint}");
        }
    }

    public override double Number(int field) =>
        OptionalNumber(field) ?? throw ErrorAt(field, "is required but missing");

    public override double? OptionalNumber(int field)
    {
        var slot = _slots[field];
        if (slot.Kind is Kind.Absent or Kind.Null)
        {
            return null;
        }
        if (slot.Kind != Kind.Number)
        {
            throw ErrorAt(field, $"must be a JSON number, got {Describe(slot)}");
        }
        var value = double.Parse(Raw(slot), NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!double.IsFinite(value))
        {
            // The line still shows the user what was written.
            throw ErrorAt(field, "is out of range: does not fit a finite double");
        }
        return value + 0.0; // -0.0 + 0.0 == +0.0, as in the CSV reader
    }

    public override DateTimeOffset Time(int field)
    {
        var slot = _slots[field];
        switch (slot.Kind)
        {
            case Kind.Absent or Kind.Null:
                throw ErrorAt(field, "is required but missing");
            case Kind.String:
                return TimeParser.TryParse(StringValue(field), out var time, out var reason)
                    ? time
                    : throw ErrorAt(field, reason);
            case Kind.Number when Raw(slot).IndexOfAny(".eE"u8) < 0
                && long.TryParse(Raw(slot), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms):
                return TimeParser.TryFromEpochMs(ms, out var epoch)
                    ? epoch
                    : throw ErrorAt(field, TimeParser.OutOfRangeEpochMs(NumberText(slot)));
            default:
                throw ErrorAt(
                    field,
                    "must be an ISO-8601 string with an offset or integer epoch milliseconds, got " + Describe(slot));
        }
    }

    private bool IsAbsent(int field) => _slots[field].Kind is Kind.Absent or Kind.Null;

    /// <summary>Reads a token, remembering it (and a property name's place) for error reports.</summary>
    private bool Read(ref Utf8JsonReader json)
    {
        if (!json.Read())
        {
            return false;
        }
        _lastToken = json.TokenType;
        if (_lastToken == JsonTokenType.PropertyName)
        {
            _nameStart = (int)json.TokenStartIndex;
            _nameLength = json.ValueSpan.Length + 2;
        }
        return true;
    }

    /// <summary>
    /// The members of the line's object: each known field's value goes to its slot; returns the first unknown name.
    /// A repeated key is reported once its value is read, as the JVM build's tree builder did.
    /// </summary>
    private string? ReadTopObject(ref Utf8JsonReader json)
    {
        string? firstUnknown = null;
        HashSet<string>? unknownNames = null;
        while (Read(ref json) && json.TokenType == JsonTokenType.PropertyName)
        {
            string? name = json.ValueIsEscaped ? json.GetString() : null;
            var field = name is null ? Schema.IndexOf(json.ValueSpan) : Schema.IndexOf(name);
            if (field < 0)
            {
                name ??= json.GetString()!;
            }
            Read(ref json);
            var slot = SlotOf(ref json);
            if (slot.Kind is Kind.Object or Kind.Array)
            {
                SkipContainer(ref json, slot.Kind == Kind.Array);
            }
            if (field >= 0)
            {
                if (_slots[field].Kind != Kind.Absent)
                {
                    throw Duplicate(Schema.Names[field]);
                }
                _slots[field] = slot;
            }
            else
            {
                unknownNames ??= new HashSet<string>(StringComparer.Ordinal);
                if (!unknownNames.Add(name!))
                {
                    throw Duplicate(name!);
                }
                firstUnknown ??= name;
            }
        }
        return firstUnknown;
    }

    /// <summary>
    /// Reads past the nested object or array just started, refusing a key repeated in any object in it.
    /// </summary>
    private void SkipContainer(ref Utf8JsonReader json, bool isArray)
    {
        var outer = _inArray;
        _inArray = isArray;
        HashSet<string>? names = null;
        while (Read(ref json) && json.TokenType is not (JsonTokenType.EndObject or JsonTokenType.EndArray))
        {
            string? name = null;
            if (json.TokenType == JsonTokenType.PropertyName)
            {
                name = json.GetString()!;
                Read(ref json);
            }
            if (json.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                SkipContainer(ref json, json.TokenType == JsonTokenType.StartArray);
            }
            if (name is not null)
            {
                names ??= new HashSet<string>(StringComparer.Ordinal);
                if (!names.Add(name))
                {
                    throw Duplicate(name);
                }
            }
        }
        _inArray = outer;
    }

    private static Slot SlotOf(ref Utf8JsonReader json)
    {
        var kind = json.TokenType switch
        {
            JsonTokenType.String => Kind.String,
            JsonTokenType.Number => Kind.Number,
            JsonTokenType.True => Kind.True,
            JsonTokenType.False => Kind.False,
            JsonTokenType.Null => Kind.Null,
            JsonTokenType.StartObject => Kind.Object,
            JsonTokenType.StartArray => Kind.Array,
            _ => throw new UnreachableException($"a value cannot start with {json.TokenType}"),
        };
        var length = kind switch
        {
            Kind.String => json.ValueSpan.Length + 2,
            Kind.Number => json.ValueSpan.Length,
            _ => 0,
        };
        return new Slot(kind, (int)json.TokenStartIndex, length);
    }

    private InputFileException Duplicate(string name) =>
        new(File, Line, name, "appears more than once in the object");

    /// <summary>The reader's report turned into one for the user, naming the column (1-based, in characters).</summary>
    private InputFileException Malformed(JsonException e)
    {
        var line = LineBytes;
        var position = (int)Math.Clamp(e.BytePositionInLine ?? 0, 0, line.Length);
        if (ExpectingValue && IsNonNumericNumber(line, position))
        {
            var field = _lastToken == JsonTokenType.PropertyName
                ? Decode(new Slot(Kind.String, _nameStart, _nameLength))
                : null;
            return new InputFileException(File, Line, field, NonFinite, e);
        }
        var message = e.Message;
        var location = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (location >= 0)
        {
            message = message[..location];
        }
        var column = Encoding.UTF8.GetCharCount(line[..position]) + 1;
        return new InputFileException(File, Line, null, $"is not valid JSON at column {column}: {message}", e);
    }

    /// <summary>Whether the reader stopped where a value was due (so a NaN there was meant as a number).</summary>
    private bool ExpectingValue => _lastToken switch
    {
        JsonTokenType.None or JsonTokenType.PropertyName or JsonTokenType.StartArray => true,
        JsonTokenType.StartObject => false,
        _ => _inArray,
    };

    /// <summary>
    /// <c>NaN</c>, <c>Infinity</c>, <c>±Infinity</c> or <c>±INF</c> at (or, after a sign, just before) the position:
    /// the non-numeric numbers some writers emit.
    /// </summary>
    private static bool IsNonNumericNumber(ReadOnlySpan<byte> line, int position)
    {
        var start = position > 0 && position < line.Length && line[position] == 'I' && line[position - 1] is
            (byte)'+' or (byte)'-'
            ? position - 1
            : position;
        var rest = line[start..];
        foreach (var word in (ReadOnlySpan<string>)["NaN", "Infinity", "+Infinity", "-Infinity", "+INF", "-INF"])
        {
            if (rest.Length >= word.Length && Encoding.ASCII.GetString(rest[..word.Length]) == word
                && (rest.Length == word.Length || !char.IsAsciiLetterOrDigit((char)rest[word.Length])))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The field's string value, unescaped, in the field's reused buffer.</summary>
    private ReadOnlySpan<char> StringValue(int field)
    {
        if (_textLength[field] < 0)
        {
            var slot = _slots[field];
            var buffer = _text[field];
            if (buffer is null || buffer.Length < slot.Length)
            {
                buffer = _text[field] = new char[Math.Max(slot.Length, 64)];
            }
            _textLength[field] = Decode(slot, buffer, field);
        }
        return _text[field].AsSpan(0, _textLength[field]);
    }

    private string Decode(Slot slot)
    {
        var buffer = new char[slot.Length];
        return new string(buffer, 0, Decode(slot, buffer, -1));
    }

    private int Decode(Slot slot, Span<char> buffer, int field)
    {
        var token = LineBytes.Slice(slot.Start, slot.Length);
        if (!token.Contains((byte)'\\'))
        {
            return Encoding.UTF8.GetChars(token[1..^1], buffer);
        }
        var json = new Utf8JsonReader(token);
        json.Read();
        try
        {
            return json.CopyString(buffer);
        }
        catch (InvalidOperationException e)
        {
            // An escaped lone surrogate (\ud800) is valid JSON but not text.
            throw new InputFileException(
                File, Line, field >= 0 ? Schema.Names[field] : null, "holds an escape that is not valid text", e);
        }
    }

    private ReadOnlySpan<byte> Raw(Slot slot) => LineBytes.Slice(slot.Start, slot.Length);

    private string NumberText(Slot slot) => Encoding.UTF8.GetString(Raw(slot));

    /// <summary>A value's type and, for scalars, its text, as a message fragment: <c>the string '12.5'</c>.</summary>
    private string Describe(Slot slot) => slot.Kind switch
    {
        Kind.String => "the string " + InputFileException.Quote(Decode(slot)),
        Kind.Number => "the number " + NumberText(slot),
        Kind.True => "the boolean true",
        Kind.False => "the boolean false",
        Kind.Null => "null",
        Kind.Array => "an array",
        Kind.Object => "an object",
        _ => "nothing",
    };

    /// <summary>
    /// Where a value is in the line: its kind and, for strings (quotes included) and numbers, its bytes.
    /// </summary>
    private readonly record struct Slot(Kind Kind, int Start, int Length);
}
