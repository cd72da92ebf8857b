package org.ombuds.anonymity;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ombuds.anonymity.Lex.DateWord;
import org.ombuds.anonymity.Lex.Gendered;
import org.ombuds.anonymity.Lex.Ignore;
import org.ombuds.anonymity.Lex.Role;
import org.ombuds.anonymity.Lex.RoleClass;
import org.ombuds.anonymity.Lex.Sex;
import org.ombuds.anonymity.Lex.Singling;
import org.ombuds.anonymity.Lex.SinglingKind;

/**
 * The words and phrases the estimate knows, in English with the most common French ones, written in
 * folded form (see {@link Folded}): words separated by spaces, phrases by semicolons. Built once
 * when the class loads.
 */
final class Lexicon {
  private Lexicon() {}

  static final Set<String> FEMALE_WORDS =
      words(
          """
          she her hers herself woman women female females lady ladies girl girls mrs madam madame
          mme mlle mademoiselle elle femme femmes mother wife daughter sister girlfriend pregnant
          pregnancy maternity chairwoman spokeswoman businesswoman policewoman""");

  /**
   * Feminine words that are also ordinary words: they count only with a capital ("Ms", not "ms").
   */
  static final Set<String> FEMALE_CAPITAL_ONLY = words("ms miss");

  static final Set<String> MALE_WORDS =
      words(
          """
          he him his himself man men male males gentleman gentlemen guy boy boys mr sir monsieur
          il homme hommes father husband brother boyfriend paternity""");

  /**
   * Phrases that name both genders or address the recipient, so they say nothing of the source; and
   * the French impersonal "il" ("il y a", "il faut", "il est important de").
   */
  static final List<String> NEUTRAL_PHRASES =
      phrases(
          """
          he or she; she or he; he she; she he; s he; his or her; her or his; his her; her his;
          him or her; her or him; him her; her him; himself or herself; herself or himself;
          his or hers; hers or his; men and women; women and men; man or woman; woman or man;
          male or female; female or male; ladies and gentlemen; sir or madam; madam or sir;
          dear sir or madam; dear madam or sir; dear sir madam; dear madam sir; dear sirs;
          madame monsieur; monsieur madame; madame ou monsieur; monsieur ou madame; il ou elle;
          elle ou il; mr or ms; ms or mr; mr or mrs; mrs or mr; mr ms; ms mr; mr mrs; mrs mr;
          dear sir; dear madam; dear mr; dear ms; dear mrs; dear miss; dear madame;
          dear monsieur; chere madame; cher monsieur; bonjour madame; bonjour monsieur;
          il y; il faut; il s; il semble; il parait; il convient; il importe; il suffit; il reste;
          il vaut; il fait; il arrive; il manque; il se peut; il est important;
          il est necessaire; il est possible; il est temps; il est clair; il est urgent;
          il est essentiel; il est utile; il est difficile; il est vrai; il est probable;
          il est evident; il est interdit; il est recommande; il est souhaitable;
          il est question; il est prevu; il est rappele""");

  /** Words for a person, which make "the only ...", "the new ..." and "the ... who" single out. */
  static final Set<String> PERSON_NOUNS =
      words(
          """
          person one colleague employee hire recruit starter joiner newcomer member intern
          trainee apprentice student postdoc guy girl woman man lady boy worker engineer
          technician scientist researcher assistant secretary nurse doctor officer analyst
          developer operator driver cleaner clerk coordinator administrator receptionist
          volunteer contractor consultant mechanic chemist biologist physicist designer teacher
          lecturer professor supervisor manager technologist specialist associate fellow lead
          leader accountant lawyer librarian guard electrician programmer tester staffer
          caretaker personne femme homme collegue stagiaire employe chercheur chercheuse
          technicien technicienne doctorant doctorante ingenieur ingenieure assistante
          secretaire""");

  /** Words for things, after which a superlative describes a thing ("the oldest machine"). */
  static final Set<String> THING_NOUNS =
      words(
          """
          machine machines equipment building buildings version versions rule rules policy
          policies file files computer computers car cars device devices part parts room rooms
          lab labs system systems record records data document documents report reports
          instrument instruments tool tools vehicle vehicles item items entry entries tradition
          issue issues case cases problem problems request requests complaint complaints ticket
          tickets batch batches sample samples model models software server servers account
          accounts contract contracts method methods project projects step steps way ways time
          times thing things reason reasons option options change changes procedure procedures
          process processes meeting meetings one ones""");

  /**
   * Names that are also ordinary words (English and French): as a name they count only with a
   * capital letter or an asterisk, so "we will" is not Will*. Lowercase use of these names is the
   * one spelling the estimate does not recognise, on purpose.
   */
  static final Set<String> ORDINARY_WORDS =
      words(
          """
          a an and the or of to in on at by for with as is it be do so no go we me us he she him
          her his my our you your they them their one all any some may will can june april
          august march mark bill rose grace hope joy faith dawn max pat ray ivy iris flora robin
          lee frank art jack sue penny holly lily daisy amber ruby pearl crystal summer autumn
          winter river sky storm rich young brown green white black gray grey baker cook miller
          long short little hall wood woods stone hill king bell page price love guy don eve
          sunny chase drew gene ken nick rob sandy wade carol hunter archer mason fisher taylor
          carter cooper parker porter turner walker ward banks marsh bush field fields lane ford
          rivers north south west east new best good small strong sharp fox wolf bird crane swan
          lamb bass dean major noble bishop knight prince duke earl cash gold silver jay van
          brook glen heath moss reed rush sterling victor rusty buck hardy happy honey candy star
          angel miles sage olive jade hazel heather violet poppy clay cliff dale forest gale lake
          rain snow person member staff group team office visitor pierre blanche marine claire
          blanc petit grand noir belle juste constant franc mai mars avril juin""");

  /** Name particles that do not count as a name on their own ("de", "van", "al"). */
  static final Set<String> PARTICLES =
      words(
          """
          de del della der den di da du des la le van von bin ibn bint al el st ter ten dos das
          do y e zu af av mac mc""");

  /** Dimensions of the composition that are about gender. */
  static final Set<String> GENDER_DIMENSIONS =
      Set.copyOf(phrases("gender; genders; sex; sexe; genre; gender identity"));

  static final Set<String> FEMALE_GROUPS =
      words("women woman female females f w femme femmes girls ladies feminin feminine");

  static final Set<String> MALE_GROUPS =
      words("men man male males m homme hommes boys masculin masculine");

  /** Group names too general to look for in the text ("other" is not a role). */
  static final Set<String> GENERIC_GROUPS =
      Set.copyOf(
          phrases(
              """
              other; others; unknown; none; rest; all; staff; employee; employees; member;
              members; people; person; persons; yes; no; na; n a; unspecified; undisclosed;
              not specified; prefer not to say; total; everyone; misc; various; autre; autres;
              inconnu; non binary or other"""));

  /** How each role class is written in a text. */
  static final Map<RoleClass, List<String>> ROLE_TEXT = new EnumMap<>(RoleClass.class);

  /** Further names a group of the composition may have for each role class. */
  static final Map<RoleClass, List<String>> ROLE_GROUP_NAMES = new EnumMap<>(RoleClass.class);

  static {
    role(RoleClass.SENIOR, "senior; seniors", "senior staff; experienced; experienced staff");
    role(RoleClass.JUNIOR, "junior; juniors; entry level; early career", "junior staff");
    role(RoleClass.INTERN, "intern; interns; internship; stagiaire; stagiaires", "");
    role(RoleClass.TRAINEE, "trainee; trainees; apprentice; apprentices; apprenti; apprentie", "");
    role(
        RoleClass.NEW_HIRE,
        """
        new hire; new hires; newcomer; newcomers; new starter; new starters; new joiner;
        new joiners; new employee; new employees; new recruit; new recruits; recently hired;
        recent hire; recent hires; just joined; on probation; probationary; nouvel employe;
        nouvelle employee""",
        "probation; new; newly hired");
    role(
        RoleClass.STUDENT,
        """
        student; students; phd student; phd students; doctoral student; doctoral students;
        doctorant; doctorante; doctorants; graduate student; master student; masters student""",
        "phd; phds; doctoral");
    role(RoleClass.POSTDOC, "postdoc; postdocs; postdoctoral; post doc", "post docs");
    role(
        RoleClass.TEMPORARY,
        "contractor; contractors; temporary; fixed term; freelancer; freelance; interim;"
            + " interimaire",
        "temp; temps; temporaries");
    role(RoleClass.PART_TIME, "part time; part timer; part timers; temps partiel", "");
  }

  /** What "senior" is followed by in a title. */
  private static final List<String> LEADERSHIP =
      phrases(
          """
          leader; leaders; leadership; manager; managers; management; director; directors;
          executive; executives; vice; group leader; team leader; team lead; lead""");

  /** Gender words and the phrases that neutralise them. */
  static final PhraseIndex<Lex> GENDER = buildGender();

  /** Roles, singling-out phrases and days in words. */
  static final PhraseIndex<Lex> DETAILS = buildDetails();

  /** Folds {@code phrase} and splits it into tokens. */
  static List<String> tokens(String phrase) {
    Folded f = Folded.of(phrase);
    List<String> out = new ArrayList<>(f.tokenCount());
    for (int i = 0; i < f.tokenCount(); i++) {
      out.add(f.token(i));
    }
    return out;
  }

  private static Set<String> words(String spaceSeparated) {
    return Set.of(spaceSeparated.strip().split("\\s+"));
  }

  private static List<String> phrases(String semicolonSeparated) {
    List<String> out = new ArrayList<>();
    for (String p : semicolonSeparated.split(";")) {
      String phrase = p.strip().replaceAll("\\s+", " ");
      if (!phrase.isEmpty()) {
        out.add(phrase);
      }
    }
    return List.copyOf(out);
  }

  private static void role(RoleClass role, String text, String groupNames) {
    ROLE_TEXT.put(role, phrases(text));
    ROLE_GROUP_NAMES.put(role, phrases(groupNames));
  }

  private static PhraseIndex.Entry<Lex> entry(String phrase, Lex lex) {
    return new PhraseIndex.Entry<>(tokens(phrase), lex, false);
  }

  private static PhraseIndex<Lex> buildGender() {
    List<PhraseIndex.Entry<Lex>> entries = new ArrayList<>();
    Lex ignore = new Ignore();
    NEUTRAL_PHRASES.forEach(p -> entries.add(entry(p, ignore)));
    Lex female = new Gendered(Sex.FEMALE);
    Lex male = new Gendered(Sex.MALE);
    FEMALE_WORDS.forEach(w -> entries.add(entry(w, female)));
    FEMALE_CAPITAL_ONLY.forEach(
        w -> entries.add(new PhraseIndex.Entry<>(List.of(w), female, true)));
    MALE_WORDS.forEach(w -> entries.add(entry(w, male)));
    return new PhraseIndex<>(entries);
  }

  private static PhraseIndex<Lex> buildDetails() {
    List<PhraseIndex.Entry<Lex>> entries = new ArrayList<>();
    Lex ignore = new Ignore();
    // "senior group leader" is usually the recipient's title, not the source's seniority.
    LEADERSHIP.forEach(l -> entries.add(entry("senior " + l, ignore)));
    ROLE_TEXT.forEach(
        (role, phrases) -> phrases.forEach(p -> entries.add(entry(p, new Role(role)))));

    // Need a word for a person soon after: "the only woman", not "the only way".
    for (String p : phrases("the only; la seule; le seul")) {
      entries.add(entry(p, new Singling(1, 3, false, SinglingKind.ONE)));
    }
    entries.add(entry("the sole", new Singling(1, 2, false, SinglingKind.ONE)));
    for (String p : phrases("the new; la nouvelle; le nouveau")) {
      entries.add(entry(p, new Singling(2, 2, false, SinglingKind.FEW)));
    }
    // Superlatives: a person unless a thing follows ("the oldest machine").
    Lex superlative = new Singling(1, 0, true, SinglingKind.ONE);
    for (String p :
        phrases(
            """
            the youngest; the oldest; the eldest; the newest; the most senior; the most junior;
            the most experienced; the least experienced; the least senior; the longest serving;
            the first to; the last to; la plus jeune; le plus jeune; la plus ancienne;
            le plus ancien""")) {
      entries.add(entry(p, superlative));
    }
    Lex one = new Singling(1, 0, false, SinglingKind.ONE);
    for (String p :
        phrases(
            """
            only woman; only man; only person; only one who; only one of them;
            the first person to; the first one to; the last person to; the last one to;
            la personne qui; celle qui; celui qui; la derniere a; le dernier a; la premiere a;
            le premier a; the staff member who; the team member who""")) {
      entries.add(entry(p, one));
    }
    for (String noun : PERSON_NOUNS) {
      entries.add(entry("the " + noun + " who", one));
      entries.add(entry("the " + noun + " whose", one));
    }
    Lex few = new Singling(2, 0, false, SinglingKind.FEW);
    for (String p :
        phrases(
            """
            sits next to; sitting next to; sat next to; seated next to; sits beside;
            sits opposite; sits across from; shares an office with; shares a desk with;
            shares her office; shares his office; son bureau""")) {
      entries.add(entry(p, few));
    }
    for (String owner : words("her his their whose")) {
      for (String place : words("office desk workstation cubicle locker")) {
        entries.add(entry(owner + " " + place, few));
      }
    }
    Lex leave = new Singling(5, 0, false, SinglingKind.LEAVE);
    for (String p :
        phrases(
            """
            sick leave; maternity leave; paternity leave; parental leave; medical leave; on leave;
            back from leave; returned from leave; pregnant; pregnancy; disability; disabled;
            wheelchair; burnout; burn out; conge maladie; conge maternite; enceinte""")) {
      entries.add(entry(p, leave));
    }

    for (String p :
        phrases(
            """
            yesterday; today; tonight; this morning; this afternoon; this evening; last night;
            the day before yesterday; last week; this week; earlier this week; last weekend;
            this weekend; hier; avant hier; aujourd hui; ce matin; cet apres midi; ce soir;
            hier soir; la semaine derniere; cette semaine""")) {
      entries.add(entry(p, new DateWord(false)));
    }
    for (String p : phrases("noon; midday; midnight; midi; minuit")) {
      entries.add(entry(p, new DateWord(true)));
    }
    for (String day :
        words(
            """
            monday tuesday wednesday thursday friday saturday sunday lundi mardi mercredi jeudi
            vendredi samedi dimanche""")) {
      entries.add(entry(day, new DateWord(false)));
      for (String before : words("last this next on past")) {
        entries.add(entry(before + " " + day, new DateWord(false)));
      }
      entries.add(entry(day + " dernier", new DateWord(false)));
    }
    return new PhraseIndex<>(entries);
  }
}
