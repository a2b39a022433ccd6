using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace TradingActors.Cli.Tests.Serve;

/// <summary>
/// <c>trading-actors serve --port 0</c> as a child process (the program built beside the tests): started until it
/// prints where it listens, then stopped with SIGTERM (as an orchestrator stops it) or SIGKILL (a crash).
/// </summary>
internal sealed class ServeProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stdoutRest;
    private readonly Task<string> _stderr;

    private ServeProcess(Process process, Uri address, Task<string> stdoutRest, Task<string> stderr)
    {
        _process = process;
        Address = address;
        _stdoutRest = stdoutRest;
        _stderr = stderr;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Address { get; }

    public HttpClient Http { get; }

    public static async Task<ServeProcess> StartAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "trading-actors.dll"));
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add("0");
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line is null || !line.StartsWith("serving on ", StringComparison.Ordinal))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"serve did not start: '{line}'; stderr: {await stderr}");
        }
        var url = line["serving on ".Length..].Split(' ')[0];
        return new ServeProcess(process, new Uri(url + "/"), process.StandardOutput.ReadToEndAsync(), stderr);
    }

    /// <summary>SIGTERM, then the exit code once the process has drained and stopped.</summary>
    public async Task<int> TerminateAsync()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async Task<string> OutputAsync() => $"stdout: {await _stdoutRest}\nstderr: {await _stderr}";

    public async Task<JsonObject> GetJsonAsync(string path)
    {
        var response = await Http.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
        Http.Dispose();
    }
}
