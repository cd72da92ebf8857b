package org.ombuds.common;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A row's content as named text fields, encoded unambiguously (length-prefixed UTF-8) so that it
 * can be encrypted as one value. Pure JDK; the order of fields is kept.
 */
public final class Fields {
  private static final int VERSION = 1;
  private final Map<String, String> values = new LinkedHashMap<>();

  public Fields put(String name, String value) {
    values.put(name, value);
    return this;
  }

  public Fields put(String name, Optional<String> value) {
    value.ifPresent(v -> values.put(name, v));
    return this;
  }

  public String get(String name) {
    String v = values.get(name);
    if (v == null) {
      throw new IllegalStateException("stored row lacks field " + name);
    }
    return v;
  }

  public Optional<String> optional(String name) {
    return Optional.ofNullable(values.get(name));
  }

  public byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      out.writeInt(values.size());
      for (Map.Entry<String, String> e : values.entrySet()) {
        writeText(out, e.getKey());
        writeText(out, e.getValue());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static Fields decode(byte[] encoded) {
    Fields f = new Fields();
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded))) {
      if (in.readByte() != VERSION) {
        throw new IllegalStateException("unknown row encoding");
      }
      int n = in.readInt();
      for (int i = 0; i < n; i++) {
        f.values.put(readText(in), readText(in));
      }
    } catch (IOException e) {
      throw new IllegalStateException("malformed row encoding", e);
    }
    return f;
  }

  private static void writeText(DataOutputStream out, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  private static String readText(DataInputStream in) throws IOException {
    int len = in.readInt();
    if (len < 0 || len > 10_000_000) {
      throw new IOException("bad length");
    }
    byte[] b = in.readNBytes(len);
    if (b.length != len) {
      throw new IOException("truncated");
    }
    return new String(b, StandardCharsets.UTF_8);
  }
}
