package org.ombuds.stories;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.ombuds.anonymity.AnonymityEstimator;
import org.ombuds.anonymity.Context;
import org.ombuds.anonymity.Finding;
import org.ombuds.anonymity.FindingKind;
import org.ombuds.anonymity.Person;

/**
 * The check a story written without a case passes before it may leave the office: none of the real
 * names or pseudonyms of any open case may appear in it, in any spelling the anonymity estimate
 * recognizes. A story that could be about someone the office is helping right now is not published
 * by accident.
 *
 * <p>A hit is reported with the story's own excerpt, its place in the story and the matched
 * person's pseudonym, never with the real name or the case's title, so that the list of matches can
 * be shown without revealing who is on file.
 */
public final class OpenCaseCheck {
  private static final AnonymityEstimator ESTIMATOR = new AnonymityEstimator();

  /**
   * A person of an open case, as the check needs them.
   *
   * @param shown whether the Ombuds checking may see the person's case; for a case they are recused
   *     from, a match names no pseudonym (only that a name of an open case appears)
   */
  public record OpenPerson(String name, String pseudonym, boolean shown) {
    /** A person of a case the Ombuds may see. */
    public OpenPerson(String name, String pseudonym) {
      this(name, pseudonym, true);
    }
  }

  /**
   * One hit: where in the story, what it says there, and whose pseudonym it matched.
   *
   * @param pseudonym the matched person's pseudonym, or empty when the person belongs to a case the
   *     Ombuds is recused from
   * @param byPseudonym whether the pseudonym (rather than the real name) was found
   */
  public record Match(int start, int end, String excerpt, String pseudonym, boolean byPseudonym) {}

  /** What the check came to. */
  public sealed interface Outcome {
    /** Nothing found: the story may be exported, as exactly this text. */
    record Cleared(ClearedStory story) implements Outcome {}

    /** Something found: nothing may be exported. */
    record Blocked(List<Match> matches) implements Outcome {
      public Blocked {
        matches = List.copyOf(matches);
      }
    }
  }

  private OpenCaseCheck() {}

  /**
   * Checks {@code text} (version {@code version} of story {@code storyId}) against {@code persons},
   * the persons of every open case.
   */
  public static Outcome check(
      String storyId, int version, String text, List<OpenPerson> persons, Instant now) {
    List<Match> matches = new ArrayList<>();
    for (OpenPerson p : persons) {
      Context context =
          new Context(
              List.of(new Person(p.name(), p.pseudonym(), true)),
              Context.MAX_UNIT_SIZE,
              List.of(),
              0,
              Optional.empty());
      for (Finding f : ESTIMATOR.estimate(text, context).findings()) {
        if (f.kind() == FindingKind.NAME || f.kind() == FindingKind.PSEUDONYM) {
          matches.add(
              new Match(
                  f.start(),
                  f.end(),
                  f.excerpt(),
                  p.shown() ? p.pseudonym() : "",
                  f.kind() == FindingKind.PSEUDONYM));
        }
      }
    }
    if (!matches.isEmpty()) {
      // A match in a hidden case must not tell which person matched, even by its order.
      matches = new ArrayList<>(new java.util.LinkedHashSet<>(matches));
      matches.sort(Comparator.comparingInt(Match::start).thenComparing(Match::pseudonym));
      return new Outcome.Blocked(matches);
    }
    return new Outcome.Cleared(new ClearedStory(storyId, version, text, now));
  }
}
