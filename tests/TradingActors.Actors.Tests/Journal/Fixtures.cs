using TradingActors.Testing;

namespace TradingActors.Actors.Tests.Journal;

/// <summary>An empty journal for a test class whose tests start and stop their own nodes on it.</summary>
public abstract class JournalFixture(JournalKind kind) : IAsyncLifetime
{
    public JournalKind Kind => kind;

    public TestJournal Journal { get; private set; } = null!;

    public async Task InitializeAsync() => Journal = await TestJournal.CreateAsync(kind);

    public async Task DisposeAsync() => await Journal.DisposeAsync();
}

public sealed class SqliteJournal() : JournalFixture(JournalKind.Sqlite);

public sealed class PostgresJournal() : JournalFixture(JournalKind.PostgreSql);

/// <summary>
/// A node shared by the tests of one class (starting one costs seconds), on an empty journal of the class's own, its
/// configuration <paramref name="hocon"/>, its clock a <see cref="ManualClock"/>. Tests use distinct strategy ids.
/// </summary>
public abstract class NodeFixture(JournalKind kind, string hocon = "") : IAsyncLifetime
{
    public static readonly DateTimeOffset ClockStart = new(2025, 3, 3, 10, 0, 0, TimeSpan.Zero);

    public JournalKind Kind => kind;

    public TestJournal Journal { get; private set; } = null!;

    public TestNode Node { get; private set; } = null!;

    public ManualClock Clock { get; } = new(ClockStart);

    public async Task InitializeAsync()
    {
        Journal = await TestJournal.CreateAsync(kind);
        Node = await TestNode.StartAsync(Journal.Settings(hocon), Clock);
    }

    public async Task DisposeAsync()
    {
        if (Node is not null)
        {
            await Node.DisposeAsync();
        }
        await Journal.DisposeAsync();
    }
}

public sealed class SqliteNode() : NodeFixture(JournalKind.Sqlite);

public sealed class PostgresNode() : NodeFixture(JournalKind.PostgreSql);
