using System.Globalization;
using TradingActors.Api.Errors;
using TradingActors.Domain.Input;

namespace TradingActors.Api.Bodies;

/// <summary>
/// Typed access to one object of a body, each refusal naming the field with the element's place
/// (<c>trades[2].pnl: must be a JSON number, got the string '12'</c>). JSON has types and they are enforced: a number
/// is a JSON number, text a JSON string, a time an ISO-8601 string with an offset or integer epoch milliseconds.
/// <c>null</c> is "absent".
/// </summary>
internal readonly struct ElementReader(Dictionary<string, BodyField> fields, string prefix)
{
    /// <summary>
    /// Checks the type of every field present, in the order the body gives them, before any is looked up: a body with
    /// a wrong type and a missing field is told about the wrong type first, as the JVM build told it.
    /// </summary>
    public void CheckTypes(IReadOnlyDictionary<string, FieldType> types)
    {
        foreach (var (name, field) in fields)
        {
            if (field.Kind == FieldKind.Null || !types.TryGetValue(name, out var type))
            {
                continue;
            }
            _ = type switch
            {
                FieldType.Text => (object)Text(name),
                FieldType.Number => Number(name),
                _ => Time(name),
            };
        }
    }

    public string Text(string name)
    {
        var field = Field(name) ?? throw Missing(name);
        return field.Kind == FieldKind.String
            ? field.Text!
            : throw Problem(name, $"must be a JSON string, got {field.Describe()}");
    }

    public double Number(string name) => OptionalNumber(name) ?? throw Missing(name);

    public double? OptionalNumber(string name)
    {
        if (Field(name) is not { } field)
        {
            return null;
        }
        if (field.Kind != FieldKind.Number)
        {
            throw Problem(name, $"must be a JSON number, got {field.Describe()}");
        }
        var value = double.Parse(field.Text!, NumberStyles.Float, CultureInfo.InvariantCulture);
        return double.IsFinite(value)
            ? value + 0.0 // -0 is 0, as the file readers read it
            : throw Problem(name, $"is out of range: {BodyField.Shorten(field.Text!)} does not fit a finite double");
    }

    public DateTimeOffset Time(string name)
    {
        var field = Field(name) ?? throw Missing(name);
        switch (field.Kind)
        {
            case FieldKind.String:
                return TimeParser.TryParse(field.Text, out var time, out var reason) ? time : throw Problem(name, reason);
            case FieldKind.Number when field.Text!.AsSpan().IndexOfAny(".eE") < 0:
                return TimeParser.TryParse(field.Text, out var epoch, out var why) ? epoch : throw Problem(name, why);
            default:
                throw Problem(name, $"must be an ISO-8601 string with an offset or integer epoch milliseconds, got {field.Describe()}");
        }
    }

    public ApiProblemException Problem(string name, string reason) => ApiProblemException.InvalidInput($"{prefix}{name}: {reason}");

    private BodyField? Field(string name) =>
        fields.TryGetValue(name, out var field) && field.Kind != FieldKind.Null ? field : null;

    private ApiProblemException Missing(string name) => Problem(name, "is required but missing");
}
