namespace TradingActors.Testing.Tests;

/// <summary>
/// One of two classes that each get their own database from the fixture (see <see cref="IsolationProbe"/>).
/// </summary>
public sealed class FirstIsolatedClassTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public Task The_class_is_alone_in_its_database() =>
        IsolationProbe.AssertAloneAsync(database.ConnectionString, nameof(FirstIsolatedClassTests));
}
