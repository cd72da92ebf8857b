package org.ombuds.app;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * An advisory lock on {@code DIR/serve.lock}, held by {@code serve} for as long as it runs, and by
 * {@code init} and {@code migrate} while they work: a second server on the same directory, or a
 * command that must not run beside one (moving the office to another database), is refused. The
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
      ch = openLockFile(file);
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

  private static FileChannel openLockFile(Path file) throws IOException {
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return FileChannel.open(
          file,
          java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
          java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
              java.util.EnumSet.of(
                  java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                  java.nio.file.attribute.PosixFilePermission.OWNER_WRITE)));
    }
    return FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
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
