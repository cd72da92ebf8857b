package org.ombuds.mandate;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one rule of the mandate about releases, as a pure function. "The obligations of
 * confidentiality may be waived solely with the consent of the person(s) concerned. The only
 * exception to this rule is when the Ombuds deems there to be an imminent threat of serious harm to
 * person or property."
 *
 * <p>A release is allowed only for a draft, and only (a) with a valid, unrevoked consent of every
 * person concerned to the current version, given on an anonymity estimate no better than the
 * estimate of the moment (a consent given when the text seemed safer is stale: the person must see
 * the new estimate and consent again), or (b) under a recorded determination that the threat is
 * both imminent and serious, confirmed by a second Ombuds when the office requires it, and never
 * for a publication (a story of the office's series): publishing is not a way to avert harm, so a
 * publication leaves only by consent.
 */
public final class ReleasePolicy {
  private ReleasePolicy() {}

  /**
   * A consent as the policy needs it.
   *
   * @param shown the anonymity estimate the person was shown when consenting
   */
  public record ConsentFact(String personId, int version, boolean revoked, Exposure shown) {}

  /**
   * What a release request is judged on.
   *
   * @param concerns every person concerned: those the Ombuds chose and every confidant of the case
   * @param current the anonymity estimate of the moment, from the case and office as they are now
   * @param publication whether the disclosure is a publication ({@link
   *     DraftContent#isPublication()}), to which the exception never applies
   */
  public record Request(
      DisclosureStatus status,
      int currentVersion,
      List<String> concerns,
      List<ConsentFact> consents,
      Exposure current,
      Basis basis,
      Optional<Determination> determination,
      boolean secondOmbudsRequired,
      boolean confirmedBySecondOmbuds,
      boolean publication) {
    public Request {
      concerns = List.copyOf(concerns);
      consents = List.copyOf(consents);
    }
  }

  /** The closed set of answers. */
  public sealed interface Decision {
    /** The release may go ahead. */
    record Allowed(Basis basis) implements Decision {}

    /** Some persons concerned have not consented to the current version. */
    record ConsentMissing(List<String> personIds) implements Decision {}

    /**
     * Everyone consented to the current version, but these persons did so on an estimate better
     * than the one of the moment: they must see the new estimate and consent again.
     */
    record EstimateChanged(List<String> personIds) implements Decision {}

    /** The imminent-harm exception does not apply, and why. */
    record ExceptionNotMet(String why) implements Decision {}

    /** Only drafts can be released. */
    record NotADraft(DisclosureStatus status) implements Decision {}

    /** The exception is met, and the office requires a second Ombuds to confirm it. */
    record ConfirmationRequired() implements Decision {}
  }

  public static Decision decide(Request r) {
    if (r.status() != DisclosureStatus.DRAFT) {
      return new Decision.NotADraft(r.status());
    }
    return switch (r.basis()) {
      case CONSENT -> byConsent(r);
      case IMMINENT_HARM -> byException(r);
    };
  }

  private static Decision byConsent(Request r) {
    if (r.concerns().isEmpty()) {
      return new Decision.ConsentMissing(List.of());
    }
    List<String> missing = missingConsents(r.concerns(), r.consents(), r.currentVersion());
    if (!missing.isEmpty()) {
      return new Decision.ConsentMissing(missing);
    }
    List<String> stale =
        r.concerns().stream()
            .filter(p -> !consentedNow(p, r.consents(), r.currentVersion(), r.current()))
            .toList();
    return stale.isEmpty()
        ? new Decision.Allowed(Basis.CONSENT)
        : new Decision.EstimateChanged(stale);
  }

  /**
   * The persons concerned without a valid, unrevoked consent to {@code version}: the one statement
   * of "everyone consented", for the release and for telling afterwards on what basis a disclosure
   * was released.
   */
  static List<String> missingConsents(
      List<String> concerns, List<ConsentFact> consents, int version) {
    Set<String> consented =
        consents.stream()
            .filter(c -> !c.revoked() && c.version() == version)
            .map(ConsentFact::personId)
            .collect(Collectors.toSet());
    return concerns.stream().filter(p -> !consented.contains(p)).toList();
  }

  /**
   * Whether {@code personId} has a valid, unrevoked consent to {@code version} given on an estimate
   * no better than {@code now}: the one statement of "this person agreed to what would leave now",
   * for the release and for the portal's sources-first rule.
   */
  static boolean consentedNow(
      String personId, List<ConsentFact> consents, int version, Exposure now) {
    return consents.stream()
        .anyMatch(
            c ->
                c.personId().equals(personId)
                    && !c.revoked()
                    && c.version() == version
                    && !now.isWorseThan(c.shown()));
  }

  private static Decision byException(Request r) {
    if (r.publication()) {
      return new Decision.ExceptionNotMet(
          "A publication needs the consent of the persons concerned: publishing a story averts no"
              + " harm, so the imminent-harm exception never applies to it.");
    }
    if (r.determination().isEmpty()) {
      return new Decision.ExceptionNotMet(
          "No determination was recorded: the exception needs the threat, its target, and the"
              + " Ombuds' finding that it is imminent and serious, with the reasoning.");
    }
    Determination d = r.determination().get();
    if (!d.imminent() && !d.serious()) {
      return new Decision.ExceptionNotMet(
          "The threat is neither imminent nor serious: confidentiality can only be waived with"
              + " the consent of the persons concerned.");
    }
    if (!d.imminent()) {
      return new Decision.ExceptionNotMet(
          "The threat is not imminent: confidentiality can only be waived with the consent of the"
              + " persons concerned.");
    }
    if (!d.serious()) {
      return new Decision.ExceptionNotMet(
          "The harm is not serious: confidentiality can only be waived with the consent of the"
              + " persons concerned.");
    }
    if (r.secondOmbudsRequired() && !r.confirmedBySecondOmbuds()) {
      return new Decision.ConfirmationRequired();
    }
    return new Decision.Allowed(Basis.IMMINENT_HARM);
  }
}
