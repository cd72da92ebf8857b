package org.ombuds.anonymity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import org.ombuds.anonymity.Hit.Basis;
import org.ombuds.anonymity.Hit.Caps;
import org.ombuds.anonymity.Hit.Dated;
import org.ombuds.anonymity.Hit.Halves;
import org.ombuds.anonymity.Hit.Identifies;
import org.ombuds.anonymity.Hit.RulesOut;
import org.ombuds.anonymity.Lex.DateWord;
import org.ombuds.anonymity.Lex.Gendered;
import org.ombuds.anonymity.Lex.Ignore;
import org.ombuds.anonymity.Lex.Role;
import org.ombuds.anonymity.Lex.RoleClass;
import org.ombuds.anonymity.Lex.Sex;
import org.ombuds.anonymity.Lex.Singling;
import org.ombuds.anonymity.Lex.SinglingKind;

/**
 * Estimates how easily the recipient of an "anonymous" message could guess who its source is.
 * Stateless and thread-safe; every pattern and word list is built once per JVM.
 *
 * <h2>The anonymity set</h2>
 *
 * How many members of the work unit fit what the text and its context reveal. It starts at the
 * unit's size and is narrowed, in this order:
 *
 * <ol>
 *   <li><b>Other people named</b> (names and pseudonyms of persons who are not sources, such as the
 *       other party): each distinct person named is ruled out as the source, so the set loses one
 *       per person (the cautious assumption that they belong to the unit). They are reported, since
 *       the recipient learns who the matter is about, but they do not identify the source.
 *   <li><b>Groups</b>: a gendered word caps the set at the unit's count of that gender; a role or
 *       seniority word ("junior", "intern", "new hire") or a recorded group's own name ("night
 *       shift") at that group's count (see {@link Composition}). When both genders are mentioned
 *       the estimate cannot tell whom each word describes, so it keeps the smaller group: the worst
 *       case. Singling-out phrases cap it at 1 ("the only ...", "the youngest", "the person who
 *       ...", "the last person to ..."), at 2 ("the new ...", "her office", "sits next to", an
 *       exact age, a desk number) or at 5 (leave and health: "sick leave", "pregnant", which a
 *       manager can match to the few people concerned).
 *   <li><b>Halvings</b>: a gendered or role word whose group size is not recorded halves the set
 *       (the neutral guess for an unknown split; the reason asks to record it), once per group.
 *       Each distinct date or time halves it too: the recipient may know who was present then, and
 *       half the unit is the estimate's assumption for who was there on a given day (part-time
 *       work, shifts, leave, travel) and half of those at a given hour. Adjacent parts of one date
 *       ("Tuesday, 2 March") count once; "yesterday at 9" is a day and a time. Halvings round up.
 *   <li><b>Direct identifiers</b>: a source's name, first name, surname or pseudonym in any
 *       spelling (see {@link Names}), an e-mail address or handle, a phone number, a badge, staff,
 *       identity or bank account number: the set is 1. Contact details and numbers count whoever
 *       they belong to: the estimate cannot tell, and they are never needed in such a message.
 * </ol>
 *
 * The set never goes below 1 nor above the unit's size. Pronouns are not resolved: every gendered
 * word is assumed to describe the source, which overestimates the risk when it describes someone
 * else ("Mike ... he"); the suggestion to write "they" is right either way.
 *
 * <h2>The level</h2>
 *
 * From the set with the {@link Thresholds}: HIGH at or below {@code highWhenSetAtMost}, MEDIUM at
 * or below {@code mediumWhenSetAtMost}, else LOW. Then raised: a unit of 2 or fewer is always HIGH;
 * a small unit, earlier messages to the same recipient about the unit, or a release soon after the
 * source's contact each make it at least MEDIUM and add a finding about the context. In the
 * reference story's unit of 8, "Please remind the whole group of the safety rules in operations."
 * is therefore MEDIUM, and only because the unit is small.
 *
 * <h2>Security guarantees and limits</h2>
 *
 * The estimate errs towards caution: when unsure whether a detail describes the source, it assumes
 * it does. It does not call the source safe; it tells how much the text and context reveal by the
 * rules above. Not covered: writing style and verbatim quotes, nicknames (Bob for Robert), initials
 * ("J.S."), deliberate misspellings, scripts without spaces between words, nationality, language or
 * religion unless recorded as a group of the composition. Reasons never repeat stored names: they
 * quote only the text.
 *
 * <h2>Performance</h2>
 *
 * Linear in the text: one folding pass, one tokenization, one hash lookup per token for each word
 * list and for the case's names, and a fixed set of precompiled patterns without catastrophic
 * backtracking. A 1,000-word draft takes well under a millisecond (see {@code
 * AnonymityEstimateBenchmark}).
 */
public final class AnonymityEstimator {

  private static final Pattern DATE_JOINER = Pattern.compile("[ ,]*(?:(?:the|on|of|le)[ ,]+)?");

  public AnonymityEstimator() {}

  /** {@link #estimate(String, Context, Thresholds)} with {@link Thresholds#DEFAULTS}. */
  public Estimate estimate(String text, Context context) {
    return estimate(text, context, Thresholds.DEFAULTS);
  }

  /**
   * Estimates how easily the recipient of {@code text} could guess its source.
   *
   * @param text the draft exactly as it would be sent
   * @param context the case's people, the unit, and the message's history and timing
   * @param thresholds the office's thresholds
   * @return the level, the anonymity set, the findings sorted by position and the suggestions
   */
  public Estimate estimate(String text, Context context, Thresholds thresholds) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(thresholds, "thresholds");
    Folded f = Folded.of(text);
    Composition composition = Composition.of(context);
    List<Hit> hits = new ArrayList<>();
    boolean[] taken = new boolean[f.length() + 1];

    for (Detectors.Detected d : Detectors.find(f)) {
      hits.add(shaped(f, d));
      mark(taken, d.start(), d.end());
    }
    for (PhraseIndex.Match<Names.Ref> m : Names.index(context.persons()).scan(f)) {
      int s = f.tokenStart(m.first());
      int e = f.tokenEnd(m.last());
      if (!isFree(taken, s, e)) {
        continue;
      }
      hits.add(name(f, s, e, m.payload()));
      mark(taken, s, e);
    }
    for (PhraseIndex.Match<Composition.Named> m : composition.named().scan(f)) {
      int s = f.tokenStart(m.first());
      int e = f.tokenEnd(m.last());
      if (!isFree(taken, s, e)) {
        continue;
      }
      hits.add(group(f, s, e, m.payload()));
      mark(taken, s, e);
    }
    for (PhraseIndex.Match<Lex> m : Lexicon.GENDER.scan(f)) {
      int s = f.tokenStart(m.first());
      int e = f.tokenEnd(m.last());
      if (m.payload() instanceof Gendered g && isFree(taken, s, e)) {
        hits.add(gendered(f, s, e, g.sex(), composition));
      }
    }
    for (PhraseIndex.Match<Lex> m : Lexicon.DETAILS.scan(f)) {
      int s = f.tokenStart(m.first());
      int e = f.tokenEnd(m.last());
      if (!isFree(taken, s, e)) {
        continue;
      }
      detail(f, m, s, e, composition).ifPresent(hits::add);
    }
    hits = mergeDates(f, hits);
    hits.sort(Comparator.comparingInt(Hit::start).thenComparingInt(Hit::end));

    int unit = context.unitSize();
    int set = anonymitySet(unit, hits);
    List<Finding> findings = new ArrayList<>();
    Level level = thresholds.levelFor(set);
    if (unit <= 2) {
      level = Level.HIGH;
    }
    if (unit <= Math.max(2, thresholds.smallUnitAtMost())) {
      findings.add(contextFinding(FindingKind.SMALL_UNIT, smallUnitReason(unit, thresholds)));
      level = level.atLeast(Level.MEDIUM);
    }
    int earlier = context.recentReleasesToSameRecipientAboutUnit();
    if (earlier >= thresholds.repeatedReleasesAtLeast()) {
      findings.add(contextFinding(FindingKind.REPEATED_RECIPIENT, repeatedReason(earlier)));
      level = level.atLeast(Level.MEDIUM);
    }
    Optional<Duration> since = context.sinceSourceLastContact();
    boolean soon = since.filter(d -> d.compareTo(thresholds.soonAfterContact()) <= 0).isPresent();
    if (soon) {
      findings.add(
          contextFinding(
              FindingKind.SOON_AFTER_CONTACT, soonReason(since.orElseThrow(), thresholds)));
      level = level.atLeast(Level.MEDIUM);
    }
    for (Hit h : hits) {
      int s = f.originalStart(h.start());
      int e = f.originalEnd(h.end());
      findings.add(new Finding(h.kind(), s, e, text.substring(s, e), h.reason()));
    }
    List<String> suggestions =
        Advice.suggestions(f, hits, unit, earlier, soon ? since : Optional.empty(), level, set);
    return new Estimate(level, set, findings, suggestions);
  }

  /** Applies the narrowing rules of the class comment, in their order. */
  static int anonymitySet(int unit, List<Hit> hits) {
    Set<Integer> ruledOut = new HashSet<>();
    Set<String> halvings = new HashSet<>();
    int cap = unit;
    boolean identified = false;
    for (Hit h : hits) {
      switch (h.effect()) {
        case Identifies i -> identified = true;
        case RulesOut r -> ruledOut.add(r.person());
        case Caps c -> cap = Math.min(cap, Math.max(1, c.max()));
        case Halves hv -> halvings.add("group:" + hv.key());
        case Dated d -> halvings.add("date:" + d.key());
      }
    }
    int set = Math.max(1, unit - ruledOut.size());
    set = Math.min(set, cap);
    for (int i = 0; i < halvings.size() && set > 1; i++) {
      set = (set + 1) / 2;
    }
    if (identified) {
      set = 1;
    }
    return Math.max(1, Math.min(unit, set));
  }

  private static void mark(boolean[] taken, int s, int e) {
    for (int i = s; i < e; i++) {
      taken[i] = true;
    }
  }

  private static boolean isFree(boolean[] taken, int s, int e) {
    for (int i = s; i < e; i++) {
      if (taken[i]) {
        return false;
      }
    }
    return true;
  }

  private static String quoted(Folded f, int s, int e) {
    return "“" + f.excerpt(s, e) + "”";
  }

  private static Hit shaped(Folded f, Detectors.Detected d) {
    String q = quoted(f, d.start(), d.end());
    return switch (d.detail()) {
      case EMAIL ->
          new Hit(
              FindingKind.EMAIL,
              d.start(),
              d.end(),
              new Identifies(false),
              q + " is an e-mail address: it belongs to one person.");
      case HANDLE ->
          new Hit(
              FindingKind.EMAIL,
              d.start(),
              d.end(),
              new Identifies(false),
              q + " is an account name (handle): it belongs to one person.");
      case PHONE ->
          new Hit(
              FindingKind.PHONE,
              d.start(),
              d.end(),
              new Identifies(false),
              q + " is a phone number: it belongs to one person, or to one desk.");
      case ID ->
          new Hit(
              FindingKind.ID_NUMBER,
              d.start(),
              d.end(),
              new Identifies(false),
              q + " is a staff, badge, identity or account number: it belongs to one person.");
      case DATE ->
          new Hit(
              FindingKind.DATE,
              d.start(),
              d.end(),
              new Dated(dateKey(f, d.start(), d.end()), false, false),
              dateReason(q, false));
      case TIME ->
          new Hit(
              FindingKind.DATE,
              d.start(),
              d.end(),
              new Dated(dateKey(f, d.start(), d.end()), true, false),
              dateReason(q, true));
      case AGE ->
          new Hit(
              FindingKind.SINGLING_OUT,
              d.start(),
              d.end(),
              new Caps(2, Basis.SINGLING),
              q
                  + " gives an exact age: colleagues usually know who is that age, so it fits one"
                  + " or two people at most.");
      case PLACE ->
          new Hit(
              FindingKind.SINGLING_OUT,
              d.start(),
              d.end(),
              new Caps(2, Basis.SINGLING),
              q + " is someone's own desk or office: it points at the one or two people there.");
    };
  }

  private static String dateKey(Folded f, int s, int e) {
    return f.folded().substring(s, e).replaceAll("\\s+", " ");
  }

  private static String dateReason(String q, boolean time) {
    return q
        + (time ? " is a time of day" : " is a date")
        + ": a recipient who knows who was there "
        + (time ? "at that hour" : "that day")
        + " can narrow down who the source is. The estimate assumes about half of the people"
        + " fit, for each date or time.";
  }

  private static Hit name(Folded f, int s, int e, Names.Ref ref) {
    String q = quoted(f, s, e);
    FindingKind kind = ref.pseudonym() ? FindingKind.PSEUDONYM : FindingKind.NAME;
    if (ref.source()) {
      String reason =
          ref.pseudonym()
              ? q
                  + " is the office's pseudonym for a person this message must protect: it"
                  + " invites the recipient to ask who it stands for, and links this message to"
                  + " any other that uses it."
              : q
                  + " matches the name of a person this message must protect: anyone who knows"
                  + " them knows who the source is.";
      return new Hit(kind, s, e, new Identifies(true), reason);
    }
    String reason =
        q
            + (ref.pseudonym()
                ? " is the pseudonym of someone involved who is not the source."
                : " names someone involved who is not the source.")
            + " It tells the recipient who the matter is about and rules that person out as the"
            + " source, so the estimate counts one fewer person it could be.";
    return new Hit(kind, s, e, new RulesOut(ref.person()), reason);
  }

  private static Hit group(Folded f, int s, int e, Composition.Named named) {
    Group g = named.group();
    int count = Math.max(1, g.count());
    String reason =
        quoted(f, s, e)
            + " refers to a group of the unit ("
            + g.dimension()
            + ": "
            + g.group()
            + ") of "
            + people(count)
            + ", so the source is one of at most "
            + people(count)
            + ".";
    FindingKind kind = named.gender() ? FindingKind.GENDERED_WORD : FindingKind.SENIORITY_WORD;
    Basis basis = named.gender() ? Basis.GENDER : Basis.GROUP;
    return new Hit(kind, s, e, new Caps(count, basis), reason);
  }

  private static Hit gendered(Folded f, int s, int e, Sex sex, Composition composition) {
    String q = quoted(f, s, e);
    String who = sex == Sex.FEMALE ? "a woman" : "a man";
    String group = sex == Sex.FEMALE ? "women" : "men";
    OptionalInt count = composition.count(sex);
    if (count.isPresent()) {
      int c = count.getAsInt();
      return new Hit(
          FindingKind.GENDERED_WORD,
          s,
          e,
          new Caps(c, Basis.GENDER),
          q
              + " tells the recipient the person is "
              + who
              + ": at most "
              + people(c)
              + " in the unit "
              + (c == 1 ? "is " + who : "are " + group)
              + ". (The estimate assumes such words describe the source.)");
    }
    return new Hit(
        FindingKind.GENDERED_WORD,
        s,
        e,
        new Halves("gender:" + sex.name(), Basis.GENDER),
        q
            + " tells the recipient the person is "
            + who
            + ". The unit's gender make-up is not recorded, so the estimate assumes about half"
            + " the unit fits; in many groups one gender is a small minority, so recording it"
            + " gives a more honest estimate.");
  }

  private static Optional<Hit> detail(
      Folded f, PhraseIndex.Match<Lex> m, int s, int e, Composition composition) {
    String q = quoted(f, s, e);
    return switch (m.payload()) {
      case Ignore i -> Optional.empty();
      case Gendered g -> Optional.empty();
      case DateWord d ->
          Optional.of(
              new Hit(
                  FindingKind.DATE,
                  s,
                  e,
                  new Dated(dateKey(f, s, e), d.time(), true),
                  dateReason(q, d.time())));
      case Role r -> Optional.of(role(q, s, e, r.role(), composition));
      case Singling sg -> {
        if (sg.nounWindow() > 0 && !personNounFollows(f, m.last(), sg.nounWindow())) {
          yield Optional.empty();
        }
        if (sg.unlessThing() && thingFollows(f, m.last())) {
          yield Optional.empty();
        }
        yield Optional.of(singling(q, s, e, sg));
      }
    };
  }

  private static boolean personNounFollows(Folded f, int last, int window) {
    for (int t = last + 1; t <= last + window && t < f.tokenCount(); t++) {
      if (!f.joinable(t - 1)) {
        return false;
      }
      if (Lexicon.PERSON_NOUNS.contains(f.token(t))) {
        return true;
      }
    }
    return false;
  }

  private static boolean thingFollows(Folded f, int last) {
    int t = last + 1;
    return t < f.tokenCount() && f.joinable(last) && Lexicon.THING_NOUNS.contains(f.token(t));
  }

  private static Hit role(String q, int s, int e, RoleClass role, Composition composition) {
    Optional<Integer> count = composition.count(role);
    if (count.isPresent()) {
      int c = count.orElseThrow();
      return new Hit(
          FindingKind.SENIORITY_WORD,
          s,
          e,
          new Caps(c, Basis.ROLE),
          q
              + " tells the person's role or seniority: the unit has "
              + people(c)
              + " in that group, so the source is one of at most "
              + people(c)
              + ".");
    }
    return new Hit(
        FindingKind.SENIORITY_WORD,
        s,
        e,
        new Halves("role:" + role.name(), Basis.ROLE),
        q
            + " tells the person's role or seniority. How many of the unit are in that group is"
            + " not recorded, so the estimate assumes about half; such groups are often much"
            + " smaller, and recording them gives a more honest estimate.");
  }

  private static Hit singling(String q, int s, int e, Singling sg) {
    String reason =
        switch (sg.kind()) {
          case ONE ->
              q
                  + " describes a single person: whoever fits it is the source. It is the kind of"
                  + " detail only one person could be described by, or know.";
          case FEW -> q + " points at one or two people: the recipient can tell who is meant.";
          case LEAVE ->
              q
                  + " is about leave or health: a manager knows the few people it could be (the"
                  + " estimate assumes at most "
                  + sg.cap()
                  + ").";
        };
    Basis basis = sg.kind() == SinglingKind.LEAVE ? Basis.LEAVE : Basis.SINGLING;
    return new Hit(FindingKind.SINGLING_OUT, s, e, new Caps(sg.cap(), basis), reason);
  }

  /**
   * Joins a day in words and an adjacent date ("Tuesday, 2 March") into one finding, counted once.
   * Two dates side by side ("2 March, 9 March") stay two.
   */
  private static List<Hit> mergeDates(Folded f, List<Hit> hits) {
    List<Hit> dates = new ArrayList<>();
    List<Hit> out = new ArrayList<>();
    for (Hit h : hits) {
      if (h.effect() instanceof Dated d && !d.time()) {
        dates.add(h);
      } else {
        out.add(h);
      }
    }
    dates.sort(Comparator.comparingInt(Hit::start));
    Hit current = null;
    for (Hit h : dates) {
      if (current != null
          && current.effect() instanceof Dated a
          && h.effect() instanceof Dated b
          && a.word() != b.word()
          && h.start() >= current.end()
          && DATE_JOINER.matcher(f.folded().substring(current.end(), h.start())).matches()) {
        int s = current.start();
        int e = h.end();
        current =
            new Hit(
                FindingKind.DATE,
                s,
                e,
                new Dated(dateKey(f, s, e), false, false),
                dateReason(quoted(f, s, e), false));
        continue;
      }
      if (current != null) {
        out.add(current);
      }
      current = h;
    }
    if (current != null) {
      out.add(current);
    }
    return out;
  }

  private static Finding contextFinding(FindingKind kind, String reason) {
    return new Finding(kind, -1, -1, "", reason);
  }

  private static String smallUnitReason(int unit, Thresholds t) {
    if (unit <= 2) {
      return "The unit has only "
          + people(unit)
          + ": the recipient can guess the source with at least even odds, whatever the text"
          + " says.";
    }
    return "The unit has only "
        + people(unit)
        + " ("
        + t.smallUnitAtMost()
        + " or fewer): its members know one another well, so even a message without any"
        + " detail may be traced to whoever was recently unhappy, absent or seen going to the"
        + " Ombuds.";
  }

  private static String repeatedReason(int earlier) {
    return "This recipient recently received "
        + (earlier == 1 ? "another message" : earlier + " other messages")
        + " about the same unit: read together, messages narrow down who the source is more"
        + " than each one alone.";
  }

  private static String soonReason(Duration since, Thresholds t) {
    return "This message would go out "
        + days(since)
        + " after the source last contacted the office (within "
        + days(t.soonAfterContact())
        + "): the recipient or colleagues may connect its timing with the visit.";
  }

  static String days(Duration d) {
    long days = d.toDays();
    if (days < 1) {
      return "less than a day";
    }
    return days == 1 ? "1 day" : days + " days";
  }

  static String people(int n) {
    return n == 1 ? "1 person" : String.format(Locale.ROOT, "%d people", n);
  }
}
