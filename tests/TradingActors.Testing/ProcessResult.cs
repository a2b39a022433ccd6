namespace TradingActors.Testing;

/// <summary>What a finished program printed and returned.</summary>
internal sealed record ProcessResult(int ExitCode, string Output, string Error)
{
    /// <summary>The program's stderr then stdout, trimmed, for an exception message.</summary>
    public string Printed => (Error.Trim() + Environment.NewLine + Output.Trim()).Trim();
}
