package org.ombuds.mandate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A disclosure as an Ombuds sees it: its current version, its estimate and its consents. */
public record DisclosureView(
    String id,
    String caseId,
    DisclosureStatus status,
    int version,
    Instant createdAt,
    Optional<Instant> releasedAt,
    DraftContent content,
    RiskView risk,
    List<ConsentView> consents) {

  /**
   * A consent: to which version, how, when; {@code current} when it covers the current version and
   * is not revoked; {@code shown} the anonymity estimate the person consented on.
   */
  public record ConsentView(
      String id,
      String personId,
      int version,
      ConsentMethod method,
      Instant givenAt,
      Optional<Instant> revokedAt,
      boolean current,
      Exposure shown) {}

  /**
   * Whether {@code personId} has a current consent given on an estimate at least as bad as this
   * view's estimate (for a draft, the estimate of the moment): the consent the release counts.
   */
  public boolean consentedNow(String personId) {
    return ReleasePolicy.consentedNow(
        personId,
        consents.stream()
            .map(
                c ->
                    new ReleasePolicy.ConsentFact(
                        c.personId(), c.version(), c.revokedAt().isPresent(), c.shown()))
            .toList(),
        version,
        Exposure.of(risk));
  }
}
