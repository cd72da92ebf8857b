package org.ombuds.anonymity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The exit check's matcher: every spelling of a known name is found, ordinary words are not. */
class NameMatcherTest {
  private static final int HELENE = 0;
  private static final int MIKE = 1;
  private static final int INGRID = 2;
  private static final int WILL = 3;
  private static final int AL = 4;

  private static final NameMatcher MATCHER =
      NameMatcher.of(
          List.of(
              new NameMatcher.Known(HELENE, NameMatcher.Kind.NAME, "Hélène Dubois"),
              new NameMatcher.Known(HELENE, NameMatcher.Kind.PSEUDONYM, "Robin*"),
              new NameMatcher.Known(MIKE, NameMatcher.Kind.NAME, "Mike Stone"),
              new NameMatcher.Known(MIKE, NameMatcher.Kind.EMAIL, "m.stone@corp.example"),
              new NameMatcher.Known(MIKE, NameMatcher.Kind.PHONE, "+41 79 123 45 67"),
              new NameMatcher.Known(INGRID, NameMatcher.Kind.NAME, "Ingrid Strauß"),
              new NameMatcher.Known(WILL, NameMatcher.Kind.NAME, "Will Rose"),
              new NameMatcher.Known(AL, NameMatcher.Kind.NAME, "Al")));

  private static List<NameMatcher.Match> find(String text) {
    return MATCHER.find(text);
  }

  static Stream<Arguments> spellings() {
    return Stream.of(
        // case and accents
        Arguments.of("Hélène", HELENE, "Hélène"),
        Arguments.of("HELENE", HELENE, "HELENE"),
        Arguments.of("helene", HELENE, "helene"),
        Arguments.of("He\u0301le\u0300ne", HELENE, "He\u0301le\u0300ne"),
        Arguments.of("Ｈｅｌｅｎｅ", HELENE, "Ｈｅｌｅｎｅ"),
        Arguments.of("Hé\u200Blène", HELENE, "Hé\u200Blène"),
        Arguments.of("Strauss", INGRID, "Strauss"),
        // Unicode confusables (Cyrillic М, о, і; Greek Ι)
        Arguments.of("\u041Cike", MIKE, "\u041Cike"),
        Arguments.of("St\u043Ene", MIKE, "St\u043Ene"),
        Arguments.of("\u0406ngrid", INGRID, "\u0406ngrid"),
        Arguments.of("\u0456ngrid", INGRID, "\u0456ngrid"),
        Arguments.of("H\u0435l\u0435n\u0435", HELENE, "H\u0435l\u0435n\u0435"),
        // hyphenation and line breaks inside a word
        Arguments.of("Du-bois", HELENE, "Du-bois"),
        Arguments.of("Hél-\nène", HELENE, "Hél-\nène"),
        Arguments.of("Hél-\r\n  ène", HELENE, "Hél-\r\n  ène"),
        Arguments.of("Hél\u2010ène", HELENE, "Hél\u2010ène"),
        Arguments.of("Hé\u00ADlène", HELENE, "Hé\u00ADlène"),
        // spaced or dotted letters
        Arguments.of("M i k e", MIKE, "M i k e"),
        Arguments.of("M.i.k.e", MIKE, "M.i.k.e"),
        Arguments.of("M. I. K. E.", MIKE, "M. I. K. E"),
        Arguments.of("S_t_o_n_e", MIKE, "S_t_o_n_e"),
        // digits and symbols for letters
        Arguments.of("H3l3n3", HELENE, "H3l3n3"),
        Arguments.of("Ingr1d", INGRID, "Ingr1d"),
        Arguments.of("1ngr1d", INGRID, "1ngr1d"),
        Arguments.of("Ingr!d", INGRID, "Ingr!d"),
        Arguments.of("$t0ne", MIKE, "$t0ne"),
        Arguments.of("Dub0is", HELENE, "Dub0is"),
        Arguments.of("H€lène".replace("€", "3"), HELENE, "H3lène"),
        Arguments.of("Mike2", MIKE, "Mike2"),
        // possessives
        Arguments.of("Ingrid's", INGRID, "Ingrid"),
        Arguments.of("Ingrid’s", INGRID, "Ingrid"),
        Arguments.of("Ingrids", INGRID, "Ingrids"),
        Arguments.of("Dubois'", HELENE, "Dubois"),
        // e-mail local parts and handles
        Arguments.of("mike.stone@example.org", MIKE, "mike.stone@example.org"),
        Arguments.of("write to stone.mike@example.org", MIKE, "stone.mike@example.org"),
        Arguments.of("@mstone", MIKE, "@mstone"),
        Arguments.of("@mikestone", MIKE, "@mikestone"),
        Arguments.of("helene_d@example.org", HELENE, "helene_d@example.org"),
        Arguments.of("hdubois42@example.org", HELENE, "hdubois42@example.org"),
        Arguments.of("M.Stone@Corp.Example", MIKE, "M.Stone@Corp.Example"),
        Arguments.of("m.stone [at] corp [dot] example", MIKE, "m.stone [at] corp [dot] example"),
        // the phone number on file, in another shape
        Arguments.of("call 079 123 45 67", MIKE, "079 123 45 67"),
        // pseudonyms, full names and names written together
        Arguments.of("Robin*", HELENE, "Robin"),
        Arguments.of("Hélène Dubois", HELENE, "Hélène"),
        Arguments.of("HeleneDubois", HELENE, "HeleneDubois"),
        // ordinary-word and two-letter names, written as names
        Arguments.of("Will came.", WILL, "Will"),
        Arguments.of("we met Rose*", WILL, "Rose"),
        Arguments.of("Al said", AL, "Al"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("spellings")
  void aKnownName_isFound_inAnySpelling(String written, int owner, String excerpt) {
    String text = "In the corridor, " + written + " waited.";
    List<NameMatcher.Match> found = find(text);
    assertThat(found).as(written).anyMatch(m -> m.owner() == owner);
    NameMatcher.Match m = found.stream().filter(x -> x.owner() == owner).findFirst().orElseThrow();
    assertThat(m.excerpt()).isEqualTo(excerpt);
    assertThat(text.substring(m.start(), m.end())).isEqualTo(excerpt);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "Janet and Helena came.",
        "The announcement was made by Alice.",
        "We will talk about the rose garden.",
        "Her stones were heavy; the milestone was reached.",
        "Ingredients: flour, sugar.",
        "Doubts about the boiss.",
        "The year 2026 and 3 rooms, 4 chairs.",
        "A helpdesk call at 022 555 12 12.",
        "Mikel and Stoner are not here.",
        "Write to info@example.org or @office.",
        "H E L L O everyone, a b c.",
        "It was mixed up - badly.",
        "The dub - boisterous crowd.",
        "all is well; also algae.",
        "Marketing met on Monday.",
        "Helen and Dubai."
      })
  void ordinaryWords_doNotMatch(String text) {
    assertThat(find(text)).as(text).isEmpty();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void seededDisguises_ofEveryNameWord_areFound(long seed) {
    Random r = new Random(seed);
    String[] names = {"Hélène", "Dubois", "Mike", "Stone", "Ingrid"};
    int[] owners = {HELENE, HELENE, MIKE, MIKE, INGRID};
    int i = r.nextInt(names.length);
    String disguised = disguise(names[i], r);
    String text = "Ordinary words before. " + disguised + " and ordinary words after.";
    assertThat(find(text))
        .as("%s (seed %d)", disguised, seed)
        .anyMatch(m -> m.owner() == owners[i]);
  }

  static Stream<Long> seeds() {
    return IntStream.range(0, 200).mapToObj(i -> 7919L * i + 13);
  }

  /** One random disguise per letter class: case, accent, look-alike, digit, spacing, hyphen. */
  private static String disguise(String name, Random r) {
    List<String> out = new ArrayList<>();
    int style = r.nextInt(5);
    int hyphenAt = 2 + r.nextInt(name.length() - 3);
    for (int k = 0; k < name.length(); k++) {
      char c = name.charAt(k);
      String s = String.valueOf(r.nextBoolean() ? Character.toUpperCase(c) : c);
      if (style == 0 && r.nextInt(3) == 0) {
        s =
            switch (Character.toLowerCase(c)) {
              case 'e' -> "3";
              case 'i' -> "1";
              case 'o' -> "0";
              case 's' -> "$";
              default -> s;
            };
      } else if (style == 1 && r.nextInt(3) == 0) {
        s =
            switch (Character.toLowerCase(c)) {
              case 'e' -> "\u0435";
              case 'o' -> "\u043E";
              case 'i' -> "\u0456";
              case 'a' -> "\u0430";
              default -> s;
            };
      }
      out.add(s);
    }
    return switch (style) {
      case 2 -> String.join(r.nextBoolean() ? " " : ".", out);
      case 3 ->
          String.join("", out.subList(0, hyphenAt))
              + (r.nextBoolean() ? "-\n" : "-")
              + String.join("", out.subList(hyphenAt, out.size()));
      default -> String.join("", out);
    };
  }
}
