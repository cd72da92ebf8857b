package org.ombuds.stories;

import java.time.Instant;
import java.util.List;
import org.ombuds.mandate.ExitCheck;

/**
 * The check a story passes before it may leave the office: the mandate's {@link ExitCheck} found
 * none of the names, pseudonyms, e-mail addresses, handles or phone numbers on file in any open
 * case in it, in any spelling. A story that could be about someone the office is helping right now
 * is not published by accident. For a story written without a case, this is also what mints the
 * {@link ClearedStory} that the renderers need.
 *
 * <p>A hit is reported with the story's own excerpt, its place in the story and the matched
 * person's pseudonym, never with the real name or the case's title. A hit in a case the Ombuds is
 * recused from is not reported at all: the story is blocked with the exit check's generic refusal
 * ({@link ExitCheck#GENERIC}), so that the check does not tell them whether a name is on file (see
 * {@link ExitCheck} for the trade-off).
 */
public final class OpenCaseCheck {
  /**
   * One hit: where in the story, what it says there, and whose pseudonym it matched.
   *
   * @param pseudonym the matched person's pseudonym ("" for a visitor of the portal not yet in a
   *     case)
   * @param byPseudonym whether the pseudonym (rather than the real name) was found
   * @param reason what to do about it, in plain words
   */
  public record Match(
      int start, int end, String excerpt, String pseudonym, boolean byPseudonym, String reason) {}

  /** What the check came to. */
  public sealed interface Outcome {
    /** Nothing found: the story may be exported, as exactly this text. */
    record Cleared(ClearedStory story) implements Outcome {}

    /**
     * Something found: nothing may be exported.
     *
     * @param matches what the Ombuds may be shown (none when only a hidden case matched)
     * @param message the refusal in plain words
     */
    record Blocked(List<Match> matches, String message) implements Outcome {
      public Blocked {
        matches = List.copyOf(matches);
      }
    }
  }

  private OpenCaseCheck() {}

  /**
   * The outcome for {@code text} (version {@code version} of story {@code storyId}) from the exit
   * check's verdict on it: cleared only when the verdict clears exactly this text.
   */
  public static Outcome of(
      String storyId, int version, String text, ExitCheck.Verdict verdict, Instant now) {
    if (verdict.clears(text)) {
      return new Outcome.Cleared(new ClearedStory(storyId, version, text, now));
    }
    return new Outcome.Blocked(
        verdict.shown().stream()
            .map(
                s ->
                    new Match(
                        s.start(),
                        s.end(),
                        s.excerpt(),
                        s.pseudonym(),
                        s.byPseudonym(),
                        s.reason()))
            .toList(),
        verdict.message());
  }
}
