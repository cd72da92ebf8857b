package org.ombuds.stories;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The details a published story can give away that a message to one recipient cannot: the recipient
 * of a disclosure already knows the unit and the site, the readers of a publication do not. Places
 * (a building, a room, "in Meyrin"), units (the case's work unit in any spelling, unit codes such
 * as "BE-OP", "the Cryogenics Group") and proper names that are not the story's fictitious ones
 * ("John Smith", "Mr Dupont", "told Pierre").
 *
 * <p>These live here rather than in the anonymity estimate because they only matter once the
 * audience is the whole organization; the estimate's own detectors (case names, dates, singling
 * out, gendered and seniority words) run unchanged beside them. The patterns are linear (no nested
 * quantifiers) and err towards flagging: a false alarm costs the Ombuds a glance.
 */
final class StoryDetectors {
  /** A detail found in a story. */
  record Detail(String kind, int start, int end, String reason) {}

  static final String PLACE = "PLACE";
  static final String UNIT = "UNIT";
  static final String NAME = "NAME";

  private static final String CAP = "\\p{Lu}[\\p{L}'’-]*";

  private static final Pattern PLACE_NOUN =
      Pattern.compile(
          "(?i:\\b(?:building|bldg\\.?|b[aâ]timent|b[aâ]t\\.|room|salle|bureau|office|floor|[eé]tage|site|hall|wing|aile|gate|barrack|lab(?:oratory)?|laboratoire)\\s+)"
              + "(?:\\p{Lu}|\\d)[\\p{L}\\d/-]*");
  private static final Pattern PLACE_AFTER_PREPOSITION =
      Pattern.compile(
          "(?:\\b(?:in|at|from|near|à|au|en)\\s+|\\bprès de\\s+)(" + CAP + "(?:[ -]" + CAP + ")*)");
  private static final Pattern UNIT_CODE =
      Pattern.compile("\\b\\p{Lu}{2,6}(?:-[\\p{Lu}\\d]{1,6})+\\b");
  private static final Pattern UNIT_NOUN_BEFORE =
      Pattern.compile(
          "(?i:\\b(?:group|section|department|division|unit|team|service|groupe|d[eé]partement|[eé]quipe)\\s+)"
              + "(?:\\p{Lu}|\\d)[\\p{L}\\d-]*");
  private static final Pattern UNIT_NOUN_AFTER =
      Pattern.compile(
          "\\b(?:" + CAP + "\\s+){1,3}(?:Group|Section|Department|Division|Unit|Team|Service)\\b");
  private static final Pattern TITLED_NAME =
      Pattern.compile(
          "\\b(?:Mr|Mrs|Ms|Dr|Prof|Mme|Mlle|Madame|Monsieur|M)\\.?\\s+(" + CAP + ")(?!\\*)");
  private static final Pattern CAPITALIZED = Pattern.compile(CAP + "(?: " + CAP + ")*");

  /** Capitalized words that are not names: the series' own vocabulary and common sentence words. */
  private static final Set<String> NOT_NAMES =
      Set.of(
          "ombuds",
          "organization",
          "organisation",
          "office",
          "bulletin",
          "i",
          "the",
          "a",
          "an",
          "he",
          "she",
          "they",
          "it",
          "we",
          "you",
          "his",
          "her",
          "their",
          "this",
          "that",
          "these",
          "those",
          "there",
          "in",
          "on",
          "at",
          "when",
          "what",
          "how",
          "why",
          "if",
          "however",
          "confidentiality",
          "contact",
          "names",
          "note",
          "please",
          "le",
          "la",
          "les",
          "un",
          "une",
          "il",
          "elle",
          "ils",
          "elles",
          "nous",
          "vous",
          "ce",
          "cette",
          "en",
          "au",
          "à",
          "dans",
          "quand",
          "si",
          "mediateur",
          "mediatrice",
          "médiateur",
          "médiatrice",
          "english",
          "french",
          "mandate",
          "corner",
          "story",
          "ombudsman",
          "monday",
          "tuesday",
          "wednesday",
          "thursday",
          "friday",
          "saturday",
          "sunday",
          "january",
          "february",
          "march",
          "april",
          "may",
          "june",
          "july",
          "august",
          "september",
          "october",
          "november",
          "december",
          "lundi",
          "mardi",
          "mercredi",
          "jeudi",
          "vendredi",
          "samedi",
          "dimanche");

  private StoryDetectors() {}

  /**
   * The places, units and unexpected proper names in {@code text}.
   *
   * @param unitName the case's work unit ("" for a story without a case), found in any case and
   *     with or without accents
   */
  static List<Detail> find(String text, String unitName) {
    List<Detail> out = new ArrayList<>();
    boolean[] taken = new boolean[text.length() + 1];
    Set<String> fictitious = fictitiousNames(text);
    if (!unitName.isBlank()) {
      String folded = fold(text);
      String unit = fold(unitName.strip());
      for (int i = folded.indexOf(unit); i >= 0; i = folded.indexOf(unit, i + 1)) {
        add(
            out,
            taken,
            UNIT,
            i,
            i + unit.length(),
            "This is the name of the case's unit: readers who know the unit can look for the person inside it.");
      }
    }
    addAll(
        out,
        taken,
        UNIT_CODE.matcher(text),
        0,
        UNIT,
        "A unit's code points readers at a handful of people.");
    addAll(
        out,
        taken,
        UNIT_NOUN_AFTER.matcher(text),
        0,
        UNIT,
        "A unit's name points readers at a handful of people.");
    addAll(
        out,
        taken,
        UNIT_NOUN_BEFORE.matcher(text),
        0,
        UNIT,
        "A unit's name points readers at a handful of people.");
    addAll(
        out,
        taken,
        PLACE_NOUN.matcher(text),
        0,
        PLACE,
        "A building, room or site tells readers where the people of the story work.");
    Matcher m = PLACE_AFTER_PREPOSITION.matcher(text);
    while (m.find()) {
      if (!fictitious.contains(fold(m.group(1)))
          && !isNotName(m.group(1))
          && !starred(text, m.end(1))) {
        add(
            out,
            taken,
            PLACE,
            m.start(1),
            m.end(1),
            "A named place tells readers where the people of the story work.");
      }
    }
    addAll(
        out,
        taken,
        TITLED_NAME.matcher(text),
        1,
        NAME,
        "This looks like a real person's name: use a fictitious first name with an asterisk (Jane*).");
    Matcher c = CAPITALIZED.matcher(text);
    while (c.find()) {
      String word = c.group();
      int s = c.start();
      int e = c.end();
      if (sentenceStart(text, s)) {
        // The first word of a sentence is capitalized anyway: judge only what follows it.
        int space = word.indexOf(' ');
        if (space < 0) {
          continue;
        }
        s += space + 1;
      }
      while (e > s
          && (text.charAt(e - 1) == '\''
              || text.charAt(e - 1) == '’'
              || text.charAt(e - 1) == '-')) {
        e--;
      }
      String w = text.substring(s, e);
      if (w.length() < 2
          || starred(text, e)
          || isNotName(w)
          || fictitious.contains(fold(w))
          || w.equals(w.toUpperCase(Locale.ROOT))) {
        continue;
      }
      if (word.endsWith("’s") || word.endsWith("'s")) {
        String base = w.substring(0, w.length() - 2);
        if (fictitious.contains(fold(base))) {
          continue;
        }
      }
      add(
          out,
          taken,
          NAME,
          s,
          e,
          "This capitalized word may be a real person's name: use a fictitious first name with an asterisk (Jane*).");
    }
    return out;
  }

  /** The story's own fictitious names: every word written with the asterisk ("Jane*"). */
  static Set<String> fictitiousNames(String text) {
    Set<String> out = new HashSet<>();
    Matcher m = Pattern.compile("(" + CAP + ")\\s?\\*").matcher(text);
    while (m.find()) {
      out.add(fold(m.group(1)));
    }
    return out;
  }

  private static boolean starred(String text, int end) {
    return end < text.length() && text.charAt(end) == '*';
  }

  private static boolean isNotName(String phrase) {
    for (String w : phrase.split("[\\s-]+")) {
      String f = fold(w).replaceAll("['’]s$", "");
      if (!NOT_NAMES.contains(f)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the word at {@code start} begins a sentence, a line or a quotation. */
  private static boolean sentenceStart(String text, int start) {
    int i = start - 1;
    while (i >= 0
        && (text.charAt(i) == ' '
            || text.charAt(i) == '\t'
            || "\"“«(".indexOf(text.charAt(i)) >= 0)) {
      i--;
    }
    return i < 0 || ".!?:\n\r".indexOf(text.charAt(i)) >= 0;
  }

  private static void addAll(
      List<Detail> out, boolean[] taken, Matcher m, int group, String kind, String reason) {
    while (m.find()) {
      add(out, taken, kind, m.start(group), m.end(group), reason);
    }
  }

  private static void add(
      List<Detail> out, boolean[] taken, String kind, int s, int e, String reason) {
    for (int i = s; i < e; i++) {
      if (taken[i]) {
        return;
      }
    }
    for (int i = s; i < e; i++) {
      taken[i] = true;
    }
    out.add(new Detail(kind, s, e, reason));
  }

  /** Lower case without accents, one char per char of the input (offsets stay valid). */
  static String fold(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      String d = Normalizer.normalize(String.valueOf(s.charAt(i)), Normalizer.Form.NFD);
      char c = d.isEmpty() ? s.charAt(i) : d.charAt(0);
      b.append(Character.toLowerCase(c));
    }
    return b.toString();
  }
}
