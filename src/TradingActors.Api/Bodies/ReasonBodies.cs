namespace TradingActors.Api.Bodies;

/// <summary>
/// The body of a halt or a resume: <c>{"reason": "…"}</c>, 1–500 characters (the risk manager checks the length and
/// the blank).
/// </summary>
public static class ReasonBodies
{
    private static readonly HashSet<string> Known = ["reason"];

    /// <exception cref="Errors.ApiProblemException">400 naming the field</exception>
    public static string Parse(ReadOnlySpan<byte> body)
    {
        var (elements, _) = BodyElements.Parse(body, "body", Known, arrayAllowed: false);
        return new ElementReader(elements[0], "").Text("reason");
    }
}
