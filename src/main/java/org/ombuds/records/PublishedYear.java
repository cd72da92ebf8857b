package org.ombuds.records;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One year's figures as they may be published: every cell either shown or hidden, the hidden ones
 * chosen by {@link Suppression} so that none can be worked out from the rest. Only {@link
 * Suppression} makes one (checked by an architecture rule).
 */
public final class PublishedYear {
  /** Why a cell is hidden. */
  public enum Hidden {
    /** The cell is below the threshold. */
    PRIMARY,
    /**
     * The cell is hidden so that a cell below the threshold cannot be narrowed from it. It is at
     * least the threshold (only shown counts are hidden this way, and the code is public), but its
     * label tells nothing more about its size.
     */
    SECONDARY
  }

  /** A cell as published: its count, or hidden. */
  public sealed interface Cell permits Shown, Suppressed {}

  /** A count that may be published. */
  public record Shown(long count) implements Cell {}

  /** A hidden count: no number, only why. */
  public record Suppressed(Hidden why) implements Cell {}

  private final int year;
  private final int threshold;
  private final Map<String, Cell> cells;
  private final List<Equation> equations;
  private final Optional<Long> contacts;
  private final Optional<Long> minutes;
  private final boolean empty;

  PublishedYear(
      int year,
      int threshold,
      Map<String, Cell> cells,
      List<Equation> equations,
      Optional<Long> contacts,
      Optional<Long> minutes,
      boolean empty) {
    this.empty = empty;
    this.year = year;
    this.threshold = threshold;
    this.cells = Collections.unmodifiableMap(new LinkedHashMap<>(cells));
    this.equations = List.copyOf(equations);
    this.contacts = contacts;
    this.minutes = minutes;
  }

  public int year() {
    return year;
  }

  public int threshold() {
    return threshold;
  }

  /** Every cell by name (see {@link Figures} for the names), in report order. */
  public Map<String, Cell> cells() {
    return cells;
  }

  /** The cells whose name starts with {@code prefix}, with the prefix removed, in order. */
  public Map<String, Cell> table(String prefix) {
    Map<String, Cell> out = new LinkedHashMap<>();
    cells.forEach(
        (k, v) -> {
          if (k.startsWith(prefix) && k.indexOf(':', prefix.length()) < 0) {
            out.put(k.substring(prefix.length()), v);
          }
        });
    return out;
  }

  public Cell cell(String name) {
    Cell c = cells.get(name);
    if (c == null) {
      throw new IllegalArgumentException("no cell " + name);
    }
    return c;
  }

  /** The published equations between cells (each table sums to its total). */
  public List<Equation> equations() {
    return equations;
  }

  /** The count of a cell when it is shown. */
  public Optional<Long> shown(String name) {
    return cell(name) instanceof Shown s ? Optional.of(s.count()) : Optional.empty();
  }

  /**
   * True exactly when no case of this year was closed (not merely fewer than the threshold): the
   * report says so (no one is behind a year without cases), while its cells stay hidden like any
   * other count below the threshold. A year that is not empty thus has at least one case: the
   * suppression counts that as published.
   */
  public boolean empty() {
    return empty;
  }

  /** Contacts with visitors over all cases, shown only when the number of cases is. */
  public Optional<Long> contacts() {
    return contacts;
  }

  /** Minutes spent over all cases, shown only when the number of cases is. */
  public Optional<Long> minutes() {
    return minutes;
  }

  /** Issues per visitor, only when both counts are shown. */
  public Optional<Double> issuesPerVisitor() {
    return ratio(shown("issues"), shown("visitors"));
  }

  /** Contacts per case, only when both are shown. */
  public Optional<Double> contactsPerCase() {
    return ratio(contacts, shown("cases"));
  }

  /** Minutes per case, only when both are shown. */
  public Optional<Double> minutesPerCase() {
    return ratio(minutes, shown("cases"));
  }

  /** Visitors as a share (0..1) of the personnel, only when the count is shown. */
  public Optional<Double> shareOfPersonnel(int personnel) {
    return personnel <= 0
        ? Optional.empty()
        : ratio(shown("visitors"), Optional.of((long) personnel));
  }

  /**
   * A gender's representation among visitors relative to its share of personnel: 1 means as many as
   * expected, 2 twice as many. Only when the gender's count and the visitors are shown.
   *
   * @param personnelPercent the gender's share of personnel, in percent
   */
  public Optional<Double> genderAdjusted(String gender, int personnelPercent) {
    if (personnelPercent <= 0) {
      return Optional.empty();
    }
    return ratio(shown("gender." + gender), shown("visitors")).map(s -> s * 100 / personnelPercent);
  }

  private static Optional<Double> ratio(Optional<Long> a, Optional<Long> b) {
    if (a.isEmpty() || b.isEmpty() || b.get() == 0) {
      return Optional.empty();
    }
    return Optional.of((double) a.get() / b.get());
  }
}
