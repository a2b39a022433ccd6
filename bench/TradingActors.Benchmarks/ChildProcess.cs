using System.Diagnostics;

namespace TradingActors.Benchmarks;

/// <summary>Runs programs as child processes and times them (process start included); finds the repository.</summary>
public static class ChildProcess
{
    /// <summary>The repository this bench runs from (where <c>TradingActors.sln</c> is).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary><c>bin/trading-actors</c>, which builds the command line on first use.</summary>
    public static string Cli => Path.Combine(Root, "bin", "trading-actors");

    /// <summary>Runs <paramref name="program"/> to its end, stdout discarded; fails with its stderr on a non-zero exit.</summary>
    public static TimeSpan Time(string program, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null) =>
        Run(program, args, environment, Stream.Null).Elapsed;

    /// <summary>Runs <paramref name="program"/> to its end and returns its stdout.</summary>
    public static string Output(string program, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var stdout = new MemoryStream();
        Run(program, args, environment, stdout);
        return System.Text.Encoding.UTF8.GetString(stdout.ToArray());
    }

    /// <summary>The median of <paramref name="runs"/> timings.</summary>
    public static TimeSpan Median(int runs, Func<TimeSpan> run)
    {
        var times = Enumerable.Range(0, runs).Select(_ => run()).Order().ToList();
        return times[times.Count / 2];
    }

    private static Stopwatch Run(string program, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment, Stream stdout)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.BaseStream.CopyTo(stdout);
        process.WaitForExit();
        clock.Stop();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', start.ArgumentList)} exited with {process.ExitCode}: {stderr.Result}");
        }
        return clock;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TradingActors.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("run from inside the repository");
    }
}
