namespace TradingActors.Domain.Input;

/// <summary>The two encodings of an input file (DESIGN §2).</summary>
internal enum InputFormat
{
    /// <summary>Comma-separated values with a header row (RFC 4180 quoting).</summary>
    Csv,

    /// <summary>One JSON object a line.</summary>
    JsonLines,
}
