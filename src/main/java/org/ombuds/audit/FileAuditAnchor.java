package org.ombuds.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps the head in a small text file, meant to live next to the key file, outside the database:
 *
 * <pre>
 * ombuds-audit-head v1
 * seq=42
 * hash=&lt;64 lower-case hex digits&gt;
 * mac=&lt;lower-case hex&gt;
 * </pre>
 *
 * <p>{@link #write} replaces the file atomically: it writes a temporary file in the same directory,
 * forces it to disk, renames it over the old file with {@link StandardCopyOption#ATOMIC_MOVE}, then
 * forces the directory (where the platform allows it). A crash therefore leaves either the old or
 * the new head. On POSIX file systems the file is readable and writable by its owner only. {@link
 * #read} returns empty only when the file does not exist; anything else that is not exactly the
 * format above is reported with a {@link MalformedAnchorException}.
 *
 * <p>Not safe for several processes writing the same file; {@link AuditLog} serializes its own
 * writes.
 */
public final class FileAuditAnchor implements AuditAnchor {

  static final String MAGIC = "ombuds-audit-head v1";
  private static final int MAX_FILE_BYTES = 1024;
  private static final int MAX_MAC_BYTES = 128;
  private static final HexFormat HEX = HexFormat.of();

  private final Path file;

  /** An anchor kept in {@code file}; its directory must exist. */
  public FileAuditAnchor(Path file) {
    this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
    if (this.file.getParent() == null) {
      throw new IllegalArgumentException("the head file needs a parent directory");
    }
  }

  /** The file the head is kept in. */
  public Path file() {
    return file;
  }

  @Override
  public Optional<Head> read() {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_FILE_BYTES + 1);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the audit head file", e);
    }
    if (bytes.length > MAX_FILE_BYTES) {
      throw malformed("it is too large");
    }
    return Optional.of(parse(bytes));
  }

  @Override
  public void write(Head head) {
    Objects.requireNonNull(head, "head");
    byte[] content = format(head).getBytes(StandardCharsets.US_ASCII);
    Path dir = file.getParent();
    Path tmp = null;
    try {
      tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.wrap(content);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      tmp = null;
      forceDirectory(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the audit head file", e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException e) {
          // Best effort: the write already failed and is being reported.
        }
      }
    }
  }

  static String format(Head head) {
    return MAGIC
        + "\nseq="
        + head.seq()
        + "\nhash="
        + HEX.formatHex(head.hash())
        + "\nmac="
        + HEX.formatHex(head.mac())
        + "\n";
  }

  private static Head parse(byte[] bytes) {
    for (byte b : bytes) {
      if (b != '\n' && (b < 0x20 || b > 0x7e)) {
        throw malformed("it contains characters that do not belong in a head file");
      }
    }
    String text = new String(bytes, StandardCharsets.US_ASCII);
    if (!text.endsWith("\n")) {
      throw malformed("it is incomplete");
    }
    String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
    if (lines.length != 4 || !lines[0].equals(MAGIC)) {
      throw malformed("it is not a version 1 head file");
    }
    long seq = parseSeq(value(lines[1], "seq="));
    byte[] hash = parseHex(value(lines[2], "hash="), "hash");
    if (hash.length != AuditHashing.HASH_LENGTH) {
      throw malformed("its hash has the wrong length");
    }
    byte[] mac = parseHex(value(lines[3], "mac="), "mac");
    if (mac.length == 0 || mac.length > MAX_MAC_BYTES) {
      throw malformed("its mac has the wrong length");
    }
    return new Head(seq, hash, mac);
  }

  private static String value(String line, String prefix) {
    if (!line.startsWith(prefix)) {
      throw malformed("a line does not start with " + prefix);
    }
    return line.substring(prefix.length());
  }

  private static long parseSeq(String digits) {
    if (digits.isEmpty() || digits.length() > 18 || digits.startsWith("0")) {
      throw malformed("its seq is not a positive number");
    }
    for (int i = 0; i < digits.length(); i++) {
      if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
        throw malformed("its seq is not a positive number");
      }
    }
    return Long.parseLong(digits);
  }

  private static byte[] parseHex(String hex, String field) {
    if (hex.length() % 2 != 0) {
      throw malformed("its " + field + " is not hex");
    }
    for (int i = 0; i < hex.length(); i++) {
      char c = hex.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        throw malformed("its " + field + " is not lower-case hex");
      }
    }
    return HEX.parseHex(hex);
  }

  private static MalformedAnchorException malformed(String why) {
    return new MalformedAnchorException("the audit head file is malformed: " + why);
  }

  private static void forceDirectory(Path dir) {
    // Makes the rename itself durable. Opening a directory for reading works on Linux and macOS;
    // where it does not (Windows), the rename is already durable enough and there is nothing to do.
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // See above: best effort only.
    }
  }
}
