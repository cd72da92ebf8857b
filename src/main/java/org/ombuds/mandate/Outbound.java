package org.ombuds.mandate;

import java.time.Instant;

/**
 * The capability to send something about a case out of the office: the exact, released content of
 * one disclosure. Only {@link Mandate} can make one (the constructor is package-private and an
 * ArchUnit test checks no other class calls it), and only for a disclosure that was released with
 * the consent of every person concerned or under a recorded imminent-harm determination. Every
 * renderer of outbound content (letters, exports, messages) takes an {@code Outbound}: nothing else
 * about a case can reach them.
 */
public final class Outbound {
  private final String disclosureId;
  private final String recipient;
  private final String channel;
  private final IdentityMode identity;
  private final String text;
  private final Instant releasedAt;
  private final Basis basis;

  Outbound(
      String disclosureId,
      String recipient,
      String channel,
      IdentityMode identity,
      String text,
      Instant releasedAt,
      Basis basis) {
    this.disclosureId = disclosureId;
    this.recipient = recipient;
    this.channel = channel;
    this.identity = identity;
    this.text = text;
    this.releasedAt = releasedAt;
    this.basis = basis;
  }

  public String disclosureId() {
    return disclosureId;
  }

  public String recipient() {
    return recipient;
  }

  public String channel() {
    return channel;
  }

  public IdentityMode identity() {
    return identity;
  }

  /** Exactly the text that was consented to (or determined under the exception). */
  public String text() {
    return text;
  }

  public Instant releasedAt() {
    return releasedAt;
  }

  public Basis basis() {
    return basis;
  }

  @Override
  public String toString() {
    return "Outbound[" + disclosureId + ", content REDACTED]";
  }
}
