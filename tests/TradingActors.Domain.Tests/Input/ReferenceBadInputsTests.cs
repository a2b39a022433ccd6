using System.Text.Json;
using TradingActors.Domain.Backtest;
using TradingActors.Domain.Input;

namespace TradingActors.Domain.Tests.Input;

/// <summary>Runs apart from every other test: it changes the process's working directory.</summary>
[CollectionDefinition(nameof(WorkingDirectoryCollection), DisableParallelization = true)]
public sealed class WorkingDirectoryCollection;

/// <summary>
/// The JVM build's <c>report</c> on its four bad reference inputs exited 2 printing <c>error: </c> and the message
/// (<c>shared/reference/jvm-report/manifest.json</c>, entries with <c>exit_code: 2</c>). Those inputs and the manifest
/// are copied, unchanged, into <c>Input/fixtures/</c>; like the JVM CLI, the files are named relative to that folder as
/// the working directory, so the message must be the manifest's text exactly.
/// </summary>
[Collection(nameof(WorkingDirectoryCollection))]
public sealed class ReferenceBadInputsTests
{
    [Fact]
    public void The_four_bad_reference_inputs_give_the_jvm_builds_messages()
    {
        var fixtures = Path.Combine(AppContext.BaseDirectory, "Input", "fixtures");
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(fixtures, "manifest.json")));
        var bad = manifest.RootElement.EnumerateArray()
            .Where(c => c.TryGetProperty("exit_code", out var code) && code.GetInt32() == 2)
            .Select(c => (
                Trades: TradesArgument(c.GetProperty("args")),
                Stderr: c.GetProperty("stderr").GetString()!))
            .ToList();
        Assert.Equal(4, bad.Count);

        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = fixtures;
        try
        {
            foreach (var (trades, stderr) in bad)
            {
                var e = Assert.Throws<InputFileException>(() => BacktestInput.Load(trades));
                Assert.Equal(stderr, "error: " + e.Message);
                Assert.Equal(trades, e.File);
            }
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }

    private static string TradesArgument(JsonElement args)
    {
        var list = args.EnumerateArray().Select(a => a.GetString()!).ToList();
        return list[list.IndexOf("--trades") + 1];
    }
}
