package org.ombuds.app;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * An advisory lock on {@code DIR/serve.lock}, held by {@code serve} for as long as it runs, so that
 * commands that must not run beside a server (moving the office to another database) can tell. The
 * lock is the operating system's (released when the process ends, even killed); the file stays.
 */
public final class ServerLock implements AutoCloseable {
  public static final String FILE = "serve.lock";
  private final FileChannel channel;
  private final FileLock lock;

  private ServerLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the lock, or empty if another process (or this one) holds it or it cannot be made. */
  public static Optional<ServerLock> tryAcquire(DataDir dir) {
    Path file = dir.root().resolve(FILE);
    FileChannel ch = null;
    try {
      ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = ch.tryLock();
      if (lock == null) {
        ch.close();
        return Optional.empty();
      }
      return Optional.of(new ServerLock(ch, lock));
    } catch (IOException | OverlappingFileLockException e) {
      if (ch != null) {
        try {
          ch.close();
        } catch (IOException ignored) {
          // Nothing more to release.
        }
      }
      return Optional.empty();
    }
  }

  /** Whether a server (another process) holds the data directory now. */
  public static boolean isHeld(DataDir dir) {
    Optional<ServerLock> probe = tryAcquire(dir);
    probe.ifPresent(ServerLock::close);
    return probe.isEmpty();
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // Released when the process ends anyway.
    }
  }
}
