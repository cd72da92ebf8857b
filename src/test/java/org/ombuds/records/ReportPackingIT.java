package org.ombuds.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ombuds.account.LoginResult;
import org.ombuds.audit.AuditKind;
import org.ombuds.common.Ids;
import org.ombuds.store.JdbiAuditStore;
import org.ombuds.store.JdbiReportStore;
import org.ombuds.testing.Postgres;
import org.ombuds.testing.TestOffice;
import org.ombuds.vault.FieldRef;
import org.ombuds.vault.OfficeKeys;
import org.ombuds.vault.Passphrase;

/**
 * Statistical records are packed into encrypted segments when a report is made: every record is
 * still counted exactly once, on SQLite and on a real PostgreSQL, and a segment cannot be moved.
 */
class ReportPackingIT {
  private static final List<Integer> YEARS = List.of(2023, 2024, 2025);

  private record Opened(TestOffice t, String url, String actor, OfficeKeys keys) {}

  private static Opened open(String db) {
    Optional<String> pg =
        db.equals("postgres") ? Optional.of(Postgres.newDatabase()) : Optional.empty();
    TestOffice t = TestOffice.create(pg, Clock.systemUTC());
    String url = pg.orElse("jdbc:sqlite:" + t.dir.resolve("ombuds.db"));
    try (Passphrase p = Passphrase.of(TestOffice.PASSPHRASE)) {
      LoginResult r = t.office.accounts().login(TestOffice.USERNAME, p, Optional.empty());
      assertThat(r).isInstanceOf(LoginResult.LoggedIn.class);
      String actor = ((LoginResult.LoggedIn) r).account().id();
      return new Opened(t, url, actor, t.office.sessions().keys().orElseThrow());
    }
  }

  /** Stores records as closing a case does: one row each, encrypted under the office key. */
  private static void insertLoose(Opened o, List<StatisticalRecord> records) throws SQLException {
    try (Connection c = DriverManager.getConnection(o.url());
        PreparedStatement ps =
            c.prepareStatement("INSERT INTO stat_record (id, data_enc) VALUES (?, ?)")) {
      c.setAutoCommit(false);
      for (StatisticalRecord r : records) {
        String id = Ids.newId();
        ps.setString(1, id);
        ps.setBytes(
            2,
            o.t()
                .office
                .vault()
                .encryptOffice(
                    o.keys(), FieldRef.office("stat_record", "data_enc", id), r.encode()));
        ps.addBatch();
      }
      ps.executeBatch();
      c.commit();
    }
  }

  private static int rows(Opened o, String table) throws SQLException {
    try (Connection c = DriverManager.getConnection(o.url());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** Per year: records, visitors, contacts and minutes, counted here without the report's code. */
  private static Map<Integer, List<Long>> tally(List<StatisticalRecord> records) {
    Map<Integer, List<Long>> m = new HashMap<>();
    for (StatisticalRecord r : records) {
      List<Long> t = m.computeIfAbsent(r.year(), y -> new ArrayList<>(List.of(0L, 0L, 0L, 0L)));
      t.set(0, t.get(0) + 1);
      t.set(1, t.get(1) + r.visitors().size());
      t.set(2, t.get(2) + r.contacts());
      t.set(3, t.get(3) + r.minutes());
    }
    return m;
  }

  private static Map<Integer, List<Long>> tally(Map<Integer, Figures.Counter> counted) {
    Map<Integer, List<Long>> m = new HashMap<>();
    counted.forEach(
        (y, c) -> {
          Figures f = c.figures(y, Synthetic.AXES);
          m.put(
              y,
              List.of(
                  f.cells().get("cases"), f.cells().get("visitors"), f.contacts(), f.minutes()));
        });
    return m;
  }

  private static Map<Integer, Map<String, Long>> cells(Map<Integer, Figures.Counter> counted) {
    Map<Integer, Map<String, Long>> m = new HashMap<>();
    counted.forEach((y, c) -> m.put(y, c.figures(y, Synthetic.AXES).cells()));
    return m;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgres"})
  void packed_records_are_counted_exactly_once_and_a_few_stay_loose(String db) throws Exception {
    Opened o = open(db);
    try (TestOffice t = o.t()) {
      int n = 2 * ReportService.SEGMENT + 123;
      List<StatisticalRecord> records = Synthetic.records(11, n, YEARS);
      insertLoose(o, records);
      ReportService reports = t.office.reports();
      Map<Integer, Map<String, Long>> before = cells(reports.count(o.keys()));

      assertThat(reports.pack(o.actor(), o.keys())).isEqualTo(2 * ReportService.SEGMENT);
      assertThat(rows(o, "stat_segment")).isEqualTo(2);
      assertThat(rows(o, "stat_record")).isEqualTo(123);
      Map<Integer, Figures.Counter> after = reports.count(o.keys());
      assertThat(cells(after)).isEqualTo(before);
      assertThat(tally(after)).isEqualTo(tally(records));
      assertThat(reports.pack(o.actor(), o.keys())).as("nothing left to pack").isZero();

      // The report itself packs first: another segment's worth of closed cases is packed by it.
      List<StatisticalRecord> more = Synthetic.records(12, ReportService.SEGMENT, YEARS);
      insertLoose(o, more);
      PublishedReport report = reports.annual(o.actor(), 2025);
      assertThat(report).isNotNull();
      assertThat(rows(o, "stat_segment")).isEqualTo(3);
      assertThat(rows(o, "stat_record")).isEqualTo(123);
      List<StatisticalRecord> all = new ArrayList<>(records);
      all.addAll(more);
      assertThat(tally(reports.count(o.keys()))).isEqualTo(tally(all));

      List<AuditKind> kinds = new ArrayList<>();
      new JdbiAuditStore(t.office.db()).forEachInOrder(e -> kinds.add(e.kind()));
      assertThat(kinds).contains(AuditKind.STAT_RECORDS_PACKED);
      assertThat(t.office.audit().verify().isIntact()).isTrue();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgres"})
  void a_count_reads_one_snapshot_whatever_commits_meanwhile(String db) throws Exception {
    Opened o = open(db);
    try (TestOffice t = o.t()) {
      insertLoose(o, Synthetic.records(3, ReportService.SEGMENT + 10, YEARS));
      t.office.reports().pack(o.actor(), o.keys());
      ReportStore store = new JdbiReportStore(t.office.db());
      int[] rows = {0};
      store.everyRecord(
          1,
          batch -> {
            if (rows[0]++ == 0) {
              try {
                // Another connection commits more records while the read is under way ...
                insertLoose(o, Synthetic.records(4, 5, YEARS));
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            }
          });
      // ... which it does not see: the segment and the 10 loose records only.
      assertThat(rows[0]).isEqualTo(11);
      int[] after = {0};
      store.everyRecord(100, batch -> after[0] += batch.size());
      assertThat(after[0]).as("seen by the next read").isEqualTo(16);
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgres"})
  void a_record_already_packed_by_another_packer_fails_the_second_pack(String db) throws Exception {
    Opened o = open(db);
    try (TestOffice t = o.t()) {
      insertLoose(o, Synthetic.records(6, 3, YEARS));
      ReportStore store = new JdbiReportStore(t.office.db());
      List<String> ids = new ArrayList<>();
      store.statRecords(10, batch -> batch.forEach(r -> ids.add(r.id())));
      byte[] any = {1, 2, 3};
      t.office.db().run(() -> store.insertSegment(Ids.newId(), any, ids));
      // A second instance that read the same loose rows before the first committed:
      assertThatThrownBy(() -> t.office.db().run(() -> store.insertSegment(Ids.newId(), any, ids)))
          .isInstanceOf(IllegalStateException.class);
      assertThat(rows(o, "stat_segment")).as("the second pack rolled back").isEqualTo(1);
      assertThat(rows(o, "stat_record")).isZero();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"sqlite", "postgres"})
  void a_segment_moved_to_another_row_does_not_decrypt(String db) throws Exception {
    Opened o = open(db);
    try (TestOffice t = o.t()) {
      insertLoose(o, Synthetic.records(5, 2 * ReportService.SEGMENT, YEARS));
      t.office.reports().pack(o.actor(), o.keys());
      try (Connection c = DriverManager.getConnection(o.url());
          Statement s = c.createStatement()) {
        List<String> ids = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT id FROM stat_segment ORDER BY id")) {
          while (rs.next()) {
            ids.add(rs.getString(1));
          }
        }
        assertThat(ids).hasSize(2);
        // Give the first segment the second one's ciphertext.
        s.executeUpdate(
            "UPDATE stat_segment SET data_enc = (SELECT data_enc FROM stat_segment WHERE id = '"
                + ids.get(1)
                + "') WHERE id = '"
                + ids.get(0)
                + "'");
      }
      assertThatThrownBy(() -> t.office.reports().count(o.keys()))
          .isInstanceOf(RuntimeException.class);
    }
  }
}
