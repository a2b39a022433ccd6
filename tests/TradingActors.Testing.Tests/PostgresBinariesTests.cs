namespace TradingActors.Testing.Tests;

public sealed class PostgresBinariesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("fake-postgresql-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void The_message_says_how_to_install_and_how_to_use_an_existing_server()
    {
        var message = PostgresBinaries.MissingMessage("/nowhere");
        Assert.Contains("/nowhere/*/bin", message, StringComparison.Ordinal);
        Assert.Contains("as root", message, StringComparison.Ordinal);
        Assert.Contains("apt-get install -y postgresql", message, StringComparison.Ordinal);
        Assert.Contains("TRADING_ACTORS_TEST_PG", message, StringComparison.Ordinal);
        Assert.Contains("CREATE DATABASE", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_15_is_chosen_when_installed_else_the_newest_complete_major()
    {
        Assert.Null(PostgresBinaries.FindBinDirectory(_root));
        Assert.Null(PostgresBinaries.FindBinDirectory(Path.Combine(_root, "absent")));
        Install("13");
        Install("16", "initdb", "pg_ctl");
        Install("old", "initdb", "pg_ctl", "postgres");
        Assert.Equal(Path.Combine(_root, "13", "bin"), PostgresBinaries.FindBinDirectory(_root));
        Install("14");
        Assert.Equal(Path.Combine(_root, "14", "bin"), PostgresBinaries.FindBinDirectory(_root));
        Install("15");
        Install("17");
        Assert.Equal(Path.Combine(_root, "15", "bin"), PostgresBinaries.FindBinDirectory(_root));
    }

    [Fact]
    public void This_machine_has_server_programs_or_names_an_existing_server()
    {
        Assert.True(
            PostgresBinaries.FindBinDirectory() is not null
            || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresServer.ExternalServerVariable)),
            PostgresBinaries.MissingMessage());
    }

    private void Install(string major, params string[] programs)
    {
        var bin = Directory.CreateDirectory(Path.Combine(_root, major, "bin")).FullName;
        foreach (var program in programs.Length == 0 ? ["initdb", "pg_ctl", "postgres"] : programs)
        {
            File.WriteAllText(Path.Combine(bin, program), "");
        }
    }
}
