package org.ombuds.vault;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA256 key that authenticates the audit log.
 *
 * <p>The audit log lives in the database; this key lives in a file outside it, so whoever can write
 * the database (a DBA, a stolen backup restored elsewhere) cannot recompute the tags of entries
 * they forge or alter. The file holds one line, {@code ombuds-audit-key-v1 } followed by the
 * standard Base64 of 32 random bytes. {@link #generate} creates it with permissions {@code
 * rw-------} where the file system is POSIX and never overwrites an existing file; {@link #load}
 * refuses a POSIX file that other users may read or write.
 *
 * <p>{@link #tag} is plain HMAC-SHA256 of the given bytes, so tags can be checked with standard
 * tools; the caller decides what bytes an entry is. Immutable and safe to share between threads.
 */
public final class AuditKey {
  static final int KEY_BYTES = 32;
  static final int TAG_BYTES = 32;
  private static final String ALGORITHM = "HmacSHA256";
  private static final String HEADER = "ombuds-audit-key-v1 ";
  private static final int MAX_FILE_BYTES = 256;

  private final SecretKeySpec key;

  // Initialized once; each tag works on a clone (a provider lookup per tag costs more than the
  // HMAC of a short row). Null where the provider's Mac cannot be cloned.
  private final Mac prototype;

  private AuditKey(byte[] keyBytes) {
    this.key = new SecretKeySpec(keyBytes, ALGORITHM);
    this.prototype = prototype(key);
  }

  private static Mac prototype(SecretKeySpec key) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      var unused = mac.clone(); // a provider whose Mac cannot be cloned is found out here
      return mac;
    } catch (GeneralSecurityException | CloneNotSupportedException e) {
      return null;
    }
  }

  /** Generates a key into a new file, with a new {@link SecureRandom}. */
  public static AuditKey generate(Path file) {
    return generate(file, new SecureRandom());
  }

  /**
   * Generates a key into a new file, owner-only where the file system is POSIX.
   *
   * @throws VaultException if the file exists already (it is never overwritten) or cannot be
   *     written
   */
  public static AuditKey generate(Path file, SecureRandom random) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(random, "random");
    byte[] keyBytes = new byte[KEY_BYTES];
    random.nextBytes(keyBytes);
    byte[] content =
        (HEADER + Base64.getEncoder().encodeToString(keyBytes) + "\n")
            .getBytes(StandardCharsets.US_ASCII);
    Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    FileAttribute<?>[] attributes =
        isPosix(file)
            ? new FileAttribute<?>[] {
              PosixFilePermissions.asFileAttribute(
                  EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE))
            }
            : new FileAttribute<?>[0];
    boolean created = false;
    try (SeekableByteChannel channel = Files.newByteChannel(file, options, attributes)) {
      created = true;
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      if (channel instanceof FileChannel fileChannel) {
        fileChannel.force(true);
      }
      return new AuditKey(keyBytes);
    } catch (FileAlreadyExistsException e) {
      throw new VaultException(
          "The audit key file already exists and will not be overwritten: " + file);
    } catch (IOException e) {
      if (created) {
        deleteQuietly(file);
      }
      throw new VaultException("The audit key file could not be created: " + file);
    } finally {
      Arrays.fill(keyBytes, (byte) 0);
      Arrays.fill(content, (byte) 0);
    }
  }

  /**
   * Loads the key from its file.
   *
   * @throws VaultException if the file is missing, unreadable, open to other users or malformed
   */
  public static AuditKey load(Path file) {
    Objects.requireNonNull(file, "file");
    byte[] content;
    try (InputStream in = Files.newInputStream(file)) {
      content = in.readNBytes(MAX_FILE_BYTES + 1);
    } catch (NoSuchFileException e) {
      throw new VaultException("The audit key file does not exist: " + file);
    } catch (AccessDeniedException e) {
      throw new VaultException("The audit key file cannot be read (permission denied): " + file);
    } catch (IOException e) {
      throw new VaultException("The audit key file cannot be read: " + file);
    }
    try {
      checkOwnerOnly(file);
      byte[] keyBytes = parse(content);
      if (keyBytes.length == 0) {
        throw new VaultException(
            "The audit key file is malformed (expected one line \"ombuds-audit-key-v1 \" and the"
                + " Base64 of 32 bytes): "
                + file);
      }
      try {
        return new AuditKey(keyBytes);
      } finally {
        Arrays.fill(keyBytes, (byte) 0);
      }
    } finally {
      Arrays.fill(content, (byte) 0);
    }
  }

  /** The key bytes, or an empty array if the content is not exactly one well-formed line. */
  private static byte[] parse(byte[] content) {
    if (content.length > MAX_FILE_BYTES) {
      return new byte[0];
    }
    String text = new String(content, StandardCharsets.US_ASCII);
    if (text.endsWith("\r\n")) {
      text = text.substring(0, text.length() - 2);
    } else if (text.endsWith("\n")) {
      text = text.substring(0, text.length() - 1);
    }
    if (!text.startsWith(HEADER)) {
      return new byte[0];
    }
    byte[] keyBytes;
    try {
      keyBytes = Base64.getDecoder().decode(text.substring(HEADER.length()));
    } catch (IllegalArgumentException e) {
      return new byte[0];
    }
    if (keyBytes.length != KEY_BYTES) {
      Arrays.fill(keyBytes, (byte) 0);
      return new byte[0];
    }
    return keyBytes;
  }

  private static void checkOwnerOnly(Path file) {
    if (!isPosix(file)) {
      return;
    }
    Set<PosixFilePermission> permissions;
    try {
      permissions = Files.getPosixFilePermissions(file);
    } catch (IOException e) {
      throw new VaultException("The permissions of the audit key file cannot be read: " + file);
    }
    Set<PosixFilePermission> others = EnumSet.copyOf(permissions);
    others.removeAll(
        EnumSet.of(
            PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_EXECUTE));
    if (!others.isEmpty()) {
      throw new VaultException(
          "The audit key file is open to other users ("
              + PosixFilePermissions.toString(permissions)
              + "); allow its owner only (chmod 600): "
              + file);
    }
  }

  private static boolean isPosix(Path file) {
    return file.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // The creation already failed and is reported; nothing more to do.
    }
  }

  /** HMAC-SHA256 of the data: 32 bytes. */
  public byte[] tag(byte[] data) {
    Objects.requireNonNull(data, "data");
    try {
      Mac mac;
      if (prototype != null) {
        mac = (Mac) prototype.clone();
      } else {
        mac = Mac.getInstance(ALGORITHM);
        mac.init(key);
      }
      return mac.doFinal(data);
    } catch (GeneralSecurityException | CloneNotSupportedException e) {
      throw new VaultException("HMAC-SHA256 is not available");
    }
  }

  /**
   * A key for another purpose, derived from this one (HMAC-SHA256 of {@code
   * "ombuds-derived-key-v1:" + purpose}), so that the audit log's tags and, say, the row tags never
   * share a key while one file holds both.
   */
  public AuditKey derive(String purpose) {
    Objects.requireNonNull(purpose, "purpose");
    byte[] derived = tag(("ombuds-derived-key-v1:" + purpose).getBytes(StandardCharsets.UTF_8));
    try {
      return new AuditKey(derived);
    } finally {
      Arrays.fill(derived, (byte) 0);
    }
  }

  /** Whether the tag is this key's HMAC-SHA256 of the data; compared in constant time. */
  public boolean verify(byte[] data, byte[] tag) {
    Objects.requireNonNull(tag, "tag");
    return MessageDigest.isEqual(tag(data), tag);
  }

  /** Returns {@code [REDACTED]}. */
  @Override
  public String toString() {
    return "[REDACTED]";
  }
}
