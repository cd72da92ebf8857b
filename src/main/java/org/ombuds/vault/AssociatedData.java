package org.ombuds.vault;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Builds the associated data the vault binds to its own wrapped keys.
 *
 * <p>Format: {@code "ombuds.vault.v1." + label}, a zero byte, then each part as a 4-byte big-endian
 * length followed by its UTF-8 bytes. The length prefixes make the encoding unambiguous whatever
 * the parts contain, and the {@code "ombuds.vault."} prefix can never equal a field's associated
 * data, which starts with {@code "ombuds.field."} (see {@link FieldRef#associatedData()}), so a
 * wrapped key can never be passed off as a field and the reverse.
 */
final class AssociatedData {
  private static final String PREFIX = "ombuds.vault.v1.";

  private AssociatedData() {}

  static byte[] of(String label, String... parts) {
    byte[] head = (PREFIX + label).getBytes(StandardCharsets.UTF_8);
    byte[][] encoded = new byte[parts.length][];
    int size = head.length + 1;
    for (int i = 0; i < parts.length; i++) {
      encoded[i] = parts[i].getBytes(StandardCharsets.UTF_8);
      size += Integer.BYTES + encoded[i].length;
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    out.put(head).put((byte) 0);
    for (byte[] part : encoded) {
      out.putInt(part.length).put(part);
    }
    return out.array();
  }
}
