package io.tradingactors.tests;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.typesafe.config.Config;
import io.tradingactors.domain.MetricsSnapshot;
import io.tradingactors.domain.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A journal written by an earlier version of the events, checked into {@code src/test/resources/journal-fixtures/}:
 * the rows exactly as pekko-persistence-jdbc stored them (serializer id, manifest with the event version, payload
 * bytes) and the snapshot that version computed from them. Fixtures are written once and never regenerated.
 */
final class JournalFixture {

  static final Path ROOT = Path.of("src/test/resources/journal-fixtures");
  static final String ROWS = "events.jsonl";
  static final String SNAPSHOT = "snapshot.json";

  /** One event_journal row. */
  record Row(
      @JsonProperty("persistence_id") String persistenceId,
      @JsonProperty("sequence_number") long sequenceNumber,
      @JsonProperty("writer") String writer,
      @JsonProperty("write_timestamp") long writeTimestamp,
      @JsonProperty("event_ser_id") int serializerId,
      @JsonProperty("event_ser_manifest") String manifest,
      @JsonProperty("event_payload") String payloadBase64) {}

  private JournalFixture() {}

  static List<Row> exportRows(Connection c, String persistenceId) throws SQLException {
    List<Row> rows = new ArrayList<>();
    try (PreparedStatement st =
        c.prepareStatement(
            "SELECT \"persistence_id\", \"sequence_number\", \"writer\", \"write_timestamp\", \"event_ser_id\","
                + " \"event_ser_manifest\", \"event_payload\" FROM \"event_journal\""
                + " WHERE \"persistence_id\" = ? ORDER BY \"sequence_number\"")) {
      st.setString(1, persistenceId);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new Row(
                  rs.getString(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getInt(5), rs.getString(6),
                  Base64.getEncoder().encodeToString(rs.getBytes(7))));
        }
      }
    }
    return rows;
  }

  /** Inserts the rows into an empty journal whose schema exists (ordering is assigned by the database). */
  static void importRows(Config config, List<Row> rows) throws SQLException {
    try (Connection c = Journals.connect(config);
        PreparedStatement st =
            c.prepareStatement(
                "INSERT INTO \"event_journal\" (\"persistence_id\", \"sequence_number\", \"deleted\", \"writer\","
                    + " \"write_timestamp\", \"adapter_manifest\", \"event_ser_id\", \"event_ser_manifest\","
                    + " \"event_payload\") VALUES (?, ?, FALSE, ?, ?, '', ?, ?, ?)")) {
      for (Row r : rows) {
        st.setString(1, r.persistenceId());
        st.setLong(2, r.sequenceNumber());
        st.setString(3, r.writer());
        st.setLong(4, r.writeTimestamp());
        st.setInt(5, r.serializerId());
        st.setString(6, r.manifest());
        st.setBytes(7, Base64.getDecoder().decode(r.payloadBase64()));
        st.addBatch();
      }
      st.executeBatch();
    }
  }

  static String snapshotJson(MetricsSnapshot snapshot) throws IOException {
    return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(snapshot) + "\n";
  }

  static List<Row> readRows(Path dir) throws IOException {
    List<Row> rows = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve(ROWS))) {
      if (!line.isBlank()) {
        rows.add(Json.mapper().readValue(line, Row.class));
      }
    }
    return rows;
  }

  static void writeRows(Path dir, List<Row> rows) throws IOException {
    List<String> lines = new ArrayList<>();
    for (Row r : rows) {
      lines.add(Json.mapper().writeValueAsString(r));
    }
    Files.write(dir.resolve(ROWS), lines);
  }
}
