package org.ombuds.records;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.ombuds.common.Fields;

/**
 * The office's report settings: the suppression threshold and what it entered per year. Stored as
 * one value encrypted under the office key, so that neither the administrator nor the database
 * administrator can read the texts or lower the threshold unnoticed (a changed ciphertext does not
 * decrypt).
 *
 * @param threshold the smallest count shown as a number; smaller counts are shown as {@code "<T"}
 */
public record ReportSettings(int threshold, Map<Integer, YearInputs> years) {
  public static final int DEFAULT_THRESHOLD = 5;
  public static final int MIN_THRESHOLD = 2;
  public static final int MAX_THRESHOLD = 100;
  public static final int MIN_YEAR = 1900;
  public static final int MAX_YEAR = 2999;

  /** The settings of an office that has entered nothing. */
  public static final ReportSettings DEFAULTS = new ReportSettings(DEFAULT_THRESHOLD, Map.of());

  public ReportSettings {
    if (threshold < MIN_THRESHOLD || threshold > MAX_THRESHOLD) {
      throw ReportException.invalid(
          "The threshold must be between "
              + MIN_THRESHOLD
              + " and "
              + MAX_THRESHOLD
              + ": below 2, a published count could be a single person.");
    }
    years.keySet().forEach(ReportSettings::checkYear);
    years = java.util.Collections.unmodifiableMap(new TreeMap<>(years));
  }

  /** Refuses a year outside the range a report can be asked for. */
  public static int checkYear(int year) {
    if (year < MIN_YEAR || year > MAX_YEAR) {
      throw ReportException.invalid(
          "The year must be between " + MIN_YEAR + " and " + MAX_YEAR + ".");
    }
    return year;
  }

  /** What was entered for {@code year}, or nothing. */
  public YearInputs year(int year) {
    return years.getOrDefault(year, YearInputs.NONE);
  }

  public ReportSettings withThreshold(int t) {
    return new ReportSettings(t, years);
  }

  public ReportSettings withYear(int year, YearInputs inputs) {
    Map<Integer, YearInputs> m = new TreeMap<>(years);
    m.put(checkYear(year), inputs);
    return new ReportSettings(threshold, m);
  }

  /** The settings as bytes, to be encrypted. */
  public byte[] encode() {
    Fields f = new Fields().put("threshold", Integer.toString(threshold));
    StringBuilder list = new StringBuilder();
    years.forEach(
        (y, in) -> {
          list.append(list.isEmpty() ? "" : ",").append(y);
          String p = "y" + y + ".";
          StringBuilder shares = new StringBuilder();
          in.genderShares()
              .forEach(
                  (g, s) ->
                      shares.append(shares.isEmpty() ? "" : ",").append(g).append('=').append(s));
          f.put(p + "personnel", Integer.toString(in.personnel()))
              .put(p + "genders", shares.toString())
              .put(p + "assessment", in.assessment())
              .put(p + "observations", in.observations())
              .put(p + "recommendations", in.recommendations());
        });
    f.put("years", list.toString());
    return f.encode();
  }

  /** The settings from {@link #encode()}'s bytes. */
  public static ReportSettings decode(byte[] bytes) {
    Fields f = Fields.decode(bytes);
    Map<Integer, YearInputs> years = new TreeMap<>();
    String list = f.get("years");
    if (!list.isEmpty()) {
      for (String y : list.split(",", -1)) {
        String p = "y" + y + ".";
        Map<String, Integer> shares = new java.util.LinkedHashMap<>();
        String g = f.get(p + "genders");
        if (!g.isEmpty()) {
          for (String pair : g.split(",", -1)) {
            int eq = pair.indexOf('=');
            shares.put(pair.substring(0, eq), Integer.parseInt(pair.substring(eq + 1)));
          }
        }
        years.put(
            Integer.parseInt(y),
            new YearInputs(
                Integer.parseInt(f.get(p + "personnel")),
                shares,
                f.get(p + "assessment"),
                f.get(p + "observations"),
                f.get(p + "recommendations")));
      }
    }
    return new ReportSettings(Integer.parseInt(f.get("threshold")), years);
  }

  /** The settings as stored, or the defaults when nothing was stored yet. */
  public static ReportSettings orDefaults(Optional<byte[]> stored) {
    return stored.map(ReportSettings::decode).orElse(DEFAULTS);
  }
}
