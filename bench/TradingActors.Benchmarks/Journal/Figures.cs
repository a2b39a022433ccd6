using HdrHistogram;

namespace TradingActors.Benchmarks.Journal;

/// <summary>
/// The figures of a journal run: each printed as it is measured, with the machine's load average at that moment (the
/// cores are shared), and all of them again as one Markdown table at the end.
/// </summary>
public sealed class Figures
{
    private readonly List<string> _rows = [];

    /// <summary>Records a figure; <paramref name="met"/> is null for a floor or a figure without a target.</summary>
    public void Add(string backend, string work, string figure, string target = "", bool? met = null)
    {
        var load = LoadAverage();
        var verdict = met switch { true => "met", false => "MISSED", null => "" };
        Console.WriteLine($"[{backend}] {work}: {figure}{(target.Length > 0 ? $" (target {target}: {verdict})" : "")} [load {load}]");
        _rows.Add($"| {backend} | {work} | {figure} | {target} {verdict} | {load} |");
    }

    public void PrintTable()
    {
        Console.WriteLine();
        Console.WriteLine("| journal | work | figure | target | load (1, 5, 15 min) |");
        Console.WriteLine("|---|---|---|---|---|");
        _rows.ForEach(Console.WriteLine);
    }

    /// <summary>The 1-, 5- and 15-minute load averages (<c>/proc/loadavg</c>).</summary>
    public static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]);

    /// <summary>A histogram of latencies in microseconds, up to one minute.</summary>
    public static LongHistogram Latencies() => new(60_000_000, 3);

    /// <summary>p50 and p99 of a histogram in microseconds, as milliseconds.</summary>
    public static string Percentiles(HistogramBase microseconds) => FormattableString.Invariant(
        $"p50 {microseconds.GetValueAtPercentile(50) / 1000.0:F2} ms, p99 {microseconds.GetValueAtPercentile(99) / 1000.0:F2} ms");

    /// <summary>Microseconds since <paramref name="startTimestamp"/> (a <see cref="System.Diagnostics.Stopwatch"/> timestamp).</summary>
    public static long MicrosecondsSince(long startTimestamp) =>
        (long)System.Diagnostics.Stopwatch.GetElapsedTime(startTimestamp).TotalMicroseconds;
}
