package org.ombuds.audit;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the head outside the database without paying a file sync on every commit: the newest head
 * is remembered at once and written to the underlying anchor shortly after (within {@code delay}),
 * so a burst of appends costs one write. {@link #close()} writes what is pending.
 *
 * <p>Security: the head outside the database may lag behind the log by the entries of the last
 * {@code delay} (and by those of a crash, as with any anchor), which {@link AuditLog#verify()}
 * accepts; entries past the written head are the ones a database administrator could drop
 * unnoticed. Keep the delay short.
 */
public final class CoalescingAuditAnchor implements AuditAnchor, AutoCloseable {
  private final AuditAnchor target;
  private final long delayMillis;
  private final ScheduledThreadPoolExecutor writer =
      new ScheduledThreadPoolExecutor(
          1,
          r -> {
            Thread t = new Thread(r, "audit-head-writer");
            t.setDaemon(true);
            return t;
          });
  private final Object writeLock = new Object();
  private Head latest;
  private Head pending;
  private boolean scheduled;
  private long writtenSeq;

  public CoalescingAuditAnchor(AuditAnchor target, Duration delay) {
    this.target = target;
    this.delayMillis = Math.max(1, delay.toMillis());
    // On close, a write still waiting for its delay is dropped: close() writes the newest itself.
    writer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  @Override
  public synchronized Optional<Head> read() {
    return latest != null ? Optional.of(latest) : target.read();
  }

  @Override
  public void write(Head head) {
    boolean schedule;
    synchronized (this) {
      latest = head;
      pending = head;
      schedule = !scheduled;
      scheduled = true;
    }
    if (schedule) {
      var unused = writer.schedule(this::flush, delayMillis, TimeUnit.MILLISECONDS);
    }
  }

  /** Writes the newest pending head now, if any. */
  public void flush() {
    Head head;
    synchronized (this) {
      head = pending;
      pending = null;
      scheduled = false;
    }
    if (head == null) {
      return;
    }
    synchronized (writeLock) {
      if (head.seq() > writtenSeq) {
        target.write(head);
        writtenSeq = head.seq();
      }
    }
  }

  /** Writes what is pending and stops the background writer. */
  @Override
  public void close() {
    writer.shutdown();
    try {
      writer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    flush();
  }
}
