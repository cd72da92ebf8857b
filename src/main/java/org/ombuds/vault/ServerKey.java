package org.ombuds.vault;

import com.google.crypto.tink.Aead;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The server's own secret key, for the few secrets the server must use while the office is locked
 * (the SMTP password of e-mail notifications). It lives in a file beside {@code audit.key}, never
 * in the database: whoever holds only the database or a backup of it cannot decrypt what it
 * protects. The administrator who runs the server can; that is accepted, since a notification
 * password gives access to a mailbox, not to any case content.
 *
 * <p>The file holds one line, {@code ombuds-server-key-v1 } and the Base64 of 32 random bytes; it
 * is created owner-only (POSIX {@code rw-------}) on first use, never overwritten, and refused when
 * other users may read or write it. Encryption is AES-256-GCM with associated data naming what the
 * ciphertext is, so it cannot be moved to another place. Prints {@code [REDACTED]}.
 */
public final class ServerKey {
  static final int KEY_BYTES = 32;
  private static final String HEADER = "ombuds-server-key-v1 ";
  private static final int MAX_FILE_BYTES = 256;

  private final Aead aead;

  private ServerKey(byte[] key) {
    this.aead = Tinks.rawAead(key);
  }

  /**
   * Loads the key file, creating it first if there is none.
   *
   * @throws VaultException if it cannot be created or read, is malformed or open to other users
   */
  public static ServerKey loadOrCreate(Path file) {
    Objects.requireNonNull(file, "file");
    if (!Files.exists(file)) {
      try {
        create(file);
      } catch (FileAlreadyExistsException e) {
        // Another process created it meanwhile: load theirs.
      } catch (IOException e) {
        throw new VaultException("The server key file could not be created: " + file);
      }
    }
    return load(file);
  }

  private static void create(Path file) throws IOException {
    byte[] key = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(key);
    byte[] content =
        (HEADER + Base64.getEncoder().encodeToString(key) + "\n")
            .getBytes(StandardCharsets.US_ASCII);
    FileAttribute<?>[] attributes =
        isPosix(file)
            ? new FileAttribute<?>[] {
              PosixFilePermissions.asFileAttribute(
                  EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE))
            }
            : new FileAttribute<?>[0];
    try {
      Files.write(
          Files.createFile(file, attributes),
          content,
          StandardOpenOption.WRITE,
          StandardOpenOption.SYNC);
    } finally {
      Arrays.fill(key, (byte) 0);
      Arrays.fill(content, (byte) 0);
    }
  }

  private static ServerKey load(Path file) {
    byte[] content;
    try (InputStream in = Files.newInputStream(file)) {
      content = in.readNBytes(MAX_FILE_BYTES + 1);
    } catch (IOException e) {
      throw new VaultException("The server key file cannot be read: " + file);
    }
    try {
      if (isPosix(file)) {
        Set<PosixFilePermission> p = EnumSet.copyOf(Files.getPosixFilePermissions(file));
        p.removeAll(
            EnumSet.of(
                PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE));
        if (!p.isEmpty()) {
          throw new VaultException(
              "The server key file is open to other users; allow its owner only (chmod 600): "
                  + file);
        }
      }
      String text = new String(content, StandardCharsets.US_ASCII).strip();
      byte[] key;
      try {
        key =
            text.startsWith(HEADER)
                ? Base64.getDecoder().decode(text.substring(HEADER.length()))
                : new byte[0];
      } catch (IllegalArgumentException e) {
        key = new byte[0];
      }
      if (key.length != KEY_BYTES || content.length > MAX_FILE_BYTES) {
        throw new VaultException("The server key file is malformed: " + file);
      }
      try {
        return new ServerKey(key);
      } finally {
        Arrays.fill(key, (byte) 0);
      }
    } catch (IOException e) {
      throw new VaultException("The permissions of the server key file cannot be read: " + file);
    } finally {
      Arrays.fill(content, (byte) 0);
    }
  }

  /** Encrypts {@code secret} for the place named by {@code what} (e.g. {@code smtp-password}). */
  public byte[] seal(String what, String secret) {
    try {
      return aead.encrypt(secret.getBytes(StandardCharsets.UTF_8), ad(what));
    } catch (GeneralSecurityException e) {
      throw new VaultException("Encryption failed");
    }
  }

  /**
   * Decrypts what {@link #seal} made for the same place.
   *
   * @throws VaultException if it was not made with this key for this place, or was altered
   */
  public String open(String what, byte[] sealed) {
    try {
      return new String(aead.decrypt(sealed, ad(what)), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new VaultException("Decryption failed");
    }
  }

  private static byte[] ad(String what) {
    return ("ombuds-server-secret-v1:" + what).getBytes(StandardCharsets.UTF_8);
  }

  private static boolean isPosix(Path file) {
    return file.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  /** Returns {@code [REDACTED]}. */
  @Override
  public String toString() {
    return "[REDACTED]";
  }
}
