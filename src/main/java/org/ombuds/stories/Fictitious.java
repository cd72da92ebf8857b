package org.ombuds.stories;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.ombuds.anonymity.AnonymityEstimator;
import org.ombuds.anonymity.Context;
import org.ombuds.anonymity.Finding;
import org.ombuds.anonymity.FindingKind;
import org.ombuds.anonymity.Person;

/**
 * Renames the persons of a case in a text with their fictitious names, the series' way: the first
 * mention of a person carries the asterisk ("Jane*"), later ones do not ("Jane", "Jane’s").
 *
 * <p>Real names are found as the anonymity estimate finds them (first name, surname, full name,
 * with or without accents, in any case, hyphens and particles understood), so a spelling the
 * estimate would flag is a spelling this renames. What follows a name in the text (a possessive
 * "’s", punctuation) is kept, so possessives follow the name. The same person always gets the same
 * fictitious name; two persons never share one.
 */
public final class Fictitious {
  private static final AnonymityEstimator ESTIMATOR = new AnonymityEstimator();

  /**
   * One person: the real name to replace and the office's pseudonym ("Jane*") to replace it with.
   */
  public record Cast(String realName, String pseudonym) {
    public Cast {
      Objects.requireNonNull(realName, "realName");
      Objects.requireNonNull(pseudonym, "pseudonym");
    }

    /** The pseudonym without its asterisk: "Jane". */
    String bare() {
      return pseudonym.replace("*", "").strip();
    }
  }

  private record Span(int start, int end, int person) {}

  private Fictitious() {}

  /**
   * {@code text} with every real name of {@code cast} replaced by that person's fictitious name.
   */
  public static String rename(String text, List<Cast> cast) {
    List<Span> spans = new ArrayList<>();
    for (int i = 0; i < cast.size(); i++) {
      Cast c = cast.get(i);
      if (c.realName().isBlank() || c.bare().isEmpty()) {
        continue;
      }
      for (Finding f : namesOf(text, c.realName())) {
        spans.add(new Span(f.start(), f.end(), i));
      }
    }
    // Longest first at each place, then drop any span overlapping one already kept.
    spans.sort(
        Comparator.comparingInt(Span::start)
            .thenComparing(Comparator.comparingInt((Span s) -> s.end() - s.start()).reversed()));
    StringBuilder out = new StringBuilder(text.length());
    Set<Integer> mentioned = new HashSet<>();
    int at = 0;
    for (Span s : spans) {
      if (s.start() < at) {
        continue;
      }
      out.append(text, at, s.start());
      Cast c = cast.get(s.person());
      out.append(mentioned.add(s.person()) ? c.bare() + "*" : c.bare());
      at = s.end();
    }
    out.append(text, at, text.length());
    return out.toString();
  }

  /** Where the estimate finds {@code realName} (any part, any spelling) in {@code text}. */
  static List<Finding> namesOf(String text, String realName) {
    Context context =
        new Context(
            List.of(new Person(realName, "", true)),
            Context.MAX_UNIT_SIZE,
            List.of(),
            0,
            Optional.empty());
    return ESTIMATOR.estimate(text, context).findings().stream()
        .filter(f -> f.kind() == FindingKind.NAME)
        .toList();
  }
}
