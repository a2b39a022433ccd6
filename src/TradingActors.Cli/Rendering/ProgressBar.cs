using Spectre.Console;

namespace TradingActors.Cli.Rendering;

/// <summary>
/// A progress bar on stderr (stdout stays the command's answer), or nothing with <c>--no-progress</c> or when stderr
/// is not a terminal.
/// </summary>
public static class ProgressBar
{
    /// <summary>Runs <paramref name="work"/>, which reports progress by calling the action it is given with a step.</summary>
    public static async Task<T> RunAsync<T>(string title, double total, bool enabled, Func<Action<double>, Task<T>> work)
    {
        if (!enabled || Console.IsErrorRedirected)
        {
            return await work(_ => { }).ConfigureAwait(false);
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await console.Progress()
            .AutoClear(false)
            .Columns(
                new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape(title), maxValue: Math.Max(1, total));
                var result = await work(step => task.Increment(step)).ConfigureAwait(false);
                task.Value = task.MaxValue;
                return result;
            }).ConfigureAwait(false);
    }
}
