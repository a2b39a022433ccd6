namespace TradingActors.Testing;

/// <summary>How <see cref="PostgresServer.StartNewAsync"/> sets up a throwaway cluster.</summary>
public sealed record PostgresServerOptions
{
    /// <summary>
    /// <see langword="false"/> (the default, and the shared server's setting): <c>fsync=off</c>,
    /// <c>synchronous_commit=off</c>, <c>full_page_writes=off</c> and <c>initdb --no-sync</c>, for speed. A commit
    /// may then be acknowledged before its WAL is written, so <see cref="PostgresServer.StopAsync"/> (an immediate,
    /// crash-like stop) can lose the last few hundred milliseconds of acknowledged commits.
    /// <see langword="true"/>: PostgreSQL's durable defaults, so every acknowledged commit survives a stop; use it in
    /// tests that assert on what survives an outage.
    /// </summary>
    public bool Durable { get; init; }

    /// <summary>
    /// Where to look for the server programs, one directory per major version (<c>{root}/NN/bin</c>); see
    /// <see cref="PostgresBinaries.FindBinDirectory"/>. Defaults to <see cref="PostgresBinaries.DefaultRoot"/>.
    /// </summary>
    public string BinariesRoot { get; init; } = PostgresBinaries.DefaultRoot;
}
