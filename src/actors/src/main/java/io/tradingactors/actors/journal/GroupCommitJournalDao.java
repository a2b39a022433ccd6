package io.tradingactors.actors.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.pekko.persistence.AtomicWrite;
import org.apache.pekko.persistence.PersistentRepr;
import org.apache.pekko.persistence.jdbc.PekkoSerialization;
import org.apache.pekko.persistence.jdbc.config.EventJournalTableColumnNames;
import org.apache.pekko.persistence.jdbc.config.EventJournalTableConfiguration;
import org.apache.pekko.persistence.jdbc.config.EventTagTableConfiguration;
import org.apache.pekko.persistence.jdbc.config.JournalConfig;
import org.apache.pekko.persistence.jdbc.journal.dao.DefaultJournalDao;
import org.apache.pekko.persistence.journal.Tagged;
import org.apache.pekko.serialization.Serialization;
import org.apache.pekko.stream.Materializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.concurrent.ExecutionContext;
import scala.concurrent.Future;
import scala.concurrent.Promise;
import scala.runtime.BoxedUnit;
import scala.util.Failure;
import scala.util.Success;
import scala.util.Try;
import slick.jdbc.JdbcBackend;
import slick.jdbc.JdbcProfile;

/**
 * The journal DAO of pekko-persistence-jdbc 1.1.1 with its write path replaced by a group commit: every write of
 * every entity goes to a writer thread that takes all the writes waiting at that moment and inserts them with one
 * multi-row INSERT (one statement, so one transaction and one round trip), then completes them. Reads, deletes and the highest sequence number are the plugin's
 * own ({@link DefaultJournalDao}).
 *
 * <p>Why (docs/benchmarks.md, "Where the time of one persist went"): the plugin's write path hands each write through
 * a Pekko Streams queue (a stage on another thread), then Slick's {@code AsyncExecutor} (another hand-off, the
 * commit a clean-up continuation), then back through the stream to the journal actor — about 20 context switches per
 * persisted command, which on a machine of 2 busy cores cost far more than the INSERT itself. Here a write costs one hand-off to the writer and one back; writes that arrive while a
 * transaction is running share the next one, which is what makes many entities cheap.
 *
 * <p>Semantics kept from the plugin: each {@link AtomicWrite} is all-or-nothing (a transaction never commits part of
 * one); its future completes only after the COMMIT returned, i.e. after the events are as durable as the database
 * makes a commit; a write whose events cannot be serialized is rejected alone; {@code jdbc-journal.batchSize} bounds
 * the rows of one transaction (one write larger than that still goes whole), {@code jdbc-journal.parallelism} is the
 * number of writer threads (each persistence id always uses the same one, so writes of one entity stay in order), and
 * {@code jdbc-journal.bufferSize} bounds the writes waiting per writer (beyond it a write fails at once, like the
 * plugin's "queue buffer was full"). If a grouped transaction fails, each write of the group is retried in its own
 * transaction, so a bad write (say, a duplicate sequence number from a second writer of the same entity) fails only
 * itself. Tagged events (every event since the read model's projection: docs/read-model.md) get their
 * {@code event_tag} rows in the same transaction: the journal rows' generated orderings are read back from the INSERT
 * (the plugin's tags reference {@code ordering}), then the tags go in one multi-row INSERT, then one COMMIT.
 *
 * <p>Connections come from the plugin's pool (Slick's HikariCP data source of the shared database), one per
 * transaction, borrowed for the statement only. The writer threads stop when the actor system terminates.
 */
public class GroupCommitJournalDao extends DefaultJournalDao {

  private static final Logger LOG = LoggerFactory.getLogger(GroupCommitJournalDao.class);

  private final JdbcBackend.JdbcDatabaseDef database;
  private final Serialization serialization;
  /** 12 bind parameters a row; PostgreSQL takes at most 65,535 in one statement. */
  static final int MAX_ROWS_PER_STATEMENT = 65_535 / 12;

  private final String insertPrefix;
  private final String tagInsertPrefix;
  /** The generated and key columns read back from a tagged INSERT, as the journal table names them. */
  private final String[] keyColumns;
  /** Written by the writer threads only; a racy cache of immutable strings is harmless. */
  private final String[] insertSqlBySize = new String[1025];
  private final Writer[] writers;
  private final AtomicBoolean stopped = new AtomicBoolean();

  public GroupCommitJournalDao(
      JdbcBackend.JdbcDatabaseDef db,
      JdbcProfile profile,
      JournalConfig journalConfig,
      Serialization serialization,
      ExecutionContext ec,
      Materializer mat) {
    super(db, profile, journalConfig, serialization, ec, mat);
    this.database = db;
    this.serialization = serialization;
    this.insertPrefix = insertPrefix(journalConfig.eventJournalTableConfiguration());
    this.tagInsertPrefix = tagInsertPrefix(journalConfig.eventTagTableConfiguration());
    EventJournalTableColumnNames names = journalConfig.eventJournalTableConfiguration().columnNames();
    this.keyColumns = new String[] {names.ordering(), names.persistenceId(), names.sequenceNumber()};
    int parallelism = Math.max(1, journalConfig.daoConfig().parallelism());
    int maxRows = Math.max(1, journalConfig.daoConfig().batchSize());
    int capacity = Math.max(1, journalConfig.daoConfig().bufferSize());
    this.writers = new Writer[parallelism];
    for (int i = 0; i < parallelism; i++) {
      writers[i] = new Writer("journal-group-commit-" + i, maxRows, capacity);
      writers[i].start();
    }
    mat.system().registerOnTermination(this::stop);
  }

  /** Stops the writer threads; writes still waiting fail. Called when the actor system terminates. */
  public void stop() {
    if (stopped.compareAndSet(false, true)) {
      for (Writer w : writers) {
        w.interrupt();
      }
    }
  }

  @Override
  public Future<scala.collection.immutable.Seq<Try<BoxedUnit>>> asyncWriteMessages(
      scala.collection.immutable.Seq<AtomicWrite> messages) {
    List<Row> rows = new ArrayList<>();
    List<Try<BoxedUnit>> results = new ArrayList<>(messages.size());
    boolean allSerialized = true;
    String persistenceId = null;
    scala.collection.Iterator<AtomicWrite> it = messages.iterator();
    while (it.hasNext()) {
      AtomicWrite write = it.next();
      persistenceId = write.persistenceId();
      List<Row> ofWrite = new ArrayList<>(write.size());
      try {
        scala.collection.Iterator<PersistentRepr> reprs = write.payload().iterator();
        while (reprs.hasNext()) {
          PersistentRepr repr = reprs.next();
          if (repr.payload() instanceof Tagged tagged) {
            List<String> tags = new ArrayList<>(tagged.tags().size());
            tagged.tags().foreach(tags::add);
            ofWrite.add(Row.of(serialization, repr.withPayload(tagged.payload()), tags));
          } else {
            ofWrite.add(Row.of(serialization, repr, List.of()));
          }
        }
        rows.addAll(ofWrite);
        results.add(new Success<>(BoxedUnit.UNIT));
      } catch (RuntimeException e) {
        allSerialized = false;
        results.add(new Failure<>(e));
      }
    }
    // as the plugin answers: an empty list when every write was serialized, else one Try per AtomicWrite
    scala.collection.immutable.Seq<Try<BoxedUnit>> outcome =
        scala.jdk.javaapi.CollectionConverters.asScala(allSerialized ? List.<Try<BoxedUnit>>of() : results).toList();
    if (rows.isEmpty()) {
      return Future.successful(outcome);
    }
    Request request = new Request(rows, outcome);
    Writer writer = writers[Math.floorMod(persistenceId.hashCode(), writers.length)];
    if (stopped.get()) {
      return scala.concurrent.Future$.MODULE$.failed(new IllegalStateException("the journal is shutting down"));
    }
    if (!writer.queue.offer(request)) {
      return scala.concurrent.Future$.MODULE$.failed(
          new IllegalStateException(
              "journal write queue full (" + writer.capacity + " writes waiting); see jdbc-journal.bufferSize"));
    }
    return request.promise.future();
  }

  // ---- writing --------------------------------------------------------------------------------------------------

  /** One AtomicWrite call (one or more AtomicWrites of one journal call) waiting for its commit. */
  private static final class Request {
    final List<Row> rows;
    final scala.collection.immutable.Seq<Try<BoxedUnit>> outcome;
    final Promise<scala.collection.immutable.Seq<Try<BoxedUnit>>> promise = Promise.apply();

    Request(List<Row> rows, scala.collection.immutable.Seq<Try<BoxedUnit>> outcome) {
      this.rows = rows;
      this.outcome = outcome;
    }
  }

  private final class Writer extends Thread {
    final LinkedBlockingQueue<Request> queue;
    final int capacity;
    final int maxRows;

    Writer(String name, int maxRows, int capacity) {
      super(name);
      setDaemon(true);
      this.queue = new LinkedBlockingQueue<>(capacity);
      this.capacity = capacity;
      this.maxRows = maxRows;
    }

    @Override
    public void run() {
      List<Request> group = new ArrayList<>();
      while (!stopped.get()) {
        try {
          Request first = queue.poll(1, TimeUnit.SECONDS);
          if (first == null) {
            continue;
          }
          group.add(first);
          int rows = first.rows.size();
          Request next;
          while (rows < maxRows && (next = queue.peek()) != null && rows + next.rows.size() <= maxRows) {
            group.add(queue.poll());
            rows += next.rows.size();
          }
          commit(group);
        } catch (InterruptedException e) {
          break;
        } catch (Throwable t) {
          // never lose a promise: whatever went wrong fails the writes of this group
          for (Request r : group) {
            r.promise.tryFailure(t);
          }
          LOG.error("journal writer: unexpected failure", t);
        } finally {
          group.clear();
        }
      }
      IllegalStateException closed = new IllegalStateException("the journal is shutting down");
      Request r;
      while ((r = queue.poll()) != null) {
        r.promise.tryFailure(closed);
      }
    }

    private void commit(List<Request> group) {
      try {
        insert(group);
        for (Request r : group) {
          r.promise.success(r.outcome);
        }
      } catch (SQLException e) {
        if (group.size() == 1) {
          group.get(0).promise.failure(e);
          return;
        }
        // One bad write must not fail the others: each again, alone.
        for (Request r : group) {
          try {
            insert(List.of(r));
            r.promise.success(r.outcome);
          } catch (SQLException alone) {
            r.promise.failure(alone);
          }
        }
      }
    }
  }

  /**
   * Inserts the rows of every request atomically. Up to {@link #MAX_ROWS_PER_STATEMENT} rows go as ONE multi-row
   * INSERT in auto-commit mode — a single statement is its own transaction, so this is one round trip to the
   * database and one commit; more rows, or tagged rows (journal rows, then their tags), go as several statements
   * inside an explicit transaction.
   */
  private void insert(List<Request> group) throws SQLException {
    List<Row> rows = new ArrayList<>();
    for (Request r : group) {
      rows.addAll(r.rows);
    }
    boolean tagged = rows.stream().anyMatch(r -> !r.tags().isEmpty());
    try (Connection c = database.source().createConnection()) {
      if (!tagged && rows.size() <= MAX_ROWS_PER_STATEMENT) {
        if (!c.getAutoCommit()) {
          c.setAutoCommit(true);
        }
        execute(c, rows);
        return;
      }
      c.setAutoCommit(false);
      try {
        for (int from = 0; from < rows.size(); from += MAX_ROWS_PER_STATEMENT) {
          List<Row> part = rows.subList(from, Math.min(rows.size(), from + MAX_ROWS_PER_STATEMENT));
          if (tagged) {
            insertTags(c, part, executeReturningOrderings(c, part));
          } else {
            execute(c, part);
          }
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        try {
          c.rollback();
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
    }
  }

  private void execute(Connection c, List<Row> rows) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(insertSql(rows.size()))) {
      int p = 1;
      for (Row row : rows) {
        p = row.bind(ps, p);
      }
      ps.executeUpdate();
    }
  }

  /** Inserts the rows and answers each one's generated ordering, keyed by "persistence id \u0000 sequence nr". */
  private Map<String, Long> executeReturningOrderings(Connection c, List<Row> rows) throws SQLException {
    Map<String, Long> orderings = new HashMap<>(rows.size() * 2);
    try (PreparedStatement ps = c.prepareStatement(insertSql(rows.size()), keyColumns)) {
      int p = 1;
      for (Row row : rows) {
        p = row.bind(ps, p);
      }
      ps.executeUpdate();
      // by name and key, not by position: neither driver promises the rows come back in VALUES order
      try (ResultSet keys = ps.getGeneratedKeys()) {
        while (keys.next()) {
          orderings.put(keys.getString(2) + '\u0000' + keys.getLong(3), keys.getLong(1));
        }
      }
    }
    if (orderings.size() != rows.size()) {
      throw new SQLException("the journal INSERT returned " + orderings.size() + " keys for " + rows.size() + " rows");
    }
    return orderings;
  }

  /** One multi-row INSERT of every tag of {@code rows} (bound in chunks within PostgreSQL's parameter limit). */
  private void insertTags(Connection c, List<Row> rows, Map<String, Long> orderings) throws SQLException {
    List<Object[]> tagRows = new ArrayList<>();
    for (Row row : rows) {
      Long ordering = orderings.get(row.persistenceId() + '\u0000' + row.sequenceNr());
      for (String tag : row.tags()) {
        tagRows.add(new Object[] {ordering, tag});
      }
    }
    int chunk = 65_535 / 2;
    for (int from = 0; from < tagRows.size(); from += chunk) {
      List<Object[]> part = tagRows.subList(from, Math.min(tagRows.size(), from + chunk));
      try (PreparedStatement ps = c.prepareStatement(tagInsertPrefix + ", (?, ?)".repeat(part.size()).substring(1))) {
        int p = 1;
        for (Object[] t : part) {
          ps.setLong(p++, (Long) t[0]);
          ps.setString(p++, (String) t[1]);
        }
        ps.executeUpdate();
      }
    }
  }

  /** The INSERT of {@code n} rows; the common sizes are kept, so the driver can reuse its prepared statement. */
  private String insertSql(int n) {
    if (n < insertSqlBySize.length) {
      String sql = insertSqlBySize[n];
      if (sql == null) {
        sql = insertPrefix + ", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)".repeat(n).substring(1);
        insertSqlBySize[n] = sql;
      }
      return sql;
    }
    return insertPrefix + ", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)".repeat(n).substring(1);
  }

  private static String insertPrefix(EventJournalTableConfiguration table) {
    EventJournalTableColumnNames c = table.columnNames();
    String[] columns = {
      c.deleted(), c.persistenceId(), c.sequenceNumber(), c.writer(), c.writeTimestamp(), c.adapterManifest(),
      c.eventPayload(), c.eventSerId(), c.eventSerManifest(), c.metaPayload(), c.metaSerId(), c.metaSerManifest()
    };
    StringBuilder sql = new StringBuilder("INSERT INTO ");
    if (table.schemaName().isDefined()) {
      sql.append(quote(table.schemaName().get())).append('.');
    }
    sql.append(quote(table.tableName())).append(" (");
    for (int i = 0; i < columns.length; i++) {
      sql.append(i == 0 ? "" : ", ").append(quote(columns[i]));
    }
    return sql.append(") VALUES").toString();
  }

  private static String tagInsertPrefix(EventTagTableConfiguration table) {
    StringBuilder sql = new StringBuilder("INSERT INTO ");
    if (table.schemaName().isDefined()) {
      sql.append(quote(table.schemaName().get())).append('.');
    }
    return sql.append(quote(table.tableName()))
        .append(" (")
        .append(quote(table.columnNames().eventId()))
        .append(", ")
        .append(quote(table.columnNames().tag()))
        .append(") VALUES")
        .toString();
  }

  /** Quoted as Slick's H2 and PostgreSQL profiles quote them (the H2 schema's names are lower case, quoted). */
  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /** A serialized event, ready to bind. */
  private record Row(
      boolean deleted,
      String persistenceId,
      long sequenceNr,
      String writer,
      long timestamp,
      String adapterManifest,
      byte[] payload,
      int serId,
      String serManifest,
      byte[] metaPayload,
      Integer metaSerId,
      String metaSerManifest,
      List<String> tags) {

    static Row of(Serialization serialization, PersistentRepr repr, List<String> tags) {
      PekkoSerialization.PekkoSerialized event = PekkoSerialization.serialize(serialization, repr.payload()).get();
      byte[] metaPayload = null;
      Integer metaSerId = null;
      String metaSerManifest = null;
      if (repr.metadata().isDefined()) {
        // as the plugin does: metadata that cannot be serialized is left out, the event is still written
        Try<PekkoSerialization.PekkoSerialized> meta =
            PekkoSerialization.serialize(serialization, repr.metadata().get());
        if (meta.isSuccess()) {
          metaPayload = meta.get().payload();
          metaSerId = meta.get().serId();
          metaSerManifest = meta.get().serManifest();
        }
      }
      return new Row(
          repr.deleted(),
          repr.persistenceId(),
          repr.sequenceNr(),
          repr.writerUuid(),
          repr.timestamp(),
          repr.manifest(),
          event.payload(),
          event.serId(),
          event.serManifest(),
          metaPayload,
          metaSerId,
          metaSerManifest,
          tags);
    }

    /** Binds the 12 columns from parameter {@code p}; returns the next parameter index. */
    int bind(PreparedStatement ps, int p) throws SQLException {
      ps.setBoolean(p, deleted);
      ps.setString(p + 1, persistenceId);
      ps.setLong(p + 2, sequenceNr);
      ps.setString(p + 3, writer);
      ps.setLong(p + 4, timestamp);
      ps.setString(p + 5, adapterManifest);
      ps.setBytes(p + 6, payload);
      ps.setInt(p + 7, serId);
      ps.setString(p + 8, serManifest);
      if (metaPayload == null) {
        ps.setNull(p + 9, Types.BINARY);
        ps.setNull(p + 10, Types.INTEGER);
        ps.setNull(p + 11, Types.VARCHAR);
      } else {
        ps.setBytes(p + 9, metaPayload);
        ps.setInt(p + 10, metaSerId);
        ps.setString(p + 11, metaSerManifest);
      }
      return p + 12;
    }
  }
}
