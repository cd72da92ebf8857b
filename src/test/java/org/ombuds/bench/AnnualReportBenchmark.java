package org.ombuds.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ombuds.app.Office;
import org.ombuds.common.Ids;
import org.ombuds.records.PublishedReport;
import org.ombuds.records.StatisticalRecord;
import org.ombuds.records.Synthetic;
import org.ombuds.vault.FieldRef;
import org.ombuds.vault.OfficeKeys;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.sqlite.SQLiteConfig;

/**
 * The DESIGN target "annual report over 1,000,000 statistical records: under 1 s, at most 1.5 times
 * a plain SQL GROUP BY over the same rows".
 *
 * <ul>
 *   <li>{@code annualReport}: {@code ReportService.annual} on a real office (SQLite) holding {@code
 *       records} statistical records as the office stores them once a report has packed them
 *       (segments of 4,096 records, each one ciphertext under the office key): read, decrypt,
 *       decode, count every year, suppress, and the audit entry.
 *   <li>{@code plainGroupBy}: the same records as a plaintext table in the same database file (one
 *       row per record: year, outcome, visitors, categories, contacts, minutes) and one {@code
 *       GROUP BY year, outcome} over all of it, every result row read.
 * </ul>
 *
 * Seeding writes the rows in transactions of 50,000.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx1g"})
@State(Scope.Benchmark)
public class AnnualReportBenchmark {
  @Param("1000000")
  public int records;

  private Path dir;
  private Office office;
  private String actorId;
  private Connection plain;

  @Setup
  public void setUp() throws SQLException {
    dir = BenchSupport.tempDir("report");
    office = BenchSupport.newOffice(dir);
    actorId = BenchSupport.login(office);
    OfficeKeys keys = office.sessions().keys().orElseThrow();

    Path file = office.db().config().sqliteFile().orElseThrow();
    SQLiteConfig sc = new SQLiteConfig();
    sc.setJournalMode(SQLiteConfig.JournalMode.WAL);
    sc.setBusyTimeout(15_000);
    plain = sc.createConnection("jdbc:sqlite:" + file);
    try (Statement st = plain.createStatement()) {
      st.executeUpdate(
          "CREATE TABLE bench_plain_stat (year INTEGER NOT NULL, outcome VARCHAR(20) NOT NULL,"
              + " visitors INTEGER NOT NULL, categories VARCHAR(200) NOT NULL, contacts INTEGER"
              + " NOT NULL, minutes INTEGER NOT NULL)");
    }
    plain.setAutoCommit(false);
    Random r = new Random(42);
    List<Integer> years = List.of(2023, 2024, 2025);
    try (PreparedStatement enc =
            plain.prepareStatement("INSERT INTO stat_record (id, data_enc) VALUES (?, ?)");
        PreparedStatement pl =
            plain.prepareStatement(
                "INSERT INTO bench_plain_stat (year, outcome, visitors, categories, contacts,"
                    + " minutes) VALUES (?, ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < records; i++) {
        StatisticalRecord s = Synthetic.records(r.nextLong(), 1, years).getFirst();
        String id = Ids.newId();
        enc.setString(1, id);
        enc.setBytes(
            2,
            office
                .vault()
                .encryptOffice(keys, FieldRef.office("stat_record", "data_enc", id), s.encode()));
        enc.addBatch();
        pl.setInt(1, s.year());
        pl.setString(2, s.outcome());
        pl.setInt(3, s.visitors().size());
        pl.setString(4, String.join(",", s.categories()));
        pl.setInt(5, s.contacts());
        pl.setInt(6, s.minutes());
        pl.addBatch();
        if ((i + 1) % 50_000 == 0 || i == records - 1) {
          enc.executeBatch();
          pl.executeBatch();
          plain.commit();
        }
      }
    }
    plain.setAutoCommit(true);
    // The office packs closed cases' records into segments when it makes a report (and keeps up
    // to a segment's worth loose): one report here packs the million, as the office's first
    // report after a year would have done over the year.
    office.reports().annual(actorId, 2025);
    // Both benchmarks then read the database file itself, not a long write-ahead log.
    try (Statement st = plain.createStatement()) {
      st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
    }
  }

  @TearDown
  public void tearDown() throws SQLException {
    if (plain != null) {
      plain.close();
    }
    if (office != null) {
      office.close();
    }
    BenchSupport.delete(dir);
  }

  @Benchmark
  public PublishedReport annualReport() {
    return office.reports().annual(actorId, 2025);
  }

  @Benchmark
  public long plainGroupBy() throws SQLException {
    long sum = 0;
    try (Statement st = plain.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT year, outcome, COUNT(*), SUM(visitors), SUM(contacts), SUM(minutes)"
                    + " FROM bench_plain_stat GROUP BY year, outcome")) {
      while (rs.next()) {
        sum += rs.getLong(3) + rs.getLong(4) + rs.getLong(5) + rs.getLong(6);
      }
    }
    return sum;
  }
}
