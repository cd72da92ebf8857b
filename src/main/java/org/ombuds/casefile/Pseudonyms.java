package org.ombuds.casefile;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Fictitious first names in the office's publication style ({@code Jane*}): the asterisk marks the
 * name as invented. A pseudonym is unique within its case and never one of the case's real names.
 */
public final class Pseudonyms {
  static final List<String> NAMES =
      List.of(
          "Jane", "Mike", "Alex", "Sam", "Robin", "Chris", "Kim", "Lee", "Pat", "Max", "Noa", "Eva",
          "Tom", "Ana", "Leo", "Mia", "Ben", "Lou", "Ada", "Ian", "Zoe", "Ray", "Ivy", "Dan",
          "Ella", "Hugo", "Iris", "Jules", "Kai", "Lena", "Marc", "Nina", "Omar", "Paula", "Quinn",
          "Rosa", "Theo", "Uma", "Vera", "Will", "Yara", "Emil", "Flora", "Gil", "Hana", "Jon");
  private static final SecureRandom RANDOM = new SecureRandom();

  private Pseudonyms() {}

  /** A pseudonym not in {@code taken} and not sounding like any of {@code realNames}. */
  public static String pick(Set<String> taken, Set<String> realNames) {
    Set<String> real =
        realNames.stream()
            .flatMap(n -> List.of(n.split("[\\s,.'-]+")).stream())
            .map(Pseudonyms::fold)
            .collect(Collectors.toSet());
    List<String> free =
        NAMES.stream()
            .filter(n -> !taken.contains(n + "*"))
            .filter(n -> !real.contains(fold(n)))
            .toList();
    if (free.isEmpty()) {
      return "Person " + (taken.size() + 1) + "*";
    }
    return free.get(RANDOM.nextInt(free.size())) + "*";
  }

  /** The folded words of a name, for comparing with pseudonyms. */
  static Set<String> tokens(String name) {
    return List.of(name.split("[\\s,.'-]+")).stream()
        .filter(t -> !t.isBlank())
        .map(Pseudonyms::fold)
        .collect(Collectors.toSet());
  }

  /** Lower case without accents, for comparing names. */
  static String fold(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT);
  }
}
