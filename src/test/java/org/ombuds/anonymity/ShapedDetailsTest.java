package org.ombuds.anonymity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombuds.anonymity.Estimates.estimate;
import static org.ombuds.anonymity.Estimates.excerpts;
import static org.ombuds.anonymity.Estimates.unit;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** E-mail addresses, phone numbers, identity numbers, dates and times: found, and not imagined. */
class ShapedDetailsTest {
  private static final Context UNIT = unit(60);

  private static void identifies(String text, FindingKind kind, String excerpt) {
    Estimate e = estimate(text, UNIT);
    assertThat(e.anonymitySet()).as(text).isEqualTo(1);
    assertThat(e.level()).isEqualTo(Level.HIGH);
    assertThat(excerpts(text, UNIT, kind)).as(text).containsExactly(excerpt);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Write to jane.doe@example.org for details.|jane.doe@example.org",
        "Write to JANE.DOE@EXAMPLE.ORG.|JANE.DOE@EXAMPLE.ORG",
        "Mail j_doe+ombuds@mail.uni-x.ac.uk today|j_doe+ombuds@mail.uni-x.ac.uk",
        "Mail jane [at] example [dot] org now|jane [at] example [dot] org",
        "Mail jane(at)example.org now|jane(at)example.org",
        "Mail jane at example dot org now|jane at example dot org",
        "She is @janedoe on the chat.|@janedoe"
      })
  void email_addresses_and_handles_identify(String text, String excerpt) {
    identifies(text, FindingKind.EMAIL, excerpt);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Meet @ 5 in the hall.",
        "Look at the example and the dot on the map.",
        "The ratio is 3 @ 4.",
        "Use the shared inbox address."
      })
  void at_signs_and_the_word_at_are_not_addresses(String text) {
    assertThat(excerpts(text, UNIT, FindingKind.EMAIL)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Call +41 22 123 45 67 please.|+41 22 123 45 67",
        "Call +1 (555) 123-4567 please.|+1 (555) 123-4567",
        "Call 0041 22 123 45 67 please.|0041 22 123 45 67",
        "Call +44 20 7946 0958.|+44 20 7946 0958",
        "Call 022 123 45 67 please.|022 123 45 67",
        "Call 079.123.45.67 please.|079.123.45.67",
        "Call 01 23 45 67 89 please.|01 23 45 67 89",
        "Call 020 7946 0958.|020 7946 0958",
        "Call (555) 123-4567.|(555) 123-4567",
        "Call 555-123-4567.|555-123-4567",
        "Call 555-1234.|555-1234",
        "Call 123 45 67.|123 45 67",
        "Reach her on ext. 4321.|ext. 4321",
        "Phone: 4321 is hers.|Phone: 4321",
        "Tel +41223456789.|Tel +41223456789"
      })
  void phone_numbers_identify(String text, String excerpt) {
    identifies(text, FindingKind.PHONE, excerpt);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The budget is 1 000 000 francs.",
        "The plan covers 2024-2025 and 2026.",
        "Version 10.2.3 fixed it.",
        "We tested 3 500 samples at 21.5 degrees.",
        "The 2026 budget is approved.",
        "Page 12, lines 3-45.",
        "Cell 123 of the sheet is wrong.",
        "Order 12345678 arrived."
      })
  void other_numbers_are_not_phones(String text) {
    assertThat(excerpts(text, UNIT, FindingKind.PHONE)).isEmpty();
    assertThat(excerpts(text, UNIT, FindingKind.ID_NUMBER)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Her badge 40213 was used.|badge 40213",
        "Badge #40213 was used.|Badge #40213",
        "Badge no. 40213 was used.|Badge no. 40213",
        "Employee no. 12-345 complained.|Employee no. 12-345",
        "Employee number 12345 complained.|Employee number 12345",
        "Staff ID: AB-40213 complained.|Staff ID: AB-40213",
        "ID 99881 complained.|ID 99881",
        "I.D. 99881 complained.|I.D. 99881",
        "Matricule 123456 s'est plaint.|Matricule 123456",
        "SSN 123-45-6789 on file.|SSN 123-45-6789",
        "AVS 756.1234.5678.97 on file.|AVS 756.1234.5678.97",
        "Paid to CH93 0076 2011 6238 5295 7.|CH93 0076 2011 6238 5295 7",
        "Passport no. X1234567 seen.|Passport no. X1234567"
      })
  void identity_numbers_identify(String text, String excerpt) {
    identifies(text, FindingKind.ID_NUMBER, excerpt);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The employee 2026 survey is out.",
        "ID 12 is too short to be a badge.",
        "The student 2025 cohort met.",
        "Our staff of 120 is large.",
        "Idea 12345 was adopted."
      })
  void numbers_near_staff_words_are_not_always_identity_numbers(String text) {
    assertThat(excerpts(text, UNIT, FindingKind.ID_NUMBER)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "It happened on 2026-03-02 in the lab.|2026-03-02",
        "It happened on 2 March in the lab.|2 March",
        "It happened on the 2nd of March 2026.|the 2nd of March 2026",
        "It happened on March 2nd in the lab.|March 2nd",
        "It happened on March 2, 2026 in the lab.|March 2, 2026",
        "It happened on 02/03/2026 in the lab.|02/03/2026",
        "It happened on 2.3.26 in the lab.|2.3.26",
        "It happened on May 5 in the lab.|May 5",
        "It happened on 1er mars au labo.|1er mars",
        "It happened on the 2nd, in the lab.|on the 2nd",
        "It happened last Tuesday in the lab.|last Tuesday",
        "It happened on Tuesday in the lab.|on Tuesday",
        "It happened yesterday in the lab.|yesterday",
        "It happened this morning in the lab.|this morning",
        "It happened at 9:30 in the lab.|9:30",
        "It happened at 14h30 in the lab.|14h30",
        "It happened at 9am in the lab.|9am",
        "It happened at 9 p.m. in the lab.|9 p.m.",
        "It happened at 9 o'clock in the lab.|at 9 o'clock",
        "It happened at noon in the lab.|noon"
      })
  void dates_and_times_are_found(String text, String excerpt) {
    assertThat(excerpts(text, UNIT, FindingKind.DATE)).as(text).containsExactly(excerpt);
    assertThat(estimate(text, UNIT).anonymitySet()).isEqualTo(30);
  }

  @Test
  void yesterday_at_9_is_a_day_and_a_time_and_halves_twice() {
    String text = "It happened yesterday at 9.";
    assertThat(excerpts(text, UNIT, FindingKind.DATE)).containsExactly("yesterday", "at 9");
    assertThat(estimate(text, UNIT).anonymitySet()).isEqualTo(15);
  }

  @Test
  void parts_of_one_date_count_once_and_the_same_date_twice_counts_once() {
    String text = "On Tuesday, 2 March we met; 2 March was busy.";
    assertThat(excerpts(text, UNIT, FindingKind.DATE))
        .containsExactly("On Tuesday, 2 March", "2 March");
    assertThat(estimate(text, UNIT).anonymitySet()).isEqualTo(15);
  }

  @Test
  void three_different_dates_halve_three_times() {
    String text = "It happened on 2 March, 9 March and 16 March.";
    assertThat(estimate(text, UNIT).anonymitySet()).isEqualTo(8);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The 2026 budget is approved.",
        "It happened in March.",
        "It happened in March 2026.",
        "It may help to talk.",
        "The 5 may attend.",
        "Version 2.1 is out.",
        "We meet on Mondays.",
        "Growth was at 9% last year.",
        "Look at 3 options.",
        "A ratio of 1:1 is fair.",
        "I am sure.",
        "They sat at 10 tables.",
        "It was recently raised."
      })
  void years_months_and_other_numbers_are_not_dates(String text) {
    assertThat(excerpts(text, UNIT, FindingKind.DATE)).as(text).isEmpty();
  }

  @Test
  void offsets_and_excerpts_match_the_original_text() {
    String text = "Straße: ﬁne, Hélène wrote to hélène.d@exämple.org on 2 März? No: 2 mars.";
    Estimate e = estimate(text, unit(60, List.of(new Person("Hélène", "", true))));
    assertThat(e.findings()).isNotEmpty();
    for (Finding f : e.findings()) {
      assertThat(text.substring(f.start(), f.end())).isEqualTo(f.excerpt());
    }
    assertThat(e.findings()).extracting(Finding::excerpt).contains("Hélène", "2 mars");
  }
}
