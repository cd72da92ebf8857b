package org.ombuds.anonymity;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The case's names and pseudonyms as phrases to look for, in every spelling the estimate
 * understands.
 *
 * <p>For a name such as "Hélène Dubois-Martin" the phrases are: the whole name and every run of two
 * or more of its words ("helene dubois martin", "dubois martin"), the same runs written together
 * ("duboismartin", as in "DuboisMartin"), and each word on its own that is a name ("helene",
 * "dubois", "martin"), that is at least two letters long and not a particle ("de", "van", "al" do
 * not count alone when the name has other words). Folding makes case, accents, apostrophes and
 * hyphens irrelevant ("HELENE", "Helene", "O’Brien", "O Brien", "OBrien"); German and Nordic
 * letters are also tried spelled out ("Müller" as "Mueller", "Ångström" as "Aangstrom", "Søren" as
 * "Soeren"). A pseudonym "Jane*" is the name "Jane": any asterisk, escaped or not, or none. Phrases
 * match whole words only: "Jane" is not in "Janet". A single word that is also an ordinary word
 * ("Will", "Rose", "Max") only counts written with a capital letter or an asterisk.
 *
 * <p>Sources are indexed first, so a phrase shared by a source and another person (a common
 * surname) counts as the source's.
 */
final class Names {
  private Names() {}

  /** Which person a phrase stands for. */
  record Ref(int person, boolean pseudonym, boolean source) {}

  /** At most this many words of one name are considered. */
  private static final int MAX_TOKENS = 8;

  static PhraseIndex<Ref> index(List<Person> persons) {
    List<PhraseIndex.Entry<Ref>> entries = new ArrayList<>();
    for (boolean sources : new boolean[] {true, false}) {
      for (int i = 0; i < persons.size(); i++) {
        Person p = persons.get(i);
        if (p.source() != sources) {
          continue;
        }
        addAll(entries, p.name(), new Ref(i, false, p.source()));
        addAll(entries, p.pseudonym(), new Ref(i, true, p.source()));
      }
    }
    return new PhraseIndex<>(entries);
  }

  private static void addAll(List<PhraseIndex.Entry<Ref>> entries, String name, Ref ref) {
    if (name.isBlank()) {
      return;
    }
    Set<String> forms = new LinkedHashSet<>();
    forms.add(name);
    forms.add(spelledOut(name));
    for (String form : forms) {
      List<String> tokens = Lexicon.tokens(form);
      if (tokens.size() > MAX_TOKENS) {
        tokens = tokens.subList(0, MAX_TOKENS);
      }
      add(entries, tokens, ref);
    }
  }

  private static void add(List<PhraseIndex.Entry<Ref>> entries, List<String> tokens, Ref ref) {
    int n = tokens.size();
    long nameWords = tokens.stream().filter(t -> !Lexicon.PARTICLES.contains(t)).count();
    for (int len = n; len >= 2; len--) {
      for (int from = 0; from + len <= n; from++) {
        List<String> run = tokens.subList(from, from + len);
        if (run.stream().allMatch(Lexicon.PARTICLES::contains)) {
          continue;
        }
        boolean ordinary = run.stream().allMatch(Names::ordinaryOrParticle);
        entries.add(new PhraseIndex.Entry<>(run, ref, ordinary));
        String joined = String.join("", run);
        entries.add(new PhraseIndex.Entry<>(List.of(joined), ref, isOrdinary(joined)));
      }
    }
    for (String t : tokens) {
      if (t.length() < 2 || !hasLetter(t)) {
        continue;
      }
      if (nameWords > 0 && Lexicon.PARTICLES.contains(t)) {
        continue;
      }
      entries.add(new PhraseIndex.Entry<>(List.of(t), ref, isOrdinary(t)));
    }
  }

  private static boolean ordinaryOrParticle(String t) {
    return isOrdinary(t) || Lexicon.PARTICLES.contains(t) || t.length() < 2;
  }

  private static boolean isOrdinary(String t) {
    return Lexicon.ORDINARY_WORDS.contains(t);
  }

  private static boolean hasLetter(String t) {
    for (int i = 0; i < t.length(); i++) {
      if (Character.isLetter(t.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** "Müller" as "Mueller", "Ångström" as "Aangstroem", "Søren" as "Soeren". */
  static String spelledOut(String raw) {
    String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
    StringBuilder sb = new StringBuilder(name.length() + 4);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      switch (c) {
        case 'ä', 'Ä' -> sb.append(c == 'ä' ? "ae" : "Ae");
        case 'ö', 'Ö' -> sb.append(c == 'ö' ? "oe" : "Oe");
        case 'ü', 'Ü' -> sb.append(c == 'ü' ? "ue" : "Ue");
        case 'å', 'Å' -> sb.append(c == 'å' ? "aa" : "Aa");
        case 'ø', 'Ø' -> sb.append(c == 'ø' ? "oe" : "Oe");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
