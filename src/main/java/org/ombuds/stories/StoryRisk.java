package org.ombuds.stories;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ombuds.anonymity.AnonymityEstimator;
import org.ombuds.anonymity.Context;
import org.ombuds.anonymity.Estimate;
import org.ombuds.anonymity.Finding;
import org.ombuds.anonymity.FindingKind;
import org.ombuds.anonymity.Level;
import org.ombuds.anonymity.Person;
import org.ombuds.anonymity.Thresholds;
import org.ombuds.mandate.RiskView;

/**
 * The anonymity estimate of a story, with the whole organization as the audience.
 *
 * <p>The estimate of {@code anonymity} runs with the organization's size as the unit and the case's
 * persons by their real names only (their pseudonyms are the story's fictitious names and are meant
 * to be there); {@link StoryDetectors} adds places, units and unexpected proper names. The level is
 * the estimate's, raised: any real name (of the case's persons in any spelling, or a proper name
 * that is not one of the story's fictitious names) makes it HIGH, a place or a unit at least
 * MEDIUM. Findings are sorted by position; reasons quote only the story's own text.
 */
public final class StoryRisk {
  private static final AnonymityEstimator ESTIMATOR = new AnonymityEstimator();

  private StoryRisk() {}

  /**
   * @param text the story as typed
   * @param realNames the case's persons' real names, with whether each is a source to protect
   *     (empty for a story without a case)
   * @param unitName the case's work unit, or ""
   * @param audience how many people read the series (the organization's personnel)
   */
  public static RiskView assess(
      String text, List<Person> realNames, String unitName, int audience, Thresholds thresholds) {
    List<Person> persons =
        realNames.stream()
            .filter(p -> !p.name().isBlank())
            .map(p -> new Person(p.name(), "", p.source()))
            .toList();
    int size = Math.max(1, Math.min(audience, Context.MAX_UNIT_SIZE));
    Estimate e =
        ESTIMATOR.estimate(
            text, new Context(persons, size, List.of(), 0, Optional.empty()), thresholds);
    List<RiskView.FindingView> findings = new ArrayList<>();
    boolean[] taken = new boolean[text.length() + 1];
    Level level = e.level();
    for (Finding f : e.findings()) {
      if (f.kind() == FindingKind.PSEUDONYM) {
        continue;
      }
      if (f.kind() == FindingKind.NAME) {
        level = Level.HIGH;
      }
      if (!f.aboutContext()) {
        for (int i = f.start(); i < f.end(); i++) {
          taken[i] = true;
        }
      }
      findings.add(
          new RiskView.FindingView(f.kind().name(), f.start(), f.end(), f.excerpt(), f.reason()));
    }
    Set<String> extra = new LinkedHashSet<>();
    for (StoryDetectors.Detail d : StoryDetectors.find(text, unitName)) {
      boolean free = true;
      for (int i = d.start(); i < d.end(); i++) {
        free &= !taken[i];
      }
      if (!free) {
        continue;
      }
      findings.add(
          new RiskView.FindingView(
              d.kind(), d.start(), d.end(), text.substring(d.start(), d.end()), d.reason()));
      extra.add(d.kind());
      level = d.kind().equals(StoryDetectors.NAME) ? Level.HIGH : level.atLeast(Level.MEDIUM);
    }
    findings.sort(Comparator.comparingInt(RiskView.FindingView::start));
    List<String> suggestions = new ArrayList<>();
    if (extra.contains(StoryDetectors.NAME)) {
      suggestions.add(
          "Replace every real name with a fictitious first name marked with an asterisk (Jane*).");
    }
    if (extra.contains(StoryDetectors.UNIT)) {
      suggestions.add("Leave out the unit's name or code: say \"a group\" or \"a team\".");
    }
    if (extra.contains(StoryDetectors.PLACE)) {
      suggestions.add("Leave out buildings, rooms and named places.");
    }
    suggestions.addAll(e.suggestions());
    return new RiskView(level.name(), e.anonymitySet(), findings, suggestions);
  }
}
