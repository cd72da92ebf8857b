package org.ombuds.mandate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ReleasePolicyTest {
  /** The estimate of the moment in the fixed cases below. */
  private static final Exposure NOW = new Exposure("LOW", 40);

  private static ReleasePolicy.ConsentFact fact(String person, int version, boolean revoked) {
    return new ReleasePolicy.ConsentFact(person, version, revoked, NOW);
  }

  private static final Determination IMMINENT_AND_SERIOUS =
      new Determination(
          "Threat to hurt a colleague tonight",
          Determination.Target.PERSON,
          true,
          true,
          "Specific, dated, credible");

  private static ReleasePolicy.Request consentRequest(
      List<String> concerns, List<ReleasePolicy.ConsentFact> consents) {
    return new ReleasePolicy.Request(
        DisclosureStatus.DRAFT,
        3,
        concerns,
        consents,
        NOW,
        Basis.CONSENT,
        Optional.empty(),
        false,
        false,
        false);
  }

  private static ReleasePolicy.Request exceptionRequest(
      Optional<Determination> d, boolean second, boolean confirmed) {
    return exceptionRequest(d, second, confirmed, false);
  }

  private static ReleasePolicy.Request exceptionRequest(
      Optional<Determination> d, boolean second, boolean confirmed, boolean publication) {
    return new ReleasePolicy.Request(
        DisclosureStatus.DRAFT,
        3,
        List.of("jane"),
        List.of(),
        NOW,
        Basis.IMMINENT_HARM,
        d,
        second,
        confirmed,
        publication);
  }

  @Test
  void consent_of_everyone_concerned_to_the_current_version_allows_release() {
    var r =
        consentRequest(
            List.of("jane", "witness"), List.of(fact("jane", 3, false), fact("witness", 3, false)));
    assertThat(ReleasePolicy.decide(r))
        .isEqualTo(new ReleasePolicy.Decision.Allowed(Basis.CONSENT));
  }

  @Test
  void a_missing_consent_is_refused_naming_the_person() {
    var r = consentRequest(List.of("jane", "witness"), List.of(fact("jane", 3, false)));
    assertThat(ReleasePolicy.decide(r))
        .isEqualTo(new ReleasePolicy.Decision.ConsentMissing(List.of("witness")));
  }

  @Test
  void a_consent_to_an_earlier_version_does_not_cover_the_edited_text() {
    var r = consentRequest(List.of("jane"), List.of(fact("jane", 2, false)));
    assertThat(ReleasePolicy.decide(r))
        .isEqualTo(new ReleasePolicy.Decision.ConsentMissing(List.of("jane")));
  }

  @Test
  void a_revoked_consent_does_not_count() {
    var r = consentRequest(List.of("jane"), List.of(fact("jane", 3, true)));
    assertThat(ReleasePolicy.decide(r))
        .isEqualTo(new ReleasePolicy.Decision.ConsentMissing(List.of("jane")));
  }

  @Test
  void a_consent_from_someone_not_concerned_does_not_count() {
    var r = consentRequest(List.of("jane"), List.of(fact("mike", 3, false)));
    assertThat(ReleasePolicy.decide(r)).isInstanceOf(ReleasePolicy.Decision.ConsentMissing.class);
  }

  @Test
  void nobody_concerned_means_nobody_could_consent() {
    assertThat(ReleasePolicy.decide(consentRequest(List.of(), List.of())))
        .isInstanceOf(ReleasePolicy.Decision.ConsentMissing.class);
  }

  @ParameterizedTest
  @EnumSource(
      value = DisclosureStatus.class,
      names = {"RELEASED", "WITHDRAWN"})
  void only_drafts_are_released(DisclosureStatus status) {
    for (Basis basis : Basis.values()) {
      var r =
          new ReleasePolicy.Request(
              status,
              1,
              List.of("jane"),
              List.of(fact("jane", 1, false)),
              NOW,
              basis,
              Optional.of(IMMINENT_AND_SERIOUS),
              false,
              true,
              false);
      assertThat(ReleasePolicy.decide(r)).isEqualTo(new ReleasePolicy.Decision.NotADraft(status));
    }
  }

  @Test
  void the_exception_needs_a_recorded_determination() {
    assertThat(ReleasePolicy.decide(exceptionRequest(Optional.empty(), false, false)))
        .isInstanceOf(ReleasePolicy.Decision.ExceptionNotMet.class);
  }

  @Test
  void a_threat_that_is_not_imminent_is_no_exception() {
    var d =
        new Determination(
            "Safety rules ignored",
            Determination.Target.PERSON,
            false,
            true,
            "Risky, but nothing is about to happen");
    assertThat(ReleasePolicy.decide(exceptionRequest(Optional.of(d), false, false)))
        .isInstanceOfSatisfying(
            ReleasePolicy.Decision.ExceptionNotMet.class,
            n -> assertThat(n.why()).contains("not imminent"));
  }

  @Test
  void harm_that_is_not_serious_is_no_exception() {
    var d =
        new Determination(
            "A stapler may be taken", Determination.Target.PROPERTY, true, false, "Minor");
    assertThat(ReleasePolicy.decide(exceptionRequest(Optional.of(d), false, false)))
        .isInstanceOfSatisfying(
            ReleasePolicy.Decision.ExceptionNotMet.class,
            n -> assertThat(n.why()).contains("not serious"));
  }

  @Test
  void an_imminent_threat_of_serious_harm_allows_release_without_consent() {
    assertThat(
            ReleasePolicy.decide(exceptionRequest(Optional.of(IMMINENT_AND_SERIOUS), false, false)))
        .isEqualTo(new ReleasePolicy.Decision.Allowed(Basis.IMMINENT_HARM));
  }

  @Test
  void when_the_office_requires_it_a_second_ombuds_must_confirm() {
    assertThat(
            ReleasePolicy.decide(exceptionRequest(Optional.of(IMMINENT_AND_SERIOUS), true, false)))
        .isInstanceOf(ReleasePolicy.Decision.ConfirmationRequired.class);
    assertThat(
            ReleasePolicy.decide(exceptionRequest(Optional.of(IMMINENT_AND_SERIOUS), true, true)))
        .isEqualTo(new ReleasePolicy.Decision.Allowed(Basis.IMMINENT_HARM));
  }

  @Test
  void a_publication_is_never_released_under_the_exception_even_when_it_is_met() {
    for (boolean second : List.of(false, true)) {
      assertThat(
              ReleasePolicy.decide(
                  exceptionRequest(Optional.of(IMMINENT_AND_SERIOUS), second, true, true)))
          .isInstanceOfSatisfying(
              ReleasePolicy.Decision.ExceptionNotMet.class,
              n -> assertThat(n.why()).contains("publication").contains("consent"));
    }
  }

  @Test
  void a_publication_is_released_with_the_consent_of_everyone_concerned() {
    var r =
        new ReleasePolicy.Request(
            DisclosureStatus.DRAFT,
            3,
            List.of("jane"),
            List.of(fact("jane", 3, false)),
            NOW,
            Basis.CONSENT,
            Optional.empty(),
            false,
            false,
            true);
    assertThat(ReleasePolicy.decide(r))
        .isEqualTo(new ReleasePolicy.Decision.Allowed(Basis.CONSENT));
  }

  @Test
  void a_determination_needs_every_field() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new Determination(" ", Determination.Target.PERSON, true, true, "r"))
        .isInstanceOf(MandateException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new Determination("t", null, true, true, "r"))
        .isInstanceOf(MandateException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new Determination("t", Determination.Target.PERSON, true, true, ""))
        .isInstanceOf(MandateException.class);
  }

  @Test
  void a_consent_given_on_a_better_estimate_is_stale_and_names_the_person() {
    var r =
        new ReleasePolicy.Request(
            DisclosureStatus.DRAFT,
            3,
            List.of("jane", "witness"),
            List.of(
                new ReleasePolicy.ConsentFact("jane", 3, false, new Exposure("LOW", 20)),
                new ReleasePolicy.ConsentFact("witness", 3, false, new Exposure("HIGH", 1))),
            new Exposure("HIGH", 1),
            Basis.CONSENT,
            Optional.empty(),
            false,
            false,
            false);
    assertThat(ReleasePolicy.decide(r))
        .isEqualTo(new ReleasePolicy.Decision.EstimateChanged(List.of("jane")));
  }

  @Test
  void a_consent_given_on_the_same_or_a_worse_estimate_still_counts() {
    for (Exposure shown : List.of(new Exposure("MEDIUM", 4), new Exposure("HIGH", 2))) {
      var r =
          new ReleasePolicy.Request(
              DisclosureStatus.DRAFT,
              1,
              List.of("jane"),
              List.of(new ReleasePolicy.ConsentFact("jane", 1, false, shown)),
              new Exposure("MEDIUM", 4),
              Basis.CONSENT,
              Optional.empty(),
              false,
              false,
              false);
      assertThat(ReleasePolicy.decide(r))
          .isEqualTo(new ReleasePolicy.Decision.Allowed(Basis.CONSENT));
    }
  }

  @Test
  void a_smaller_anonymity_set_at_the_same_level_is_worse() {
    assertThat(new Exposure("LOW", 19).isWorseThan(new Exposure("LOW", 20))).isTrue();
    assertThat(new Exposure("MEDIUM", 30).isWorseThan(new Exposure("LOW", 20))).isTrue();
    assertThat(new Exposure("LOW", 20).isWorseThan(new Exposure("LOW", 20))).isFalse();
    assertThat(new Exposure("LOW", 25).isWorseThan(new Exposure("MEDIUM", 20))).isFalse();
  }

  @Test
  void draft_content_is_a_publication_by_its_kind_never_by_its_words() {
    List<String> none = List.of();
    assertThat(DraftContent.publication("t", none).isPublication()).isTrue();
    assertThat(
            new DraftContent(DraftContent.PUBLIC, IdentityMode.ANONYMOUS, "PUBLICATION", "t", none)
                .isPublication())
        .isFalse();
    // An edit keeps the kind the draft was made with.
    assertThat(
            new DraftContent("HR", IdentityMode.ANONYMOUS, "letter", "t", none)
                .as(DraftContent.Kind.PUBLICATION)
                .isPublication())
        .isTrue();
  }

  static Stream<Long> seeds() {
    return IntStream.range(0, 500).mapToObj(i -> 0x5eedL * 31 + i);
  }

  /**
   * Whether a consent given on {@code shown} still covers the estimate {@code now}, restated: the
   * level is no higher and no fewer people fit.
   */
  private static boolean informedOf(Exposure now, Exposure shown) {
    List<String> order = List.of("LOW", "MEDIUM", "HIGH");
    return order.indexOf(now.level()) <= order.indexOf(shown.level())
        && now.anonymitySet() >= shown.anonymitySet();
  }

  /**
   * The mandate, restated independently: released only with full current consent, each given on an
   * estimate no better than the one of the moment, or a met (and confirmed) exception for anything
   * but a publication.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void allowed_exactly_when_the_mandate_says_so(long seed) {
    Random r = new Random(seed);
    DisclosureStatus status =
        List.of(DisclosureStatus.DRAFT, DisclosureStatus.RELEASED, DisclosureStatus.WITHDRAWN)
            .get(r.nextInt(3));
    int version = 1 + r.nextInt(3);
    List<String> people = List.of("a", "b", "c");
    List<String> concerns = people.subList(0, r.nextInt(4));
    List<String> levels = List.of("LOW", "MEDIUM", "HIGH");
    Exposure now = new Exposure(levels.get(r.nextInt(3)), 1 + r.nextInt(6));
    List<ReleasePolicy.ConsentFact> consents = new ArrayList<>();
    for (int i = r.nextInt(6); i > 0; i--) {
      consents.add(
          new ReleasePolicy.ConsentFact(
              people.get(r.nextInt(3)),
              1 + r.nextInt(3),
              r.nextInt(4) == 0,
              new Exposure(levels.get(r.nextInt(3)), 1 + r.nextInt(6))));
    }
    Basis basis = r.nextBoolean() ? Basis.CONSENT : Basis.IMMINENT_HARM;
    Optional<Determination> det =
        r.nextInt(5) == 0
            ? Optional.empty()
            : Optional.of(
                new Determination(
                    "t", Determination.Target.PERSON, r.nextBoolean(), r.nextBoolean(), "why"));
    boolean second = r.nextBoolean();
    boolean confirmed = r.nextBoolean();
    boolean publication = r.nextInt(3) == 0;
    var request =
        new ReleasePolicy.Request(
            status, version, concerns, consents, now, basis, det, second, confirmed, publication);

    boolean everyoneConsented =
        !concerns.isEmpty()
            && concerns.stream()
                .allMatch(
                    p ->
                        consents.stream()
                            .anyMatch(
                                c ->
                                    c.personId().equals(p)
                                        && c.version() == version
                                        && !c.revoked()
                                        && informedOf(now, c.shown())));
    boolean exceptionMet =
        !publication
            && det.isPresent()
            && det.get().imminent()
            && det.get().serious()
            && (!second || confirmed);
    boolean expected =
        status == DisclosureStatus.DRAFT
            && (basis == Basis.CONSENT ? everyoneConsented : exceptionMet);

    assertThat(ReleasePolicy.decide(request) instanceof ReleasePolicy.Decision.Allowed)
        .isEqualTo(expected);
  }
}
