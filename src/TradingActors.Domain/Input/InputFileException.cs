using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace TradingActors.Domain.Input;

/// <summary>
/// A backtest input file that cannot be accepted, with where and why (DESIGN §2: "a bad row is reported with its file,
/// line number and reason; nothing from that file is persisted"). The CLI prints <see cref="Exception.Message"/> after
/// <c>error: </c> and exits with code 2, so the message alone must let a user find and fix the problem:
/// <c>&lt;file&gt;:&lt;line&gt;: &lt;field&gt;: &lt;reason&gt;</c>, without the line when it is 0 and without the field
/// when no single field is at fault (<c>trades.csv:2: pnl: must be a finite number, got 'NaN'</c>).
/// </summary>
[SuppressMessage(
    "Design",
    "CA1032:Implement standard exception constructors",
    Justification = "Only meaningful with a file and a reason; a bare message would break the contract.")]
public sealed class InputFileException : Exception
{
    /// <summary>
    /// Longest excerpt of offending input quoted in a message; a runaway cell must not flood the terminal.
    /// </summary>
    internal const int MaxQuotedLength = 60;

    /// <param name="file">The file as the user named it, printed as is (a relative path stays relative).</param>
    /// <param name="line">Physical 1-based line number, or 0 when the problem concerns the file as a whole.</param>
    /// <param name="field">The wire name (snake_case) of the field, or null when no single field is at fault.</param>
    /// <param name="reason">What is wrong, in words meant for the user.</param>
    /// <param name="innerException">The low-level cause, kept for debugging; never part of the message.</param>
    public InputFileException(
        string file, long line, string? field, string reason, Exception? innerException = null)
        : base(Format(file, line, field, reason), innerException)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(line);
        File = file;
        Line = line;
        Field = field;
        Reason = reason;
    }

    /// <summary>The file as the caller passed it to the reader.</summary>
    public string File { get; }

    /// <summary>Physical 1-based line number in the file; 0 when the problem is the file as a whole.</summary>
    public long Line { get; }

    /// <summary>Wire name of the offending field or column; null when the problem is not one field's.</summary>
    public string? Field { get; }

    /// <summary>What is wrong, without the location prefix.</summary>
    public string Reason { get; }

    /// <summary>
    /// Quotes a piece of the offending input for a message, shortened when longer than 60 characters, so the user sees
    /// exactly what was read (surrounding spaces included) without a megabyte cell filling the terminal.
    /// </summary>
    internal static string Quote(ReadOnlySpan<char> text) => text.Length <= MaxQuotedLength
        ? $"'{text}'"
        : $"'{text[..MaxQuotedLength]}…' ({text.Length} characters)";

    private static string Format(string file, long line, string? field, string reason)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(reason);
        var message = new StringBuilder(file);
        if (line > 0)
        {
            message.Append(':').Append(line);
        }
        message.Append(": ");
        if (field is not null)
        {
            message.Append(field).Append(": ");
        }
        return message.Append(reason).ToString();
    }
}
