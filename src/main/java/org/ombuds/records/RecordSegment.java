package org.ombuds.records;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Many statistical records in one compact encoding, encrypted as one field. The annual report reads
 * every record of every year; one ciphertext and one row per record made it pay a row read, a
 * decryption and a text decode a million times over. A segment's strings (codes, outcomes, visitor
 * attributes) are written once in a table and the records refer to them by index, so decoding
 * allocates no string.
 *
 * <p>Layout: a version byte; the string count and each string (length, UTF-8); the record count;
 * then per record: year, category count and indexes, visitor count and three indexes each (contract
 * type, gender, age band), contacts, minutes, option count and indexes, outcome index. Every number
 * is an unsigned variable-length integer (7 bits a byte, low bits first).
 */
public final class RecordSegment {
  private static final int VERSION = 1;

  private RecordSegment() {}

  /** The records as one segment's bytes, to be encrypted. */
  public static byte[] encode(List<StatisticalRecord> records) {
    Map<String, Integer> index = new HashMap<>();
    List<String> strings = new ArrayList<>();
    ByteArrayOutputStream body = new ByteArrayOutputStream(records.size() * 24);
    writeVarint(body, records.size());
    for (StatisticalRecord r : records) {
      writeVarint(body, r.year());
      writeVarint(body, r.categories().size());
      for (String c : r.categories()) {
        writeVarint(body, intern(c, index, strings));
      }
      writeVarint(body, r.visitors().size());
      for (StatisticalRecord.Visitor v : r.visitors()) {
        writeVarint(body, intern(v.contractType(), index, strings));
        writeVarint(body, intern(v.gender(), index, strings));
        writeVarint(body, intern(v.ageBand(), index, strings));
      }
      writeVarint(body, r.contacts());
      writeVarint(body, r.minutes());
      writeVarint(body, r.options().size());
      for (String o : r.options()) {
        writeVarint(body, intern(o, index, strings));
      }
      writeVarint(body, intern(r.outcome(), index, strings));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.size() + strings.size() * 16 + 8);
    out.write(VERSION);
    writeVarint(out, strings.size());
    for (String s : strings) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      writeVarint(out, b.length);
      out.write(b, 0, b.length);
    }
    out.write(body.toByteArray(), 0, body.size());
    return out.toByteArray();
  }

  /** Hands every record of a segment to {@code each}, in the order they were encoded. */
  public static void decode(byte[] bytes, Consumer<StatisticalRecord> each) {
    Reader in = new Reader(bytes);
    if (in.u8() != VERSION) {
      throw new IllegalArgumentException("Unknown statistical segment version.");
    }
    String[] strings = new String[in.count()];
    for (int i = 0; i < strings.length; i++) {
      strings[i] = in.string();
    }
    int n = in.count();
    for (int i = 0; i < n; i++) {
      int year = in.varint();
      List<String> categories = in.strings(strings);
      int visitorCount = in.count();
      List<StatisticalRecord.Visitor> visitors = new ArrayList<>(visitorCount);
      for (int v = 0; v < visitorCount; v++) {
        visitors.add(
            new StatisticalRecord.Visitor(in.ref(strings), in.ref(strings), in.ref(strings)));
      }
      int contacts = in.varint();
      int minutes = in.varint();
      List<String> options = in.strings(strings);
      each.accept(
          new StatisticalRecord(
              year, categories, visitors, contacts, minutes, options, in.ref(strings)));
    }
    if (!in.atEnd()) {
      throw new IllegalArgumentException("A statistical segment has bytes after its records.");
    }
  }

  /** How many records a segment holds, without decoding them. */
  public static int count(byte[] bytes) {
    Reader in = new Reader(bytes);
    if (in.u8() != VERSION) {
      throw new IllegalArgumentException("Unknown statistical segment version.");
    }
    int strings = in.count();
    for (int i = 0; i < strings; i++) {
      in.string();
    }
    return in.count();
  }

  private static int intern(String s, Map<String, Integer> index, List<String> strings) {
    return index.computeIfAbsent(
        s,
        k -> {
          strings.add(k);
          return strings.size() - 1;
        });
  }

  private static void writeVarint(ByteArrayOutputStream out, int value) {
    if (value < 0) {
      throw new IllegalArgumentException("A statistical record holds a negative number.");
    }
    int v = value;
    while (v >= 0x80) {
      out.write((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    out.write(v);
  }

  /** Reads a segment, refusing anything that runs past its end or holds an unknown index. */
  private static final class Reader {
    private final byte[] b;
    private int pos;

    Reader(byte[] b) {
      this.b = b;
    }

    int u8() {
      if (pos >= b.length) {
        throw truncated();
      }
      return b[pos++] & 0xff;
    }

    int varint() {
      int value = 0;
      for (int shift = 0; shift < 32; shift += 7) {
        int x = u8();
        value |= (x & 0x7f) << shift;
        if ((x & 0x80) == 0) {
          if (value < 0) {
            break;
          }
          return value;
        }
      }
      throw new IllegalArgumentException("A statistical segment holds a malformed number.");
    }

    /** A count that cannot exceed what is left to read. */
    int count() {
      int n = varint();
      if (n > b.length - pos) {
        throw truncated();
      }
      return n;
    }

    String string() {
      int len = count();
      String s = new String(b, pos, len, StandardCharsets.UTF_8);
      pos += len;
      return s;
    }

    String ref(String[] strings) {
      int i = varint();
      if (i >= strings.length) {
        throw new IllegalArgumentException("A statistical segment refers to an unknown string.");
      }
      return strings[i];
    }

    List<String> strings(String[] strings) {
      int n = count();
      if (n == 0) {
        return List.of();
      }
      String[] out = new String[n];
      for (int i = 0; i < n; i++) {
        out[i] = ref(strings);
      }
      return List.of(out);
    }

    boolean atEnd() {
      return pos == b.length;
    }

    private static IllegalArgumentException truncated() {
      return new IllegalArgumentException("A statistical segment ends too early.");
    }
  }
}
