namespace TradingActors.Api.Bodies;

/// <summary>One field of a request body's object: its kind and, for a string or a number, its text.</summary>
internal readonly record struct BodyField(FieldKind Kind, string? Text)
{
    /// <summary>How an error message names what was sent: <c>the string '12'</c>, <c>the number 5</c>, <c>an object</c>.</summary>
    public string Describe() => Kind switch
    {
        FieldKind.String => $"the string '{Shorten(Text!)}'",
        FieldKind.Number => $"the number {Shorten(Text!)}",
        FieldKind.True => "the boolean true",
        FieldKind.False => "the boolean false",
        FieldKind.Null => "null",
        FieldKind.Object => "an object",
        _ => "an array",
    };

    internal static string Shorten(string text) => text.Length <= 64 ? text : string.Concat(text.AsSpan(0, 61), "...");
}
