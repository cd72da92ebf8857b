package org.ombuds.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.ombuds.app.Office;
import org.ombuds.casefile.NewCase;
import org.ombuds.casefile.WorkUnit;
import org.ombuds.common.Ids;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;
import org.sqlite.SQLiteConfig;

/**
 * The DESIGN target "an encrypted note write with its audit entry runs at least at 50 % of a
 * plaintext insert into the same database".
 *
 * <ul>
 *   <li>{@code encryptedNote}: {@code CaseService.addNote} with a 2 KB note on a real office
 *       (SQLite), logged in: encrypt under the case key, insert, append the audit entry, commit,
 *       then move the audit head file.
 *   <li>{@code plaintextInsert}: the same 2 KB text inserted as plain text, one transaction per
 *       insert, into a scratch table of the same shape in the same database file, on a separate
 *       plain JDBC connection with the office's settings (WAL, synchronous=FULL, secure_delete,
 *       foreign keys, BEGIN IMMEDIATE).
 * </ul>
 *
 * The ratio is plaintextInsert's time per op divided by encryptedNote's (target: at least 0.5).
 *
 * <p>Both are dominated by fsync, whose latency on a shared or virtual disk can drift severalfold
 * within seconds; measured one after the other, the two can then see different disks. {@code
 * paired} therefore does one of each per operation and adds up the time of each half ({@code
 * paired:encryptedNanos} and {@code paired:plaintextNanos}, with {@code paired:pairs}; JMH sums
 * them over the measured iterations): the ratio of the two sums compares them under the same
 * conditions, and each sum divided by the pairs is that half's time per op.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
@State(Scope.Benchmark)
public class NoteWriteBenchmark {
  private Path dir;
  private Office office;
  private String actorId;
  private String caseId;
  private String text;
  private Connection plain;
  private PreparedStatement plainInsert;

  @Setup
  public void setUp() throws SQLException {
    dir = BenchSupport.tempDir("notes");
    office = BenchSupport.newOffice(dir);
    actorId = BenchSupport.login(office);
    caseId =
        office
            .cases()
            .create(actorId, new NewCase("Bench case", List.of(), new WorkUnit("Bench unit", 12)));
    text = BenchSupport.noteText();

    Path file = office.db().config().sqliteFile().orElseThrow();
    SQLiteConfig sc = new SQLiteConfig();
    sc.setJournalMode(SQLiteConfig.JournalMode.WAL);
    sc.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    sc.enforceForeignKeys(true);
    sc.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
    sc.setBusyTimeout(15_000);
    sc.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    plain = sc.createConnection("jdbc:sqlite:" + file);
    try (Statement st = plain.createStatement()) {
      st.executeUpdate(
          "CREATE TABLE bench_plain_note (id VARCHAR(36) PRIMARY KEY, case_id VARCHAR(36) NOT"
              + " NULL, created_at BIGINT NOT NULL, author_id VARCHAR(36) NOT NULL, body TEXT NOT"
              + " NULL)");
    }
    // Auto-commit: each insert is its own transaction, committed (and fsync'd) at once. A
    // connection with auto-commit off would hold SQLite's write lock between inserts (the driver
    // begins the next transaction right after each commit) and block the office's writes.
    plainInsert =
        plain.prepareStatement(
            "INSERT INTO bench_plain_note (id, case_id, created_at, author_id, body)"
                + " VALUES (?, ?, ?, ?, ?)");
  }

  @TearDown
  public void tearDown() throws SQLException {
    if (plain != null) {
      plainInsert.close();
      plain.close();
    }
    if (office != null) {
      office.close();
    }
    BenchSupport.delete(dir);
  }

  /** The time spent in each half of {@link #paired}, per iteration. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class Split {
    public long encryptedNanos;
    public long plaintextNanos;
    public long pairs;

    private long measuredEncryptedNanos;
    private long measuredPlaintextNanos;
    private long measuredPairs;

    @Setup(Level.Iteration)
    public void reset() {
      encryptedNanos = 0;
      plaintextNanos = 0;
      pairs = 0;
    }

    @TearDown(Level.Iteration)
    public void add(IterationParams params) {
      if (params.getType() == IterationType.MEASUREMENT) {
        measuredEncryptedNanos += encryptedNanos;
        measuredPlaintextNanos += plaintextNanos;
        measuredPairs += pairs;
      }
    }

    /** Prints the per-op times of both halves and their ratio, so nobody has to work them out. */
    @TearDown(Level.Trial)
    public void report() {
      if (measuredPairs > 0) {
        System.out.printf(
            Locale.ROOT,
            "%nNote write, paired over %d pairs: encrypted %.1f us/op, plaintext %.1f us/op,"
                + " ratio plaintext/encrypted %.3f (DESIGN target: at least 0.5)%n",
            measuredPairs,
            measuredEncryptedNanos / 1e3 / measuredPairs,
            measuredPlaintextNanos / 1e3 / measuredPairs,
            (double) measuredPlaintextNanos / measuredEncryptedNanos);
      }
    }
  }

  @Benchmark
  public void paired(Split split, Blackhole bh) throws SQLException {
    long t0 = System.nanoTime();
    bh.consume(encryptedNote());
    long t1 = System.nanoTime();
    bh.consume(plaintextInsert());
    split.encryptedNanos += t1 - t0;
    split.plaintextNanos += System.nanoTime() - t1;
    split.pairs++;
  }

  @Benchmark
  public String encryptedNote() {
    return office.cases().addNote(actorId, caseId, text);
  }

  @Benchmark
  public int plaintextInsert() throws SQLException {
    plainInsert.setString(1, Ids.newId());
    plainInsert.setString(2, caseId);
    plainInsert.setLong(3, System.currentTimeMillis());
    plainInsert.setString(4, actorId);
    plainInsert.setString(5, text);
    return plainInsert.executeUpdate();
  }
}
