package org.ombuds.backup;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The inside of a backup, before the database dump: a magic line, the creation time and the data
 * directory's small files.
 *
 * <pre>
 * UTF "ombuds-backup v1", long creation time (epoch ms), int file count,
 *   per file: UTF name, int length, bytes
 * then the dump of {@link org.ombuds.store.TableCopier}
 * </pre>
 */
final class Content {
  static final String MAGIC = "ombuds-backup v1";
  static final String PROPERTIES = "ombuds.properties";
  static final String HEAD = "audit.head";
  static final String AUDIT_KEY = "audit.key";
  private static final Set<String> KNOWN = Set.of(PROPERTIES, HEAD, AUDIT_KEY);
  private static final int MAX_FILE = 1 << 20;

  private Content() {}

  static void writeFiles(DataOutputStream out, long createdMillis, Map<String, byte[]> files)
      throws IOException {
    out.writeUTF(MAGIC);
    out.writeLong(createdMillis);
    out.writeInt(files.size());
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      out.writeUTF(f.getKey());
      out.writeInt(f.getValue().length);
      out.write(f.getValue());
    }
  }

  /** The files, by name; refuses anything but the known small files. */
  static Map<String, byte[]> readFiles(DataInputStream in, long headerMillis) throws IOException {
    if (!MAGIC.equals(in.readUTF())) {
      throw malformed();
    }
    if (in.readLong() != headerMillis) {
      throw malformed();
    }
    int n = in.readInt();
    if (n < 0 || n > KNOWN.size()) {
      throw malformed();
    }
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      String name = in.readUTF();
      int len = in.readInt();
      if (!KNOWN.contains(name) || len < 0 || len > MAX_FILE || files.containsKey(name)) {
        throw malformed();
      }
      files.put(name, in.readNBytes(len));
    }
    return files;
  }

  static BackupFailure malformed() {
    return new BackupFailure(
        BackupFailure.Kind.DAMAGED, "The backup's content is malformed; nothing was restored.");
  }
}
