package org.ombuds.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.ombuds.app.Office;
import org.ombuds.audit.AuditAnchor;
import org.ombuds.audit.AuditEntry;
import org.ombuds.audit.AuditEvent;
import org.ombuds.audit.AuditKind;
import org.ombuds.audit.AuditLog;
import org.ombuds.audit.AuditStore;
import org.ombuds.audit.EntryAuthenticator;
import org.ombuds.audit.FileAuditAnchor;
import org.ombuds.common.Ids;
import org.ombuds.vault.AuditKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Appending one entry to the audit log.
 *
 * <ul>
 *   <li>{@code memoryStoreFileAnchor}: the log alone, with the real HMAC key and the real head file
 *       ({@link FileAuditAnchor}, rewritten and fsync'd after every append, as after every commit
 *       in production) over a store in memory: chaining, hashing, MAC and the head write.
 *   <li>{@code memoryStoreMemoryAnchor}: the same with the head kept in memory: the CPU cost alone,
 *       to tell it apart from the head file's fsyncs.
 *   <li>{@code sqlite}: a real office's log, one append per transaction ({@code db.run}): the above
 *       plus reading the last entry, the insert and the SQLite commit (WAL, synchronous=FULL).
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class AuditAppendBenchmark {

  /** A typical event: who (an account id) did what to which case. */
  static AuditEvent event(String actor, String subject) {
    return new AuditEvent(AuditKind.CASE_OPENED, actor, subject, "ok");
  }

  /** The log over an in-memory store; the head in a file, or in memory. */
  public abstract static class InMemoryLog {
    Path dir;
    AuditLog log;
    AuditEvent event;

    abstract AuditAnchor anchor(Path dir);

    @Setup
    public void setUp() {
      dir = BenchSupport.tempDir("audit");
      AuditKey key = AuditKey.generate(dir.resolve("audit.key"));
      log =
          new AuditLog(
              new LastEntryAuditStore(),
              authenticator(key),
              anchor(dir),
              Clock.systemUTC(),
              Runnable::run);
      event = event(Ids.newId(), Ids.newId());
    }

    @TearDown
    public void tearDown() {
      BenchSupport.delete(dir);
    }
  }

  @State(Scope.Benchmark)
  public static class FileAnchored extends InMemoryLog {
    @Override
    AuditAnchor anchor(Path dir) {
      return new FileAuditAnchor(dir.resolve("audit.head"));
    }
  }

  @State(Scope.Benchmark)
  public static class MemoryAnchored extends InMemoryLog {
    @Override
    AuditAnchor anchor(Path dir) {
      return new MemoryAnchor();
    }
  }

  /** A real office on SQLite. */
  @State(Scope.Benchmark)
  public static class RealOffice {
    Path dir;
    Office office;
    AuditEvent event;

    @Setup
    public void setUp() {
      dir = BenchSupport.tempDir("audit-sqlite");
      office = BenchSupport.newOffice(dir);
      event = event(Ids.newId(), Ids.newId());
    }

    @TearDown
    public void tearDown() {
      if (office != null) {
        office.close();
      }
      BenchSupport.delete(dir);
    }
  }

  @Benchmark
  public AuditEntry memoryStoreFileAnchor(FileAnchored s) {
    return s.log.append(s.event);
  }

  @Benchmark
  public AuditEntry memoryStoreMemoryAnchor(MemoryAnchored s) {
    return s.log.append(s.event);
  }

  @Benchmark
  public AuditEntry sqlite(RealOffice s) {
    return s.office.db().inTransaction(() -> s.office.audit().append(s.event));
  }

  /** The HMAC-SHA256 key as the log's authenticator, as the office wires it. */
  static EntryAuthenticator authenticator(AuditKey key) {
    return org.ombuds.app.Office.authenticator(key);
  }

  /**
   * Keeps only the last entry and the count: all an append reads. Keeping every entry would grow
   * the heap by millions of entries per run and measure the garbage collector instead. Cannot
   * stream the log, which no benchmark verifies.
   */
  static final class LastEntryAuditStore implements AuditStore {
    private AuditEntry last;
    private long count;

    @Override
    public synchronized Optional<AuditEntry> last() {
      return Optional.ofNullable(last);
    }

    @Override
    public synchronized void insert(AuditEntry entry) {
      if (last != null && last.seq() >= entry.seq()) {
        throw new IllegalStateException("entries must come in seq order");
      }
      last = entry;
      count++;
    }

    @Override
    public void forEachInOrder(Consumer<AuditEntry> consumer) {
      throw new UnsupportedOperationException("this store keeps the last entry only");
    }

    @Override
    public synchronized long count() {
      return count;
    }
  }

  /** The head in a field. */
  static final class MemoryAnchor implements AuditAnchor {
    private Optional<Head> head = Optional.empty();

    @Override
    public synchronized Optional<Head> read() {
      return head;
    }

    @Override
    public synchronized void write(Head h) {
      head = Optional.of(h);
    }
  }
}
