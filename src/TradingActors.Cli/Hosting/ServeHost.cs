using System.Net;
using Akka.Actor;
using Akka.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TradingActors.Actors.Node;
using TradingActors.Api;
using TradingActors.Api.Security;
using TradingActors.Cli.Demo;

namespace TradingActors.Cli.Hosting;

/// <summary>
/// <c>serve</c>'s process: one .NET host running the Akka node (<c>WithTradingActors</c>) and the HTTP API on Kestrel.
/// Stopping it stops accepting, ends the open streams, lets requests in flight finish (10 s at most), then leaves the
/// cluster and stops the actors and the journal.
/// </summary>
public sealed class ServeHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ServeHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>Where the API listens (the port chosen when 0 was asked).</summary>
    public Uri Address { get; }

    public IServiceProvider Services => _app.Services;

    public ActorSystem System => _app.Services.GetRequiredService<ActorSystem>();

    /// <summary>Starts the node and the API and waits until the node is an Up member of its cluster.</summary>
    public static async Task<ServeHost> StartAsync(ServeOptions options, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = "trading-actors" });
        builder.Logging.ClearProviders();
        // Warnings and errors on stderr: stdout carries only the line saying where the API listens.
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter((_, level) => level >= LogLevel.Warning);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(15));
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // The API refuses larger bodies itself with its own error (413 payload_too_large); Kestrel's cap is a backstop.
            kestrel.Limits.MaxRequestBodySize = options.Api.MaxBodySize + 1L;
            if (options.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
            {
                kestrel.ListenLocalhost(options.Port);
            }
            else
            {
                kestrel.Listen(IPAddress.Parse(options.Host), options.Port);
            }
        });
        builder.Services.AddAkka("trading-actors", akka => akka
            .WithTradingActors(options.Node, options.Clock)
            .AddHocon(StandardErrorLogger.Hocon, HoconAddMode.Prepend));
        builder.Services.AddTradingActorsApi(options.Api, options.Node.Journal, options.Token);
        if (options.Demo)
        {
            builder.Services.AddSingleton(new DemoSettings(options.Api.DemoInterval, options.DemoToken));
            builder.Services.AddHostedService<DemoEngine>();
        }
        var app = builder.Build();
        app.UseTradingActorsApi();
        await app.StartAsync(cancel).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.Select(a => new Uri(a.Replace("[::]", "localhost", StringComparison.Ordinal))).First();
        var host = new ServeHost(app, address);
        await TradingActorsNode.WhenUp(host.System, TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        return host;
    }

    /// <summary>Stops as Ctrl-C does.</summary>
    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}

/// <summary>Everything <c>serve</c> starts with, checked.</summary>
public sealed record ServeOptions(
    NodeSettings Node,
    ApiSettings Api,
    BearerToken Token,
    string Host,
    int Port,
    bool Demo = false,
    TimeProvider? Clock = null,
    string? DemoToken = null);
