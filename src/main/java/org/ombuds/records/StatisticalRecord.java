package org.ombuds.records;

import java.util.ArrayList;
import java.util.List;
import org.ombuds.common.Fields;

/**
 * What survives a closed case: a de-identified statistical record with no link back to the case (no
 * id, no date finer than the year, no text), stored encrypted under the office key.
 *
 * @param visitors each visitor's attributes as given (contract type, gender, age band; empty when
 *     not given)
 * @param options each option explored, as {@code KIND:DECISION}
 */
public record StatisticalRecord(
    int year,
    List<String> categories,
    List<Visitor> visitors,
    int contacts,
    int minutes,
    List<String> options,
    String outcome) {

  /** A visitor's statistical attributes; an empty string where not given. */
  public record Visitor(String contractType, String gender, String ageBand) {}

  public StatisticalRecord {
    categories = List.copyOf(categories);
    visitors = List.copyOf(visitors);
    options = List.copyOf(options);
  }

  /** The record as bytes, to be encrypted. */
  public byte[] encode() {
    Fields f =
        new Fields()
            .put("year", Integer.toString(year))
            .put("categories", String.join(",", categories))
            .put("contacts", Integer.toString(contacts))
            .put("minutes", Integer.toString(minutes))
            .put("options", String.join(",", options))
            .put("outcome", outcome)
            .put("visitors", Integer.toString(visitors.size()));
    for (int i = 0; i < visitors.size(); i++) {
      Visitor v = visitors.get(i);
      f.put("v" + i, v.contractType() + "|" + v.gender() + "|" + v.ageBand());
    }
    return f.encode();
  }

  /** The record from {@link #encode()}'s bytes. */
  public static StatisticalRecord decode(byte[] bytes) {
    Fields f = Fields.decode(bytes);
    int n = Integer.parseInt(f.get("visitors"));
    List<Visitor> visitors = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String[] p = f.get("v" + i).split("\\|", -1);
      visitors.add(new Visitor(p[0], p[1], p[2]));
    }
    return new StatisticalRecord(
        Integer.parseInt(f.get("year")),
        split(f.get("categories")),
        visitors,
        Integer.parseInt(f.get("contacts")),
        Integer.parseInt(f.get("minutes")),
        split(f.get("options")),
        f.get("outcome"));
  }

  private static List<String> split(String s) {
    return s.isEmpty() ? List.of() : List.of(s.split(",", -1));
  }
}
