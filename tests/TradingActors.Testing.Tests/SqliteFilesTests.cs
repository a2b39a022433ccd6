namespace TradingActors.Testing.Tests;

public sealed class SqliteFilesTests
{
    [Fact]
    public void Each_instance_is_its_own_directory_deleted_on_dispose()
    {
        var first = new SqliteFiles();
        var second = new SqliteFiles("other");
        Assert.True(Directory.Exists(first.Directory));
        Assert.NotEqual(first.Directory, second.Directory);
        Assert.Equal(Path.Combine(first.Directory, "journal.db"), first.JournalPath);
        Assert.False(File.Exists(first.JournalPath));
        Assert.StartsWith("other-", Path.GetFileName(second.Directory), StringComparison.Ordinal);

        File.WriteAllText(first.JournalPath, "x");
        File.WriteAllText(first.PathFor("journal.db-wal"), "y");
        first.Dispose();
        first.Dispose();
        second.Dispose();
        Assert.False(Directory.Exists(first.Directory));
        Assert.False(Directory.Exists(second.Directory));
    }

    [Fact]
    public void Only_plain_file_names_are_accepted()
    {
        using var files = new SqliteFiles();
        Assert.Throws<ArgumentException>(() => files.PathFor("../escape.db"));
        Assert.Throws<ArgumentException>(() => files.PathFor(""));
    }
}
