using System.CommandLine;
using TradingActors.Cli.Commands;
using TradingActors.Domain.Input;
using TradingActors.Domain.Risk;

namespace TradingActors.Cli;

/// <summary>
/// The <c>trading-actors</c> command line: parses, runs one command, and maps what went wrong to an exit code and one
/// line on stderr (<see cref="ExitCodes"/>). Commands are classes of their own; the work they call lives in the layers
/// below.
/// </summary>
public static class TradingActorsCommand
{
    /// <summary>Runs the command line; returns the process exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand(
            "TradingActors: event-sourced performance metrics and risk control for trading strategies.");
        root.Subcommands.Add(ReportCommand.Create(stdout));
        root.Subcommands.Add(ImportCommand.Create(stdout));
        root.Subcommands.Add(ReplayCommand.Create(stdout));
        root.Subcommands.Add(ServeCommand.Create(stdout));
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
            {
                stderr.WriteLine($"error: {error.Message}");
            }
            stderr.WriteLine($"Run '{Invocation(parsed)} --help' for usage.");
            return ExitCodes.BadInput;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration
            {
                Output = stdout,
                Error = stderr,
                EnableDefaultExceptionHandler = false,
                // Ctrl-C and SIGTERM cancel the command's token; serve then drains its requests and leaves its cluster.
                ProcessTerminationTimeout = TimeSpan.FromSeconds(30),
            });
        }
        catch (Exception e) when (e is UsageException or InputFileException or RiskPolicyException)
        {
            stderr.WriteLine($"error: {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            stderr.WriteLine($"error: no such file: {(e as FileNotFoundException)?.FileName ?? e.Message}");
            return ExitCodes.BadInput;
        }
        catch (IOException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return ExitCodes.Failure;
        }
    }

    private static string Invocation(ParseResult parsed) =>
        parsed.CommandResult.Command is RootCommand ? "trading-actors" : $"trading-actors {parsed.CommandResult.Command.Name}";
}
