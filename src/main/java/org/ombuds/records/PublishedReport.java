package org.ombuds.records;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An annual report that may be published: the year's figures and the comparison years', each with
 * every small group hidden, and what the office entered for those years. It is the capability every
 * renderer (JSON, page, CSV, PDF) requires: only {@link Suppression} makes one (checked by an
 * architecture rule), so no renderer can be handed raw figures.
 */
public final class PublishedReport {
  private final PublishedYear current;
  private final List<PublishedYear> comparison;
  private final Map<Integer, YearInputs> inputs;

  PublishedReport(
      PublishedYear current, List<PublishedYear> comparison, Map<Integer, YearInputs> inputs) {
    this.current = current;
    this.comparison = List.copyOf(comparison);
    this.inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
  }

  public int year() {
    return current.year();
  }

  public int threshold() {
    return current.threshold();
  }

  /** The report's own year. */
  public PublishedYear current() {
    return current;
  }

  /** The earlier years it is compared with, oldest first. */
  public List<PublishedYear> comparison() {
    return comparison;
  }

  /** The comparison years then the report's year: the order of every trend. */
  public List<PublishedYear> trend() {
    List<PublishedYear> all = new ArrayList<>(comparison);
    all.add(current);
    return all;
  }

  /** What the office entered for {@code year} (nothing when it entered nothing). */
  public YearInputs inputs(int year) {
    return inputs.getOrDefault(year, YearInputs.NONE);
  }

  /** True when no case of the report's year was closed: the report says so and shows nothing. */
  public boolean empty() {
    return current.empty();
  }
}
