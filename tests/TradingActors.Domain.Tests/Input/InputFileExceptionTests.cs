using TradingActors.Domain.Input;

namespace TradingActors.Domain.Tests.Input;

/// <summary>Port of the JVM build's <c>InputFileExceptionTest</c>; the Java test is named on each.</summary>
public sealed class InputFileExceptionTests
{
    private readonly string _file = Path.Combine("data", "trades.csv");

    // theMessageNamesFileLineFieldAndReason
    [Fact]
    public void The_message_names_file_line_field_and_reason()
    {
        var e = new InputFileException(_file, 42, "pnl", "must be a finite number, got 'NaN'");

        Assert.Equal(_file + ":42: pnl: must be a finite number, got 'NaN'", e.Message);
        Assert.Equal(_file, e.File);
        Assert.Equal(42, e.Line);
        Assert.Equal("pnl", e.Field);
        Assert.Equal("must be a finite number, got 'NaN'", e.Reason);
    }

    // absentPartsAreLeftOut
    [Fact]
    public void Absent_parts_are_left_out()
    {
        Assert.Equal(_file + ":7: has 3 cells", new InputFileException(_file, 7, null, "has 3 cells").Message);
        Assert.Equal(_file + ": no such file", new InputFileException(_file, 0, null, "no such file").Message);
        Assert.Equal(_file + ": pnl: x", new InputFileException(_file, 0, "pnl", "x").Message);
    }

    // longQuotedInputIsShortened
    [Fact]
    public void Long_quoted_input_is_shortened()
    {
        var quoted = InputFileException.Quote(new string('x', 1000));

        Assert.True(quoted.Length < 100, quoted);
        Assert.EndsWith("(1000 characters)", quoted, StringComparison.Ordinal);
        Assert.Equal("'NaN'", InputFileException.Quote("NaN"));
    }

    // Not in the JVM suite: the constructor's contract.
    [Fact]
    public void A_negative_line_is_a_programming_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new InputFileException(_file, -1, null, "x"));
    }
}
