package org.ombuds.vault;

import com.google.crypto.tink.StreamingAead;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The outer format of a backup file: a short header in clear, then the backup's content encrypted
 * with a key of the office's {@link BackupKeyRing} by Tink's streaming AEAD (AES-256-GCM-HKDF, 1
 * MiB segments).
 *
 * <pre>
 * 8 bytes   "OMBDBKUP"
 * 2 bytes   format version (big-endian), {@value #VERSION}
 * 8 bytes   creation time, epoch milliseconds (big-endian)
 * 8 bytes   key id
 * ...       the streaming AEAD ciphertext, with these 26 header bytes as associated data
 * </pre>
 *
 * <h2>Security guarantees</h2>
 *
 * <ul>
 *   <li>Confidentiality and integrity of the content against anyone without the ring's key.
 *   <li>The header is authenticated: a changed version, time or key id fails decryption.
 *   <li>Truncation is detected: the last segment is marked as last, so a file cut anywhere (also at
 *       a segment boundary) fails, at the latest when the reader reaches its end. The reader must
 *       therefore read to the end before trusting that it has everything, and must not act on the
 *       content before (restore writes into a temporary directory for this reason).
 *   <li>Every refusal is a {@link BackupException} with a reason and a plain message.
 * </ul>
 */
public final class BackupEnvelope {
  /** The only format version this code writes and reads. */
  public static final int VERSION = 1;

  static final byte[] MAGIC = "OMBDBKUP".getBytes(StandardCharsets.US_ASCII);
  static final int HEADER_BYTES = 26;
  private static final HexFormat HEX = HexFormat.of();

  private BackupEnvelope() {}

  /** What the clear header of a backup says (authenticated once the content is read). */
  public record Header(int version, Instant createdAt, String keyId) {}

  /** A backup opened for reading: the header, and the decrypted content stream. */
  public record Opened(Header header, InputStream content) {}

  /**
   * Starts a backup file in {@code out}: writes the header and returns the stream to write the
   * content into. Closing the returned stream finishes (and closes) {@code out}. Call {@link
   * BackupKeyRing#rotate} first, so the ring has a key for {@code now}.
   *
   * @throws VaultException if the ring has no key for now's period
   */
  public static OutputStream encrypt(BackupKeyRing ring, Instant now, OutputStream out)
      throws IOException {
    Objects.requireNonNull(out, "out");
    String id =
        ring.currentKeyId(now)
            .orElseThrow(() -> new VaultException("The backup key ring has no key for now"));
    StreamingAead aead =
        ring.streamingAead(id).orElseThrow(() -> new VaultException("The backup key is gone"));
    byte[] header = header(VERSION, now.toEpochMilli(), HEX.parseHex(id));
    out.write(header);
    try {
      return aead.newEncryptingStream(out, header);
    } catch (GeneralSecurityException e) {
      throw new VaultException("The backup could not be encrypted");
    }
  }

  static byte[] header(int version, long createdMillis, byte[] keyId) {
    return ByteBuffer.allocate(HEADER_BYTES)
        .put(MAGIC)
        .putShort((short) version)
        .putLong(createdMillis)
        .put(keyId)
        .array();
  }

  /**
   * Reads the header of a backup and returns its decrypting stream. Reading the stream throws a
   * {@link BackupException} ({@code DAMAGED}) as soon as a segment fails authentication, and at the
   * end if the file was cut short.
   *
   * @throws BackupException if the file is not a backup, of another version, made with another key
   *     ring, or older than the ring's retention (or its key was destroyed)
   */
  public static Opened decrypt(BackupKeyRing ring, Instant now, InputStream in) {
    Objects.requireNonNull(in, "in");
    byte[] header;
    try {
      header = in.readNBytes(HEADER_BYTES);
    } catch (IOException e) {
      throw new UncheckedIOException("The backup file cannot be read", e);
    }
    if (header.length < HEADER_BYTES
        || !Arrays.equals(Arrays.copyOf(header, MAGIC.length), MAGIC)) {
      throw new BackupException(
          BackupException.Reason.NOT_A_BACKUP, "This file is not an ombuds backup.");
    }
    ByteBuffer b = ByteBuffer.wrap(header, MAGIC.length, HEADER_BYTES - MAGIC.length);
    int version = b.getShort() & 0xffff;
    long created = b.getLong();
    byte[] idBytes = new byte[8];
    b.get(idBytes);
    if (version != VERSION) {
      throw new BackupException(
          BackupException.Reason.WRONG_VERSION,
          "This backup is in format version "
              + version
              + "; this ombuds reads version "
              + VERSION
              + " only.");
    }
    String id = HEX.formatHex(idBytes);
    Instant createdAt = Instant.ofEpochMilli(created);
    if (ring.wasDestroyed(id)) {
      throw new BackupException(
          BackupException.Reason.EXPIRED,
          "This backup has expired: its key was destroyed under the office's retention policy,"
              + " so it can no longer be decrypted.");
    }
    StreamingAead aead =
        ring.streamingAead(id)
            .orElseThrow(
                () ->
                    new BackupException(
                        BackupException.Reason.OTHER_KEY,
                        "This backup was encrypted with a key that is not in this backup key"
                            + " file: use the office's key file that made it."));
    if (now.isAfter(createdAt.plus(Duration.ofDays(ring.retentionDays())))) {
      throw new BackupException(
          BackupException.Reason.EXPIRED,
          "This backup is older than the office's retention of "
              + ring.retentionDays()
              + " days and is refused.");
    }
    try {
      InputStream dec = aead.newDecryptingStream(in, header);
      return new Opened(new Header(version, createdAt, id), new Authenticated(dec));
    } catch (GeneralSecurityException | IOException e) {
      throw damaged();
    }
  }

  static BackupException damaged() {
    return new BackupException(
        BackupException.Reason.DAMAGED,
        "The backup fails its integrity check: it is truncated or was altered. Nothing was"
            + " restored from it.");
  }

  /** Turns the decrypting stream's failures into {@code DAMAGED} refusals. */
  private static final class Authenticated extends FilterInputStream {
    Authenticated(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException e) {
        throw damaged();
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (IOException e) {
        throw damaged();
      }
    }
  }

  /** Reads the content to its end, so that a file cut short is detected before it is trusted. */
  public static void requireEnd(InputStream content) throws IOException {
    byte[] buf = new byte[8192];
    while (content.read(buf) >= 0) {
      // Reading on makes the last segment's tag checked.
    }
  }
}
