using Npgsql;

namespace TradingActors.Actors.Node;

/// <summary>Where the journal is: its database kind and an ADO.NET connection string.</summary>
public sealed record JournalSettings(JournalProvider Provider, string ConnectionString)
{
    /// <summary>The SQLite file of a data directory.</summary>
    public const string SqliteFileName = "trading-actors.db";

    /// <summary>The embedded journal: <c>trading-actors.db</c> under <paramref name="dataDir"/>.</summary>
    public static JournalSettings Sqlite(string dataDir) => new(
        JournalProvider.Sqlite,
        $"Data Source={Path.GetFullPath(Path.Combine(dataDir, SqliteFileName))};Pooling=True");

    /// <summary>
    /// PostgreSQL from the environment: <c>TRADING_ACTORS_DB_URL</c> (an Npgsql connection string, or a
    /// <c>postgresql://user:password@host:port/database</c> URL), whose user and password
    /// <c>TRADING_ACTORS_DB_USER</c> and <c>TRADING_ACTORS_DB_PASSWORD</c> override.
    /// </summary>
    /// <exception cref="NodeConfigurationException">the URL is missing or malformed</exception>
    public static JournalSettings PostgreSql(Func<string, string?> environment)
    {
        var url = environment("TRADING_ACTORS_DB_URL");
        if (string.IsNullOrWhiteSpace(url))
        {
            throw new NodeConfigurationException(
                "TRADING_ACTORS_DB_URL: must name the PostgreSQL server (Host=…;Database=…;Username=… or " +
                "postgresql://user:password@host:port/database) when trading-actors.journal.provider = postgresql");
        }
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = url.StartsWith("postgres://", StringComparison.Ordinal) || url.StartsWith("postgresql://", StringComparison.Ordinal)
                ? FromUrl(new Uri(url))
                : new NpgsqlConnectionStringBuilder(url);
        }
        catch (Exception e) when (e is ArgumentException or UriFormatException or FormatException)
        {
            throw new NodeConfigurationException($"TRADING_ACTORS_DB_URL: not a connection string or URL: {e.Message}");
        }
        if (environment("TRADING_ACTORS_DB_USER") is { Length: > 0 } user)
        {
            builder.Username = user;
        }
        if (environment("TRADING_ACTORS_DB_PASSWORD") is { Length: > 0 } password)
        {
            builder.Password = password;
        }
        return new JournalSettings(JournalProvider.PostgreSql, builder.ConnectionString);
    }

    /// <summary>The linq2db provider name the SQL plugin needs.</summary>
    public string PluginProviderName => Provider == JournalProvider.Sqlite ? "SQLite.MS" : "PostgreSQL.15";

    private static NpgsqlConnectionStringBuilder FromUrl(Uri url)
    {
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = url.Host,
            Port = url.IsDefaultPort || url.Port <= 0 ? 5432 : url.Port,
            Database = Uri.UnescapeDataString(url.AbsolutePath.TrimStart('/')),
        };
        var userInfo = url.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        }
        if (userInfo.Length > 1)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }
        return builder;
    }
}
