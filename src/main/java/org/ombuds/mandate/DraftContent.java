package org.ombuds.mandate;

import java.util.List;

/**
 * What a disclosure says and to whom: the exact content a consent covers. Any change to it makes a
 * new version.
 *
 * @param concerns the ids of the persons whose consent the release needs
 * @param kind a communication, or a publication (a story of the office's series): fixed when the
 *     disclosure is drafted, by the route that drafts it, never by what its recipient or channel
 *     say
 */
public record DraftContent(
    String recipient,
    IdentityMode identity,
    String channel,
    String text,
    List<String> concerns,
    Kind kind) {

  /** What sort of disclosure this is. */
  public enum Kind {
    /** A letter, e-mail, talking points, a call: to a recipient the Ombuds names. */
    COMMUNICATION,
    /** A story of the office's publication series: anonymous, to the public, consent only. */
    PUBLICATION
  }

  /** A communication. */
  public DraftContent(
      String recipient, IdentityMode identity, String channel, String text, List<String> concerns) {
    this(recipient, identity, channel, text, concerns, Kind.COMMUNICATION);
  }

  /** A publication of the office's series: anonymous, to the public. */
  public static DraftContent publication(String text, List<String> concerns) {
    return new DraftContent(
        PUBLIC, IdentityMode.ANONYMOUS, PUBLICATION, text, concerns, Kind.PUBLICATION);
  }

  /** The same content with other persons concerned. */
  public DraftContent withConcerns(List<String> persons) {
    return new DraftContent(recipient, identity, channel, text, persons, kind);
  }

  /** The same content as another kind (an edit keeps the kind the draft was made with). */
  public DraftContent as(Kind k) {
    return new DraftContent(recipient, identity, channel, text, concerns, k);
  }

  public static final int MAX_TEXT = 20_000;

  /** The recipient of a publication: the public, as readers of the office's series. */
  public static final String PUBLIC = "the public (publication series)";

  /** The channel of a publication. */
  public static final String PUBLICATION = "PUBLICATION";

  public DraftContent {
    if (recipient == null || recipient.isBlank()) {
      throw new MandateException(400, "invalid_request", "A disclosure needs a recipient.");
    }
    if (recipient.length() > 300) {
      throw new MandateException(400, "too_long", "The recipient is limited to 300 characters.");
    }
    if (channel == null || channel.isBlank()) {
      throw new MandateException(
          400,
          "invalid_request",
          "A disclosure needs a channel (letter, e-mail, meeting, phone ...).");
    }
    if (channel.length() > 100) {
      throw new MandateException(400, "too_long", "The channel is limited to 100 characters.");
    }
    if (text == null || text.isBlank()) {
      throw new MandateException(
          400, "invalid_request", "A disclosure needs a text: exactly what will be said.");
    }
    if (text.length() > MAX_TEXT) {
      throw new MandateException(
          400, "too_long", "The text is limited to " + MAX_TEXT + " characters.");
    }
    if (identity == null) {
      throw new MandateException(
          400, "invalid_request", "Say whether the disclosure is NAMED or ANONYMOUS.");
    }
    recipient = recipient.strip();
    channel = channel.strip();
    concerns = List.copyOf(concerns);
    if (kind == null) {
      kind = Kind.COMMUNICATION;
    }
  }

  /**
   * Whether this is a publication ({@link Kind#PUBLICATION}): a story of the office's series. A
   * publication is anonymous, leaves only with the consent of the persons concerned (never under
   * the imminent-harm exception: publishing averts no harm), and its recipient and channel are
   * fixed once drafted. The kind is set by the route that drafts it; no recipient or channel text
   * makes a communication a publication or the reverse.
   */
  public boolean isPublication() {
    return kind == Kind.PUBLICATION;
  }
}
