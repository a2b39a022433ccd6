using System.CommandLine;
using System.Net;
using TradingActors.Actors.Node;
using TradingActors.Api;
using TradingActors.Api.Security;
using TradingActors.Cli.Hosting;

namespace TradingActors.Cli.Commands;

/// <summary>
/// <c>serve</c>: one node with the HTTP API (docs/api.md) until Ctrl-C or SIGTERM, which drain it and exit 0. Bound to
/// loopback unless <c>TRADING_ACTORS_TOKEN</c> is set; <c>--demo</c> adds a simulated engine.
/// </summary>
public static class ServeCommand
{
    public const string TokenVariable = "TRADING_ACTORS_TOKEN";

    public static Command Create(TextWriter stdout)
    {
        var port = new Option<int>("--port")
        {
            Description = "The HTTP port (0 picks a free one).",
            DefaultValueFactory = _ => 8080,
        };
        var host = new Option<string>("--host")
        {
            Description = "The address to listen on; other than loopback needs TRADING_ACTORS_TOKEN.",
            DefaultValueFactory = _ => "127.0.0.1",
        };
        var demo = new Option<bool>("--demo")
        {
            Description = "Also run a simulated engine posting trades and balances of a few demo strategies.",
        };
        var clusterPort = new Option<int>("--cluster-port")
        {
            Description = "The Akka remoting port of this node (0 picks a free one).",
            DefaultValueFactory = _ => 0,
        };
        var seedNodes = new Option<string?>("--seed-nodes")
        {
            Description = "HOST:PORT,… of the cluster's seed nodes (PostgreSQL journal); without it the node is a cluster of one.",
            HelpName = "HOST:PORT,…",
        };
        var node = new NodeOptions();
        var command = new Command("serve", "Run a node with the HTTP API until Ctrl-C.")
        {
            port, host, demo, clusterPort, seedNodes,
        };
        command.Options.Add(node.DataDir);
        command.Options.Add(node.Config);
        command.SetAction(async (parsed, cancel) =>
        {
            var listenOn = parsed.GetValue(host)!;
            var httpPort = parsed.GetValue(port);
            if (httpPort is < 0 or > 65535)
            {
                throw new UsageException($"--port: must be 0..65535, got {httpPort}");
            }
            if (!listenOn.Equals("localhost", StringComparison.OrdinalIgnoreCase) && !IPAddress.TryParse(listenOn, out _))
            {
                throw new UsageException($"--host: must be an IP address or localhost, got '{listenOn}'");
            }
            var token = new BearerToken(Environment.GetEnvironmentVariable(TokenVariable));
            if (token.RefusalToBind(listenOn) is { } refusal)
            {
                throw new UsageException(refusal);
            }
            var seeds = (parsed.GetValue(seedNodes) ?? "")
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => s.StartsWith("akka.tcp://", StringComparison.Ordinal) ? s : $"akka.tcp://trading-actors@{s}")
                .ToList();
            var baseSettings = node.Settings(parsed);
            ApiSettings api;
            try
            {
                api = ApiSettings.From(baseSettings.Config);
            }
            catch (NodeConfigurationException e)
            {
                throw new UsageException(e.Message);
            }
            var remotingHost = IPAddress.TryParse(listenOn, out var ip) && !ip.Equals(IPAddress.Any) ? listenOn : "127.0.0.1";
            var settings = baseSettings with { Host = remotingHost, Port = parsed.GetValue(clusterPort), SeedNodes = seeds };
            var options = new ServeOptions(settings, api, token, listenOn, httpPort, parsed.GetValue(demo),
                DemoToken: Environment.GetEnvironmentVariable(TokenVariable));
            await using var server = await ServeHost.StartAsync(options, cancel).ConfigureAwait(false);
            stdout.WriteLine($"serving on {server.Address.ToString().TrimEnd('/')} (journal: {Describe(settings.Journal)})"
                + (options.Demo ? "; demo engine running" : "") + "; Ctrl-C stops");
            stdout.Flush();
            try
            {
                await Task.Delay(Timeout.Infinite, cancel).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Ctrl-C or SIGTERM: the host stops below, draining requests and leaving the cluster.
            }
            await server.StopAsync().ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static string Describe(JournalSettings journal) => journal.Provider == JournalProvider.Sqlite
        ? "sqlite " + new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(journal.ConnectionString).DataSource
        : "postgresql " + new Npgsql.NpgsqlConnectionStringBuilder(journal.ConnectionString) { Password = null }.Host;
}
