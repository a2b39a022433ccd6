namespace TradingActors.Cli;

/// <summary>The exit codes of every command (DESIGN §4).</summary>
public static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Ok = 0;

    /// <summary>A runtime failure: the journal is unreachable, a file cannot be read, a bug.</summary>
    public const int Failure = 1;

    /// <summary>Bad usage or bad input; the message names the option, or the file, line and field.</summary>
    public const int BadInput = 2;
}
