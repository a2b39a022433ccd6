using System.Data.Common;
using System.Diagnostics;
using HdrHistogram;
using Microsoft.Data.Sqlite;
using TradingActors.Actors.Node;

namespace TradingActors.Benchmarks.Journal;

/// <summary>
/// The raw floor of journal writes on the same database, without Akka: the imported journal's own rows, read back,
/// inserted again into empty tables of the journal's shape (SQLite: its DDL, in a fresh file in WAL mode with the
/// node's settings; PostgreSQL: <c>CREATE TABLE … (LIKE journal INCLUDING ALL)</c> beside it) with parameterised
/// INSERTs: in transactions of 1,000 rows (SQLite: one prepared command; Npgsql: one <c>DbBatch</c> per transaction),
/// and one commit per row for a few seconds.
/// </summary>
public static class RowFloor
{
    private const string Columns = "created, deleted, persistence_id, sequence_number, message, tags, manifest, identifier, writer_uuid";
    private const int ColumnCount = 9;

    public static (double BatchedRowsPerSecond, double CommitsPerSecond, HistogramBase CommitLatency) Run(JournalStore journal, TimeSpan singleFor)
    {
        List<object[]> rows;
        using (var source = journal.Open())
        {
            rows = ReadRows(source);
        }
        using var batched = EmptyTable(journal, "floor_batched", out var batchedTable);
        var clock = Stopwatch.StartNew();
        for (var from = 0; from < rows.Count; from += 1000)
        {
            using var transaction = batched.BeginTransaction();
            Insert(batched, transaction, batchedTable, rows.GetRange(from, Math.Min(1000, rows.Count - from)));
            transaction.Commit();
        }
        var batchedRate = rows.Count / clock.Elapsed.TotalSeconds;

        using var single = EmptyTable(journal, "floor_single", out var singleTable);
        var latency = Figures.Latencies();
        clock.Restart();
        for (var i = 0; i < rows.Count && clock.Elapsed < singleFor; i++)
        {
            var start = Stopwatch.GetTimestamp();
            Insert(single, null, singleTable, [rows[i]]);
            latency.RecordValue(Figures.MicrosecondsSince(start));
        }
        return (batchedRate, latency.TotalCount / clock.Elapsed.TotalSeconds, latency);
    }

    private static List<object[]> ReadRows(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM journal ORDER BY ordering";
        using var reader = command.ExecuteReader();
        var rows = new List<object[]>();
        while (reader.Read())
        {
            var row = new object[ColumnCount];
            reader.GetValues(row);
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>An open connection to an empty table of the journal's shape, named <paramref name="table"/>.</summary>
    private static DbConnection EmptyTable(JournalStore journal, string name, out string table)
    {
        if (journal.Postgres is not null)
        {
            var connection = journal.Open();
            JournalStore.Scalar(connection, $"CREATE TABLE {name} (LIKE journal INCLUDING ALL)");
            table = name;
            return connection;
        }
        string[] ddl;
        using (var source = journal.Open())
        using (var command = source.CreateCommand())
        {
            command.CommandText = "SELECT sql FROM sqlite_master WHERE tbl_name = 'journal' AND sql IS NOT NULL ORDER BY type DESC";
            using var reader = command.ExecuteReader();
            var statements = new List<string>();
            while (reader.Read())
            {
                statements.Add(reader.GetString(0));
            }
            ddl = [.. statements];
        }
        var file = Path.Combine(journal.DataDir, name + ".db");
        var connectionString = $"Data Source={file};Pooling=False";
        SqliteJournalFile.Prepare(connectionString);
        var floor = new SqliteConnection(connectionString);
        floor.Open();
        foreach (var statement in ddl)
        {
            JournalStore.Scalar(floor, statement);
        }
        table = "journal";
        return floor;
    }

    private static void Insert(DbConnection connection, DbTransaction? transaction, string table, List<object[]> rows)
    {
        var sql = $"INSERT INTO {table} ({Columns}) VALUES ({string.Join(", ", Enumerable.Range(1, ColumnCount).Select(i => "$" + i))})";
        if (connection.CanCreateBatch)
        {
            using var batch = connection.CreateBatch();
            batch.Transaction = transaction;
            foreach (var row in rows)
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = sql;
                foreach (var value in row)
                {
                    var p = command.CreateParameter();
                    p.Value = value;
                    command.Parameters.Add(p);
                }
                batch.BatchCommands.Add(command);
            }
            batch.ExecuteNonQuery();
            return;
        }
        using var insert = connection.CreateCommand();
        insert.CommandText = sql;
        insert.Transaction = transaction;
        var parameters = Enumerable.Range(1, ColumnCount).Select(i =>
        {
            var p = insert.CreateParameter();
            p.ParameterName = "$" + i;
            insert.Parameters.Add(p);
            return p;
        }).ToArray();
        insert.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < ColumnCount; i++)
            {
                parameters[i].Value = row[i];
            }
            insert.ExecuteNonQuery();
        }
    }
}
