using Akka.Actor;
using Akka.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TradingActors.Actors.Node;

namespace TradingActors.Cli.Hosting;

/// <summary>
/// A TradingActors node inside a .NET generic host, for the commands that need the journal (<c>import</c>,
/// <c>replay</c>; <c>serve</c> adds the HTTP API to the same composition). Akka logs to stderr.
/// </summary>
public sealed class NodeHost : IAsyncDisposable
{
    private readonly IHost _host;

    private NodeHost(IHost host)
    {
        _host = host;
        System = host.Services.GetRequiredService<ActorSystem>();
        Registry = host.Services.GetRequiredService<ActorRegistry>();
    }

    public ActorSystem System { get; }

    public ActorRegistry Registry { get; }

    /// <summary>Starts a node and waits until it is an Up member of its cluster (of one, by default).</summary>
    public static Task<NodeHost> StartAsync(NodeSettings settings, CancellationToken cancel = default) =>
        StartAsync(settings, clock: null, cancel);

    /// <summary>
    /// Starts a node whose risk decisions are taken at <paramref name="clock"/>'s time (the system clock when null;
    /// tests move a manual one), and waits until it is an Up member of its cluster.
    /// </summary>
    public static async Task<NodeHost> StartAsync(NodeSettings settings, TimeProvider? clock, CancellationToken cancel = default)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddAkka("trading-actors", akka => akka
            .WithTradingActors(settings, clock)
            .AddHocon(StandardErrorLogger.Hocon, HoconAddMode.Prepend));
        var host = builder.Build();
        await host.StartAsync(cancel).ConfigureAwait(false);
        var node = new NodeHost(host);
        await TradingActorsNode.WhenUp(node.System, TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        return node;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync().ConfigureAwait(false);
        _host.Dispose();
    }
}
