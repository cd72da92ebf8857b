package org.ombuds.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SuppressionTest {
  private static final int YEAR = 2025;

  static Stream<Arguments> dataSets() {
    // many seeded data sets: small offices (many small cells) to larger ones, thresholds 2 to 10
    return IntStream.range(0, 120)
        .mapToObj(
            i ->
                Arguments.of(
                    (long) i * 7919 + 11, 3 + (i * 37) % 160, new int[] {2, 3, 5, 5, 10}[i % 5]));
  }

  private static Figures figures(long seed, int n) {
    return Figures.of(YEAR, Synthetic.records(seed, n, List.of(YEAR)), Synthetic.AXES);
  }

  @ParameterizedTest(name = "seed {0}, {1} records, threshold {2}")
  @MethodSource("dataSets")
  void noSuppressedCell_canBeWorkedOutFromWhatIsPublished(long seed, int n, int threshold) {
    Figures f = figures(seed, n);
    PublishedYear p = Suppression.suppress(f, threshold, true);

    // nothing beyond what the labels alone tell (see Attacker.narrowed): with the threshold 2, a
    // category of 2 or more made of two "<2" sub-categories has 1 in each, whatever is published
    assertThat(Attacker.narrowed(p)).as("cells an attacker narrows").isEmpty();
    // and the attacker is sound: the true value always lies within what it deduces
    Map<String, long[]> bounds = new Attacker(p).attack();
    f.cells()
        .forEach(
            (cell, v) ->
                assertThat(v).as(cell).isBetween(bounds.get(cell)[0], bounds.get(cell)[1]));
  }

  @ParameterizedTest(name = "seed {0}, {1} records, threshold {2}")
  @MethodSource("dataSets")
  void everySmallCount_isHidden_andEveryShownCount_isTrue(long seed, int n, int threshold) {
    Figures f = figures(seed, n);
    PublishedYear p = Suppression.suppress(f, threshold, true);
    f.cells()
        .forEach(
            (cell, v) -> {
              switch (p.cell(cell)) {
                case PublishedYear.Shown s -> {
                  assertThat(s.count()).as(cell).isEqualTo(v);
                  assertThat(v)
                      .as(cell + " shown although small")
                      .isGreaterThanOrEqualTo(threshold);
                }
                case PublishedYear.Suppressed s when s.why() == PublishedYear.Hidden.PRIMARY ->
                    assertThat(v).as(cell).isBetween(0L, threshold - 1L);
                case PublishedYear.Suppressed s -> assertThat(v).as(cell).isNotNegative();
              }
            });
  }

  @ParameterizedTest(name = "seed {0}, {1} records, threshold {2}")
  @MethodSource("dataSets")
  void derivedFigures_comeOnlyFromShownCells(long seed, int n, int threshold) {
    PublishedYear p = Suppression.suppress(figures(seed, n), threshold, true);
    boolean visitors = p.shown("visitors").isPresent();
    assertThat(p.issuesPerVisitor().isPresent())
        .isEqualTo(visitors && p.shown("issues").isPresent() && p.shown("visitors").get() > 0);
    assertThat(p.shareOfPersonnel(1000).isPresent()).isEqualTo(visitors);
    for (String g : Synthetic.AXES.genders()) {
      assertThat(p.genderAdjusted(g, 40).isPresent())
          .isEqualTo(
              visitors && p.shown("gender." + g).isPresent() && p.shown("visitors").get() > 0);
    }
    assertThat(p.contacts().isPresent()).isEqualTo(p.shown("cases").isPresent());
    assertThat(p.minutesPerCase().isPresent())
        .isEqualTo(p.shown("cases").isPresent() && p.shown("cases").get() > 0);
  }

  @Test
  void withoutSecondarySuppression_theAttackRecoversACell() {
    // 3 staff and 5 of every other contract type: the total less the shown rows gives the 3 staff
    List<StatisticalRecord> records = new java.util.ArrayList<>();
    List<String> types = new java.util.ArrayList<>(Synthetic.AXES.contractTypes());
    types.add("");
    for (String type : types) {
      for (int i = 0; i < (type.equals("STAFF") ? 3 : 5); i++) {
        records.add(
            new StatisticalRecord(
                YEAR,
                List.of("2b"),
                List.of(new StatisticalRecord.Visitor(type, "WOMAN", "UNDER_25")),
                1,
                30,
                List.of(),
                "RESOLVED"));
      }
    }
    Figures f = Figures.of(YEAR, records, Synthetic.AXES);

    assertThat(Attacker.recovered(Suppression.suppress(f, 5, false))).contains("contract.STAFF");
    assertThat(Attacker.recovered(Suppression.suppress(f, 5, true))).isEmpty();
  }

  @Test
  void withoutSecondarySuppression_theAttackRecoversCellsInManyRandomSets() {
    long broken =
        dataSets()
            .map(Arguments::get)
            .filter(
                a ->
                    !Attacker.recovered(
                            Suppression.suppress(
                                figures((long) a[0], (int) a[1]), (int) a[2], false))
                        .isEmpty())
            .count();
    assertThat(broken).as("data sets where primary suppression alone leaks").isGreaterThan(30);
  }

  @Test
  void suppression_isTheSameForAYearInItsOwnReportAndAsAComparisonYear() {
    List<StatisticalRecord> records = Synthetic.records(99, 200, List.of(2023, 2024, YEAR));
    ReportSettings s = ReportSettings.DEFAULTS;
    PublishedReport own =
        Suppression.publish(2024, List.of(Figures.of(2024, records, Synthetic.AXES)), s);
    PublishedReport later =
        Suppression.publish(
            YEAR,
            List.of(
                Figures.of(YEAR, records, Synthetic.AXES),
                Figures.of(2024, records, Synthetic.AXES),
                Figures.of(2023, records, Synthetic.AXES)),
            s);
    assertThat(later.comparison()).extracting(PublishedYear::year).containsExactly(2023, 2024);
    assertThat(later.comparison().get(1).cells()).isEqualTo(own.current().cells());
  }

  @Test
  void anEmptyYear_givesAnEmptyReport() {
    PublishedReport r =
        Suppression.publish(
            YEAR, List.of(Figures.of(YEAR, List.of(), Synthetic.AXES)), ReportSettings.DEFAULTS);
    assertThat(r.empty()).isTrue();
    assertThat(r.current().shown("visitors")).isEmpty();
    PublishedReport full =
        Suppression.publish(YEAR, List.of(figures(3, 40)), ReportSettings.DEFAULTS);
    assertThat(full.empty()).isFalse();
  }

  @Test
  void aThresholdBelowTwo_isRefused() {
    assertThatThrownBy(() -> ReportSettings.DEFAULTS.withThreshold(1))
        .isInstanceOf(ReportException.class)
        .hasMessageContaining("threshold");
    assertThatThrownBy(() -> ReportSettings.DEFAULTS.withThreshold(0))
        .isInstanceOf(ReportException.class);
    assertThat(ReportSettings.DEFAULTS.withThreshold(2).threshold()).isEqualTo(2);
    assertThat(ReportSettings.DEFAULTS.threshold()).isEqualTo(5);
  }

  @Test
  void settings_roundTripThroughTheirEncoding() {
    ReportSettings s =
        ReportSettings.DEFAULTS
            .withThreshold(7)
            .withYear(
                YEAR,
                new YearInputs(
                    1200,
                    Map.of("WOMAN", 48, "MAN", 50),
                    "Assessment, with commas = and\nnew lines",
                    "",
                    "Recommendation «1»"))
            .withYear(2024, new YearInputs(1100, Map.of(), "", "obs", ""));
    assertThat(ReportSettings.decode(s.encode())).isEqualTo(s);
  }

  @Test
  void badInputs_areRefused() {
    assertThatThrownBy(() -> new YearInputs(-1, Map.of(), "", "", ""))
        .isInstanceOf(ReportException.class);
    assertThatThrownBy(() -> new YearInputs(10, Map.of("WOMAN", 70, "MAN", 40), "", "", ""))
        .isInstanceOf(ReportException.class);
    assertThatThrownBy(() -> ReportSettings.checkYear(20250)).isInstanceOf(ReportException.class);
  }
}
