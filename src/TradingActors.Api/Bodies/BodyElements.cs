using System.Text.Json;
using TradingActors.Api.Errors;

namespace TradingActors.Api.Bodies;

/// <summary>
/// The strict first pass over a JSON body of one object or a non-empty array of objects: each object's fields by name,
/// with every refusal naming where it is (<c>trades[2].pnl</c> in an array, <c>pnl</c> in a single object, <c>body</c>):
/// malformed JSON (<c>NaN</c> and <c>Infinity</c> named as non-finite numbers), anything after the value, a key
/// repeated in an object, an element that is not an object, an empty array, and a field the route does not know.
/// </summary>
internal static class BodyElements
{
    private const string NonFinite = "must be a finite number; NaN and Infinity are not JSON numbers";

    /// <summary>The body's objects, and whether it was an array (which names fields with their index).</summary>
    /// <exception cref="ApiProblemException">400 <c>malformed_json</c> or <c>invalid_input</c></exception>
    public static (IReadOnlyList<Dictionary<string, BodyField>> Elements, bool IsArray) Parse(
        ReadOnlySpan<byte> body, string listName, IReadOnlySet<string> known, bool arrayAllowed = true)
    {
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 16 });
        var elements = new List<Dictionary<string, BodyField>>();
        var isArray = false;
        var where = "body";
        try
        {
            if (!reader.Read())
            {
                throw ApiProblemException.MalformedJson("body: is empty");
            }
            if (reader.TokenType == JsonTokenType.StartArray && arrayAllowed)
            {
                isArray = true;
                var index = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    where = $"{listName}[{index}]";
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        throw ApiProblemException.InvalidInput($"{where}: must be a JSON object, got {Scalar(ref reader).Describe()}");
                    }
                    elements.Add(ReadObject(ref reader, where + ".", ref where));
                    index++;
                }
                if (index == 0)
                {
                    throw ApiProblemException.InvalidInput("body: the array is empty; send at least one element");
                }
            }
            else if (reader.TokenType == JsonTokenType.StartObject)
            {
                elements.Add(ReadObject(ref reader, "", ref where));
            }
            else
            {
                var expected = arrayAllowed ? "a JSON object or a non-empty array of them" : "a JSON object";
                throw ApiProblemException.InvalidInput($"body: must be {expected}, got {Scalar(ref reader).Describe()}");
            }
            if (reader.Read())
            {
                throw ApiProblemException.MalformedJson("body: holds more than one JSON value");
            }
        }
        catch (JsonException e)
        {
            var rest = body[(int)Math.Min(reader.BytesConsumed, body.Length)..].TrimStart(" \t\r\n:,"u8);
            if (rest.StartsWith("NaN"u8) || rest.StartsWith("Infinity"u8) || rest.StartsWith("-Infinity"u8))
            {
                throw ApiProblemException.InvalidInput($"{where}: {NonFinite}");
            }
            var line = (e.LineNumber ?? 0) + 1;
            var column = (e.BytePositionInLine ?? 0) + 1;
            throw ApiProblemException.MalformedJson($"body: is not valid JSON at line {line}, column {column}: {FirstSentence(e.Message)}");
        }
        foreach (var (element, index) in elements.Select((e, i) => (e, i)))
        {
            foreach (var name in element.Keys)
            {
                if (!known.Contains(name))
                {
                    var prefix = isArray ? $"{listName}[{index}]." : "";
                    throw ApiProblemException.InvalidInput(
                        $"{prefix}{BodyField.Shorten(name)}: unknown field (known: {string.Join(", ", known)})");
                }
            }
        }
        return (elements, isArray);
    }

    private static Dictionary<string, BodyField> ReadObject(ref Utf8JsonReader reader, string prefix, ref string where)
    {
        var fields = new Dictionary<string, BodyField>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            where = prefix + BodyField.Shorten(name);
            reader.Read();
            var value = Scalar(ref reader);
            if (!fields.TryAdd(name, value))
            {
                throw ApiProblemException.InvalidInput($"{where}: is repeated; each key may appear once");
            }
        }
        return fields;
    }

    /// <summary>The value at the reader; a container is skipped whole and only its kind kept.</summary>
    private static BodyField Scalar(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return new BodyField(FieldKind.String, reader.GetString());
            case JsonTokenType.Number:
                return new BodyField(FieldKind.Number, System.Text.Encoding.UTF8.GetString(
                    reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan));
            case JsonTokenType.True:
                return new BodyField(FieldKind.True, null);
            case JsonTokenType.False:
                return new BodyField(FieldKind.False, null);
            case JsonTokenType.Null:
                return new BodyField(FieldKind.Null, null);
            case JsonTokenType.StartObject:
                reader.Skip();
                return new BodyField(FieldKind.Object, null);
            default:
                reader.Skip();
                return new BodyField(FieldKind.Array, null);
        }
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }
}
