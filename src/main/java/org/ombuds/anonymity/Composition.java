package org.ombuds.anonymity;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.ombuds.anonymity.Lex.RoleClass;
import org.ombuds.anonymity.Lex.Sex;

/**
 * The unit's composition as the estimate uses it: how many women and men, how many in each role
 * class, and the other groups whose names may turn up in the text.
 *
 * <p>A gender count comes from the group named for it ("women", "female", "F", "femmes" ...). When
 * the gender dimension is recorded but has no such group, the count is what the other groups of the
 * dimension leave of the unit: a sound upper bound. A role class's count comes from a group of any
 * other dimension whose name is one of the class's words ("interns", "PhD students", "new hires");
 * if several do, the smallest. A group of 0 counts as 1: if the word does describe the source, they
 * are alone in it (or the composition is out of date).
 *
 * <p>Groups that are neither gender nor a known role class ("technician", "night" in dimension
 * "shift", "non-binary") are looked for in the text by their own name, singular or plural, and by
 * name and dimension together ("night shift"), unless the name is too general ("other", "staff").
 */
final class Composition {

  /** A group whose own name is looked for in the text. */
  record Named(Group group, boolean gender) {}

  private final OptionalInt female;
  private final OptionalInt male;
  private final Map<RoleClass, Integer> roles;
  private final PhraseIndex<Named> named;

  private Composition(
      OptionalInt female,
      OptionalInt male,
      Map<RoleClass, Integer> roles,
      PhraseIndex<Named> named) {
    this.female = female;
    this.male = male;
    this.roles = roles;
    this.named = named;
  }

  static Composition of(Context context) {
    int unit = context.unitSize();
    Integer female = null;
    Integer male = null;
    int genderTotal = 0;
    boolean genderRecorded = false;
    Map<RoleClass, Integer> roles = new EnumMap<>(RoleClass.class);
    Map<String, RoleClass> roleNames = roleNames();
    List<PhraseIndex.Entry<Named>> entries = new ArrayList<>();
    for (Group g : context.composition()) {
      String dimension = String.join(" ", Lexicon.tokens(g.dimension()));
      String name = String.join(" ", Lexicon.tokens(g.group()));
      int count = Math.max(1, g.count());
      if (Lexicon.GENDER_DIMENSIONS.contains(dimension)) {
        genderRecorded = true;
        genderTotal += g.count();
        if (Lexicon.FEMALE_GROUPS.contains(name)) {
          female = female == null ? count : Math.min(female, count);
          continue;
        }
        if (Lexicon.MALE_GROUPS.contains(name)) {
          male = male == null ? count : Math.min(male, count);
          continue;
        }
        addNamed(entries, g, name, dimension, true);
        continue;
      }
      RoleClass role = roleNames.get(name);
      if (role == null) {
        role = roleNames.get(singular(name));
      }
      if (role != null) {
        roles.merge(role, count, Math::min);
        continue;
      }
      addNamed(entries, g, name, dimension, false);
    }
    // Without its own group, a gender has at most what the dimension's other groups leave.
    int rest = Math.max(1, unit - genderTotal);
    OptionalInt f = OptionalInt.empty();
    OptionalInt m = OptionalInt.empty();
    if (genderRecorded) {
      f = OptionalInt.of(female != null ? female : rest);
      m = OptionalInt.of(male != null ? male : rest);
    }
    return new Composition(f, m, roles, new PhraseIndex<>(entries));
  }

  /** How many of the unit's members are of {@code sex}, if the composition says. */
  OptionalInt count(Sex sex) {
    return sex == Sex.FEMALE ? female : male;
  }

  /** How many of the unit's members are in {@code role}, if the composition says. */
  Optional<Integer> count(RoleClass role) {
    return Optional.ofNullable(roles.get(role));
  }

  /** The other groups, as phrases to find in the text. */
  PhraseIndex<Named> named() {
    return named;
  }

  private static Map<String, RoleClass> roleNames() {
    Map<String, RoleClass> names = new HashMap<>();
    Lexicon.ROLE_TEXT.forEach(
        (role, phrases) ->
            phrases.forEach(p -> names.put(String.join(" ", Lexicon.tokens(p)), role)));
    Lexicon.ROLE_GROUP_NAMES.forEach(
        (role, phrases) ->
            phrases.forEach(p -> names.put(String.join(" ", Lexicon.tokens(p)), role)));
    return names;
  }

  private static void addNamed(
      List<PhraseIndex.Entry<Named>> entries,
      Group g,
      String name,
      String dimension,
      boolean gender) {
    if (name.isEmpty() || Lexicon.GENERIC_GROUPS.contains(name)) {
      return;
    }
    List<String> tokens = List.of(name.split(" "));
    if (tokens.size() == 1 && tokens.get(0).length() < 3) {
      return;
    }
    Named named = new Named(g, gender);
    for (String form : List.of(name, singular(name), plural(name))) {
      entries.add(new PhraseIndex.Entry<>(List.of(form.split(" ")), named, false));
      if (!dimension.isEmpty()) {
        List<String> withDimension = new ArrayList<>(List.of(form.split(" ")));
        withDimension.addAll(List.of(dimension.split(" ")));
        entries.add(new PhraseIndex.Entry<>(withDimension, named, false));
      }
    }
  }

  /** The name with its last word in the singular: "interns" to "intern", not "class" to "clas". */
  static String singular(String name) {
    if (name.endsWith("ies") && name.length() > 4) {
      return name.substring(0, name.length() - 3) + "y";
    }
    if (name.endsWith("s") && !name.endsWith("ss") && name.length() > 3) {
      return name.substring(0, name.length() - 1);
    }
    return name;
  }

  /** The name with its last word in the plural. */
  static String plural(String name) {
    if (name.endsWith("s")) {
      return name;
    }
    if (name.endsWith("y") && name.length() > 2) {
      return name.substring(0, name.length() - 1) + "ies";
    }
    return name + "s";
  }
}
