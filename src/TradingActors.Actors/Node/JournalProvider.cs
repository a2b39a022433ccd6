namespace TradingActors.Actors.Node;

/// <summary>The databases the journal runs on (DESIGN §4, §7).</summary>
public enum JournalProvider
{
    /// <summary>One SQLite file under the data directory, in WAL mode: the embedded default, for one node.</summary>
    Sqlite,

    /// <summary>PostgreSQL: the journal of a cluster.</summary>
    PostgreSql,
}
