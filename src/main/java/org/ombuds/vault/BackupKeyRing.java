package org.ombuds.vault;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The office's backup keys: a ring of streaming AEAD keys (AES-256-GCM-HKDF, 1 MiB segments), one
 * per period of {@link #periodDays()} days, kept in a file that the office controls and keeps off
 * the server (a removable disk, a password manager's file attachment).
 *
 * <h2>Cryptographic expiry</h2>
 *
 * Each backup is encrypted with the key of the period it was made in. {@link #rotate} (run by every
 * backup) and {@link #prune} destroy the keys whose period ended more than {@link #retentionDays()}
 * days ago: the key bytes are removed from the file, which is rewritten atomically, and only the
 * key's id and period stay, so a restore can say "expired" instead of "another key". A backup whose
 * key was destroyed can no longer be decrypted by anyone, whatever copies of the backup file exist.
 * The bound therefore holds only for copies of the ring file that are pruned too: a copy kept in a
 * drawer keeps the old keys it holds.
 *
 * <h2>File format</h2>
 *
 * <pre>
 * ombuds-backup-keyring v1
 * retention-days=90
 * period-days=30
 * key=&lt;16 hex id&gt; &lt;period number&gt; &lt;Base64 of a one-key Tink keyset, in clear&gt;
 * destroyed=&lt;16 hex id&gt; &lt;period number&gt;
 * </pre>
 *
 * The period number is the UTC epoch day divided by the period length. The file holds key material
 * in clear: it is created owner-only ({@code rw-------}) and {@link #load} refuses one that other
 * users may read. Not safe for several processes writing the same file at once.
 */
public final class BackupKeyRing {
  static final String MAGIC = "ombuds-backup-keyring v1";
  public static final int DEFAULT_RETENTION_DAYS = 90;
  public static final int DEFAULT_PERIOD_DAYS = 30;
  static final int MAX_RETENTION_DAYS = 3660;
  static final int MAX_PERIOD_DAYS = 92;
  private static final int MAX_FILE_BYTES = 1 << 20;
  private static final HexFormat HEX = HexFormat.of();

  static {
    try {
      StreamingAeadConfig.register();
    } catch (GeneralSecurityException e) {
      throw new ExceptionInInitializerError("Tink streaming AEAD could not be initialised");
    }
  }

  /** One live key: its id, its period and the serialized one-key keyset. */
  @SuppressWarnings("ArrayRecordComponent") // private; never compared, printed or handed out
  private record Key(String id, long period, byte[] keyset) {}

  /** A destroyed key: only its id and period are kept. */
  private record Destroyed(String id, long period) {}

  private final Path file;
  private final int retentionDays;
  private final int periodDays;
  private final List<Key> keys;
  private final List<Destroyed> destroyed;

  private BackupKeyRing(
      Path file, int retentionDays, int periodDays, List<Key> keys, List<Destroyed> destroyed) {
    this.file = file.toAbsolutePath();
    this.retentionDays = retentionDays;
    this.periodDays = periodDays;
    this.keys = new ArrayList<>(keys);
    this.destroyed = new ArrayList<>(destroyed);
  }

  /**
   * Creates a new, empty key ring file (owner-only); the first backup adds the first key.
   *
   * @throws IllegalArgumentException if the retention or period is out of range
   * @throws VaultException if the file exists (never overwritten) or cannot be written
   */
  public static BackupKeyRing create(Path file, int retentionDays, int periodDays) {
    Objects.requireNonNull(file, "file");
    checkPolicy(retentionDays, periodDays);
    BackupKeyRing ring = new BackupKeyRing(file, retentionDays, periodDays, List.of(), List.of());
    try {
      writeNew(file, ring.format());
    } catch (FileAlreadyExistsException e) {
      throw new VaultException("The backup key file already exists and will not be overwritten");
    } catch (IOException e) {
      throw new VaultException("The backup key file could not be created");
    }
    return ring;
  }

  static void checkPolicy(int retentionDays, int periodDays) {
    if (retentionDays < 1 || retentionDays > MAX_RETENTION_DAYS) {
      throw new IllegalArgumentException(
          "The backup retention must be between 1 and " + MAX_RETENTION_DAYS + " days");
    }
    if (periodDays < 1 || periodDays > MAX_PERIOD_DAYS) {
      throw new IllegalArgumentException(
          "The backup key period must be between 1 and " + MAX_PERIOD_DAYS + " days");
    }
  }

  /**
   * Loads a key ring file.
   *
   * @throws BackupException ({@code NOT_A_BACKUP}) if it is not a key ring file
   * @throws VaultException if it is missing, unreadable or open to other users
   */
  public static BackupKeyRing load(Path file) {
    Objects.requireNonNull(file, "file");
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_FILE_BYTES + 1);
    } catch (NoSuchFileException e) {
      throw new VaultException("The backup key file does not exist: " + file);
    } catch (IOException e) {
      throw new VaultException("The backup key file cannot be read: " + file);
    }
    checkOwnerOnly(file);
    if (bytes.length > MAX_FILE_BYTES) {
      throw notARing(file);
    }
    String[] lines = new String(bytes, StandardCharsets.US_ASCII).split("\n", -1);
    if (lines.length < 3 || !lines[0].equals(MAGIC)) {
      throw notARing(file);
    }
    try {
      int retention = Integer.parseInt(value(lines[1], "retention-days="));
      int period = Integer.parseInt(value(lines[2], "period-days="));
      checkPolicy(retention, period);
      List<Key> keys = new ArrayList<>();
      List<Destroyed> destroyed = new ArrayList<>();
      for (int i = 3; i < lines.length; i++) {
        String line = lines[i];
        if (line.isEmpty()) {
          continue;
        }
        if (line.startsWith("key=")) {
          String[] parts = line.substring(4).split(" ", -1);
          if (parts.length != 3) {
            throw notARing(file);
          }
          keys.add(
              new Key(
                  checkId(parts[0]),
                  Long.parseLong(parts[1]),
                  Base64.getDecoder().decode(parts[2])));
        } else if (line.startsWith("destroyed=")) {
          String[] parts = line.substring(10).split(" ", -1);
          if (parts.length != 2) {
            throw notARing(file);
          }
          destroyed.add(new Destroyed(checkId(parts[0]), Long.parseLong(parts[1])));
        } else {
          throw notARing(file);
        }
      }
      return new BackupKeyRing(file, retention, period, keys, destroyed);
    } catch (IllegalArgumentException e) {
      throw notARing(file);
    }
  }

  private static String checkId(String id) {
    if (id.length() != 16) {
      throw new IllegalArgumentException("bad id");
    }
    HEX.parseHex(id);
    return id;
  }

  private static String value(String line, String prefix) {
    if (!line.startsWith(prefix)) {
      throw new IllegalArgumentException("missing " + prefix);
    }
    return line.substring(prefix.length());
  }

  private static BackupException notARing(Path file) {
    return new BackupException(
        BackupException.Reason.NOT_A_BACKUP, "This is not an ombuds backup key file: " + file);
  }

  /** How many days after its period ends a key is destroyed. */
  public int retentionDays() {
    return retentionDays;
  }

  /** How many days one key is used for. */
  public int periodDays() {
    return periodDays;
  }

  /** The file this ring is kept in. */
  public Path file() {
    return file;
  }

  /** How many live keys the ring holds. */
  public int liveKeys() {
    return keys.size();
  }

  /**
   * The longest time a backup made now stays decryptable: until its period ends, plus the retention
   * (assuming a backup or prune runs on this ring then).
   */
  public Duration longestLife() {
    return Duration.ofDays((long) periodDays + retentionDays);
  }

  long periodOf(Instant t) {
    return Math.floorDiv(Math.floorDiv(t.getEpochSecond(), 86_400L), periodDays);
  }

  /** The instant from which the key of {@code period} is destroyed. */
  Instant expiryOf(long period) {
    return Instant.ofEpochSecond(((period + 1) * periodDays + retentionDays) * 86_400L);
  }

  /**
   * Readies the ring for a backup made at {@code now}: adds a key for the current period if there
   * is none, destroys expired keys, and rewrites the file if anything changed.
   *
   * @return how many keys were destroyed
   */
  public int rotate(Instant now) {
    long current = periodOf(now);
    boolean changed = false;
    if (keys.stream().noneMatch(k -> k.period() == current)) {
      keys.add(new Key(newId(), current, newKeyset()));
      changed = true;
    }
    int n = destroyExpired(now);
    if (changed || n > 0) {
      save();
    }
    return n;
  }

  /**
   * Destroys the keys that expired by {@code now} and rewrites the file if any was.
   *
   * @return how many keys were destroyed
   */
  public int prune(Instant now) {
    int n = destroyExpired(now);
    if (n > 0) {
      save();
    }
    return n;
  }

  private int destroyExpired(Instant now) {
    int n = 0;
    for (int i = keys.size() - 1; i >= 0; i--) {
      Key k = keys.get(i);
      if (!now.isBefore(expiryOf(k.period()))) {
        keys.remove(i);
        java.util.Arrays.fill(k.keyset(), (byte) 0);
        destroyed.add(new Destroyed(k.id(), k.period()));
        n++;
      }
    }
    return n;
  }

  /** The id of the key for the period of {@code now}; empty before {@link #rotate}. */
  Optional<String> currentKeyId(Instant now) {
    long current = periodOf(now);
    return keys.stream().filter(k -> k.period() == current).map(Key::id).findFirst();
  }

  /** The streaming AEAD of the key {@code id}, if it is live. */
  Optional<StreamingAead> streamingAead(String id) {
    return keys.stream().filter(k -> k.id().equals(id)).findFirst().map(k -> primitive(k.keyset()));
  }

  /** Whether the key {@code id} was in this ring and destroyed on expiry. */
  boolean wasDestroyed(String id) {
    return destroyed.stream().anyMatch(d -> d.id().equals(id));
  }

  private static StreamingAead primitive(byte[] keyset) {
    try {
      KeysetHandle handle =
          TinkProtoKeysetFormat.parseKeyset(
              keyset, InsecureSecretKeyAccess.get(), RegistryConfiguration.get());
      return handle.getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
    } catch (GeneralSecurityException e) {
      throw new VaultException("A backup key in the key file is malformed");
    }
  }

  private static byte[] newKeyset() {
    try {
      KeysetHandle handle =
          KeysetHandle.generateNew(
              PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB, RegistryConfiguration.get());
      return TinkProtoKeysetFormat.serializeKeyset(
          handle, InsecureSecretKeyAccess.get(), RegistryConfiguration.get());
    } catch (GeneralSecurityException e) {
      throw new VaultException("Could not generate a backup key");
    }
  }

  private static String newId() {
    byte[] id = new byte[8];
    new SecureRandom().nextBytes(id);
    return HEX.formatHex(id);
  }

  private String format() {
    StringBuilder b = new StringBuilder();
    b.append(MAGIC).append('\n');
    b.append("retention-days=").append(retentionDays).append('\n');
    b.append("period-days=").append(periodDays).append('\n');
    for (Key k : keys) {
      b.append("key=")
          .append(k.id())
          .append(' ')
          .append(k.period())
          .append(' ')
          .append(Base64.getEncoder().encodeToString(k.keyset()))
          .append('\n');
    }
    for (Destroyed d : destroyed) {
      b.append("destroyed=").append(d.id()).append(' ').append(d.period()).append('\n');
    }
    return b.toString();
  }

  /** Rewrites the file atomically: a new owner-only file beside it, forced, renamed over it. */
  private void save() {
    Path dir = file.getParent();
    Path tmp = dir.resolve("." + file.getFileName() + ".new");
    try {
      Files.deleteIfExists(tmp);
      writeNew(tmp, format());
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // The failure is reported below.
      }
      throw new VaultException("The backup key file could not be rewritten: " + file);
    }
  }

  private static void writeNew(Path target, String content) throws IOException {
    FileAttribute<?>[] attrs =
        isPosix(target)
            ? new FileAttribute<?>[] {
              PosixFilePermissions.asFileAttribute(
                  EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE))
            }
            : new FileAttribute<?>[0];
    byte[] bytes = content.getBytes(StandardCharsets.US_ASCII);
    try (FileChannel ch =
        FileChannel.open(
            target, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attrs)) {
      ByteBuffer buf = ByteBuffer.wrap(bytes);
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
      ch.force(true);
    } finally {
      java.util.Arrays.fill(bytes, (byte) 0);
    }
  }

  private static void checkOwnerOnly(Path file) {
    if (!isPosix(file)) {
      return;
    }
    try {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
      Set<PosixFilePermission> others = EnumSet.noneOf(PosixFilePermission.class);
      others.addAll(perms);
      others.removeAll(
          EnumSet.of(
              PosixFilePermission.OWNER_READ,
              PosixFilePermission.OWNER_WRITE,
              PosixFilePermission.OWNER_EXECUTE));
      if (!others.isEmpty()) {
        throw new VaultException(
            "The backup key file is open to other users; allow its owner only (chmod 600): "
                + file);
      }
    } catch (IOException e) {
      throw new VaultException("The permissions of the backup key file cannot be read: " + file);
    }
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
