namespace TradingActors.Stream.Tests;

/// <summary>
/// One server for <see cref="StreamTest"/>: heartbeats after 300 ms idle and a resume buffer of 4 decisions, so that
/// heartbeats and an evicted <c>Last-Event-ID</c> happen within a test. Each test uses its own strategy ids.
/// </summary>
public sealed class StreamServerFixture : IAsyncLifetime
{
    internal const int ResumeBuffer = 4;

    internal TestServer Server { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Server = await TestServer.StartAsync(TestServer.Api(heartbeat: TimeSpan.FromMilliseconds(300), resumeBuffer: ResumeBuffer));

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
