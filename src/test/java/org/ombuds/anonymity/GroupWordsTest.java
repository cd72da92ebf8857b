package org.ombuds.anonymity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ombuds.anonymity.Estimates.estimate;
import static org.ombuds.anonymity.Estimates.excerpts;
import static org.ombuds.anonymity.Estimates.unit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Gendered words, seniority and role words, and singling-out phrases against the composition. */
class GroupWordsTest {
  private static final Context MIXED =
      unit(
          30,
          new Group("gender", "women", 4),
          new Group("gender", "men", 26),
          new Group("seniority", "junior", 2),
          new Group("seniority", "senior", 9),
          new Group("role", "interns", 1),
          new Group("role", "technician", 3),
          new Group("shift", "night", 2));
  private static final Context UNKNOWN = unit(30);

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "She feels unheard.|She|4",
        "The complaint is hers.|hers|4",
        "Her concerns were dismissed.|Her|4",
        "A woman in your group feels unheard.|woman|4",
        "A female colleague feels unheard.|female|4",
        "Ms Smith feels unheard.|Ms|4",
        "Madame X se sent ignorée.|Madame|4",
        "Elle se sent ignorée.|Elle|4",
        "He feels unheard.|He|26",
        "His concerns were dismissed.|His|26",
        "We told him.|him|26",
        "A man in your group feels unheard.|man|26",
        "A male colleague feels unheard.|male|26",
        "Monsieur X se sent ignoré.|Monsieur|26",
        "Il se sent ignoré.|Il|26"
      })
  void gendered_words_cap_the_set_at_that_genders_count(String text, String word, int count) {
    assertThat(excerpts(text, MIXED, FindingKind.GENDERED_WORD)).containsExactly(word);
    assertThat(estimate(text, MIXED).anonymitySet()).isEqualTo(count);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Herbal tea is served in the theme room.",
        "The shelf by the shed is full.",
        "Whoever raised it, he or she deserves a reply.",
        "His/her manager should reply; s/he will know.",
        "Dear Sir or Madam, please reply.",
        "Madame, Monsieur, merci de répondre.",
        "Il y a un problème. Il faut agir. Il est important de répondre.",
        "The timeout is 5 ms.",
        "Please don't miss the meeting.",
        "The manager and the chairman of the hemp committee.",
        "Her2 testing, HERA project, the Hershey account."
      })
  void words_that_contain_or_neutralise_gendered_words_are_not_gendered(String text) {
    assertThat(excerpts(text, MIXED, FindingKind.GENDERED_WORD)).as(text).isEmpty();
  }

  @Test
  void dear_sir_addresses_the_recipient_not_the_source() {
    assertThat(estimate("Dear Sir, please remind the group.", MIXED).anonymitySet()).isEqualTo(30);
  }

  @Test
  void without_a_recorded_gender_make_up_a_gendered_word_halves_the_set_and_says_why() {
    Estimate e = estimate("She feels unheard; her manager agrees.", UNKNOWN);
    assertThat(e.anonymitySet()).isEqualTo(15);
    assertThat(e.level()).isEqualTo(Level.LOW);
    assertThat(e.findings())
        .hasSize(2)
        .allSatisfy(f -> assertThat(f.reason()).contains("not recorded"));
    assertThat(e.suggestions()).anySatisfy(s -> assertThat(s).contains("“they”", "make-up"));
  }

  @Test
  void a_gender_without_its_own_group_has_at_most_what_the_other_groups_leave() {
    Context onlyWomen = unit(8, new Group("Gender", "Women", 2));
    assertThat(estimate("He feels unheard.", onlyWomen).anonymitySet()).isEqualTo(6);
    assertThat(estimate("She feels unheard.", onlyWomen).anonymitySet()).isEqualTo(2);
    Context other = unit(8, new Group("gender", "non-binary", 1), new Group("sex", "F", 3));
    assertThat(estimate("He feels unheard.", other).anonymitySet()).isEqualTo(4);
    assertThat(estimate("She feels unheard.", other).anonymitySet()).isEqualTo(3);
    assertThat(estimate("A non-binary colleague feels unheard.", other).anonymitySet())
        .isEqualTo(1);
  }

  @Test
  void both_genders_mentioned_keeps_the_smaller_group() {
    assertThat(estimate("He told her it was fine.", MIXED).anonymitySet()).isEqualTo(4);
  }

  @Test
  void a_group_of_zero_counts_as_one() {
    Context noWomen = unit(8, new Group("gender", "women", 0), new Group("gender", "men", 8));
    Estimate e = estimate("She feels unheard.", noWomen);
    assertThat(e.anonymitySet()).isEqualTo(1);
    assertThat(e.level()).isEqualTo(Level.HIGH);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "A junior colleague feels unheard.|junior|2",
        "A senior colleague feels unheard.|senior|9",
        "An intern feels unheard.|intern|1",
        "A technician feels unheard.|technician|3",
        "Two technicians feel unheard.|technicians|3",
        "Someone on the night shift feels unheard.|night shift|2"
      })
  void role_and_group_words_cap_the_set_at_that_groups_count(String text, String word, int count) {
    assertThat(excerpts(text, MIXED, FindingKind.SENIORITY_WORD)).containsExactly(word);
    assertThat(estimate(text, MIXED).anonymitySet()).isEqualTo(count);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "A junior colleague feels unheard.|junior",
        "A trainee feels unheard.|trainee",
        "A new hire feels unheard.|new hire",
        "A PhD student feels unheard.|PhD student",
        "A part-time colleague feels unheard.|part-time",
        "Un stagiaire se sent ignoré.|stagiaire"
      })
  void without_a_matching_group_a_role_word_halves_the_set(String text, String word) {
    assertThat(excerpts(text, UNKNOWN, FindingKind.SENIORITY_WORD)).containsExactly(word);
    assertThat(estimate(text, UNKNOWN).anonymitySet()).isEqualTo(15);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Please tell the senior group leader.",
        "Senior management is aware.",
        "The seniority rules apply to everyone.",
        "Our internal process and the international team.",
        "Other colleagues and the staff agree.",
        "The nightly backup ran."
      })
  void titles_and_similar_words_are_not_roles(String text) {
    assertThat(excerpts(text, MIXED, FindingKind.SENIORITY_WORD)).as(text).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "She is the only woman in the lab.|the only|1",
        "He is the only female engineer's colleague.|the only|1",
        "The most senior engineer raised it.|The most senior|1",
        "The youngest raised it.|The youngest|1",
        "The oldest member raised it.|The oldest|1",
        "The one who reported the leak is worried.|The one who|1",
        "The person who complained is worried.|The person who|1",
        "The last person to leave saw it.|The last person to|1",
        "The new colleague raised it.|The new|2",
        "The colleague who sits next to the door raised it.|sits next to|2",
        "It happened in her office.|her office|2",
        "It happened at desk 14.|desk 14|2",
        "A colleague aged 54 raised it.|aged 54|2",
        "La personne qui s'est plainte a peur.|La personne qui|1",
        "A colleague on sick leave raised it.|sick leave|5"
      })
  void singling_out_phrases_cap_the_set(String text, String phrase, int cap) {
    assertThat(excerpts(text, UNKNOWN, FindingKind.SINGLING_OUT)).contains(phrase);
    assertThat(estimate(text, UNKNOWN).anonymitySet()).isLessThanOrEqualTo(cap);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "The only way forward is a reminder.",
        "The new rules apply from today on.",
        "The one thing to fix is the rota.",
        "The last time the rules were read out was long ago.",
        "Colleagues use Office 365.",
        "The oldest machine needs replacing.",
        "The first step is a reminder."
      })
  void phrases_about_things_do_not_single_out(String text) {
    assertThat(excerpts(text, UNKNOWN, FindingKind.SINGLING_OUT)).as(text).isEmpty();
  }
}
