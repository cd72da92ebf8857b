package org.ombuds.anonymity;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Generates "anonymous" drafts with a known label, for measuring the estimator.
 *
 * <p>The generator is deliberately independent of the estimator's code: it shares no word list,
 * pattern or helper with it. It builds each draft from neutral sentences about a work unit, inserts
 * zero to three details, and decides the label from what it inserted alone:
 *
 * <ul>
 *   <li>high-risk: a direct identifier of the source (a name, first name, surname or pseudonym in
 *       some spelling, an e-mail address, a phone number, a badge or staff number), a description
 *       that fits one or two people ("the only ...", "the person who ..."), a gendered or role word
 *       whose group in the recorded composition has at most 2 people, another person's name when it
 *       leaves at most 2 candidates, or a unit of at most 2 people;
 *   <li>safe otherwise: dates, gendered or role words of larger or unrecorded groups, other
 *       people's names in larger units, and near misses ("Janet", "herbal", "the 2026 budget", "he
 *       or she", "the only way").
 * </ul>
 *
 * Combinations are labelled by the same rule (high-risk if any insertion is), not by what they add
 * up to: a date next to a group of 3 is "safe" here, so the measured false-alarm rate is an upper
 * bound of the estimator's caution rather than a fit to it.
 */
final class LabelledDrafts {
  private LabelledDrafts() {}

  /** What was inserted where, and whether it is a name or pseudonym of the case. */
  record Inserted(String type, int start, int end, boolean highRisk, boolean caseName) {}

  record Draft(
      long seed, String text, Context context, boolean highRisk, List<Inserted> inserted) {}

  /** A name of the pools, and whether it is also an ordinary word ("Will"). */
  private record PoolName(String name, boolean ordinaryWord) {}

  private static final List<PoolName> REAL_NAMES =
      List.of(
          new PoolName("Hélène Dubois-Martin", false),
          new PoolName("José García", false),
          new PoolName("Jürgen Müller", false),
          new PoolName("Søren Kjærgaard", false),
          new PoolName("Łukasz Wójcik", false),
          new PoolName("Björn Strauß", false),
          new PoolName("Siobhán O'Brien", false),
          new PoolName("Ana María de la Cruz", false),
          new PoolName("Nguyễn Thị Lan", false),
          new PoolName("Chloé Lefèvre", false),
          new PoolName("Priya Raghunathan", false),
          new PoolName("Oluwaseun Adeyemi", false),
          new PoolName("Margaret Thornton", false),
          new PoolName("Dmitri Volkov", false),
          new PoolName("Fatima Zahra Benali", false),
          new PoolName("Kenji Watanabe", false),
          new PoolName("Ingrid Åkesson", false),
          new PoolName("Zoë Papadopoulos", false),
          new PoolName("Rose Hall", true),
          new PoolName("Mark Fischer", true));

  private static final List<PoolName> PSEUDONYMS =
      List.of(
          new PoolName("Jane*", false),
          new PoolName("Mike*", false),
          new PoolName("Alex*", false),
          new PoolName("Sam*", false),
          new PoolName("Noa*", false),
          new PoolName("Eva*", false),
          new PoolName("Leo*", false),
          new PoolName("Mia*", false),
          new PoolName("Hugo*", false),
          new PoolName("Lena*", false),
          new PoolName("Omar*", false),
          new PoolName("Quinn*", false),
          new PoolName("Will*", true),
          new PoolName("Max*", true),
          new PoolName("Iris*", true),
          new PoolName("Ivy*", true));

  private static final List<String> NEUTRAL =
      List.of(
          "Some members of your group have raised concerns about how the safety rules are"
              + " applied.",
          "Please remind the whole group of the safety rules.",
          "It would help to discuss the issue at the next team meeting.",
          "Concerns have been raised that equipment is sometimes left running overnight.",
          "Several people feel that workloads are not shared fairly.",
          "It may be worth reviewing how tasks are assigned.",
          "The office would welcome a conversation about this.",
          "There is a perception that meetings run late and decisions are not recorded.",
          "Nobody is asking for a formal investigation at this stage.",
          "Please treat this as a general reminder rather than a complaint.",
          "A reminder about respectful communication could help everyone.",
          "The Ombuds office remains available for questions.",
          "People would appreciate clearer information about priorities.",
          "The concern is about practices, not about any individual.",
          "Protective equipment is not always worn in shared areas.",
          "Several colleagues would like the rota to be discussed openly.");

  private static final List<String> NEAR_MISSES =
      List.of(
          "Janet from facilities has already fixed the lights.",
          "Herbal tea is available in the kitchen next to the shelf.",
          "The 2026 budget includes new safety equipment.",
          "Whoever raised it, he or she deserves a reply.",
          "The only way forward is a shared reminder.",
          "The new rules apply to everyone.",
          "Version 2.1 of the safety manual is online.",
          "The lab processed 1 000 000 samples last year.",
          "Everyone uses Office 365 for the rota.",
          "We will look at this together.",
          "The theme of the meeting is safety.",
          "In March the group reviewed the rules.",
          "His/her line manager should be informed.",
          "The oldest machine in the workshop needs a check.",
          "The senior group leader may want to raise this.");

  private static final String[] NAME_TEMPLATES = {
    "%s reported the problem to the office.",
    "According to %s the problem continues.",
    "This comes from %s directly.",
    "I met %s about this.",
    "The concerns of %s are shared by others."
  };

  private static final String[] TYPES = {
    "source-name",
    "source-pseudonym",
    "other-name",
    "email",
    "phone",
    "badge",
    "date",
    "gender",
    "role",
    "singling",
    "near-miss"
  };

  /** Generates the draft of {@code seed}; the same seed gives the same draft. */
  static Draft generate(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int size = unitSize(r);

    // Composition, with the truth the generator labels by.
    List<Group> composition = new ArrayList<>();
    int women = r.nextInt(size + 1);
    int men = size - women;
    boolean genderRecorded = r.nextDouble() < 0.8;
    if (genderRecorded) {
      int style = r.nextInt(4);
      switch (style) {
        case 0 -> {
          composition.add(new Group("gender", "women", women));
          composition.add(new Group("gender", "men", men));
        }
        case 1 -> {
          composition.add(new Group("Gender", "Female", women));
          composition.add(new Group("Gender", "Male", men));
        }
        case 2 -> composition.add(new Group("gender", "women", women));
        default -> composition.add(new Group("sex", "M", men));
      }
    }
    int juniors = r.nextInt(size + 1);
    int seniors = r.nextInt(size - juniors + 1);
    int interns = r.nextInt(Math.min(size, 4) + 1);
    boolean rolesRecorded = r.nextDouble() < 0.5;
    if (rolesRecorded) {
      composition.add(new Group("seniority", "junior", juniors));
      composition.add(new Group("seniority", "senior", seniors));
      composition.add(new Group("role", "interns", interns));
    }

    // People: the visitor (source) and the other party.
    int a = r.nextInt(REAL_NAMES.size());
    int b = (a + 1 + r.nextInt(REAL_NAMES.size() - 1)) % REAL_NAMES.size();
    int pa = r.nextInt(PSEUDONYMS.size());
    int pb = (pa + 1 + r.nextInt(PSEUDONYMS.size() - 1)) % PSEUDONYMS.size();
    PoolName sourceName = REAL_NAMES.get(a);
    PoolName sourcePseudonym = PSEUDONYMS.get(pa);
    PoolName otherName = REAL_NAMES.get(b);
    PoolName otherPseudonym = PSEUDONYMS.get(pb);
    List<Person> persons =
        List.of(
            new Person(sourceName.name(), sourcePseudonym.name(), true),
            new Person(otherName.name(), otherPseudonym.name(), false));

    List<String> sentences = new ArrayList<>();
    int base = 2 + r.nextInt(5);
    for (int i = 0; i < base; i++) {
      sentences.add(NEUTRAL.get(r.nextInt(NEUTRAL.size())));
    }

    int k = weighted(r, 25, 40, 25, 10);
    List<Piece> pieces = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      String type = TYPES[r.nextInt(TYPES.length)];
      Piece p =
          switch (type) {
            case "source-name" -> namePiece(r, type, sourceName, true);
            case "source-pseudonym" -> namePiece(r, type, sourcePseudonym, true);
            case "other-name" -> {
              Piece n = namePiece(r, type, r.nextBoolean() ? otherName : otherPseudonym, false);
              yield n.withHighRisk(size - 1 <= 2);
            }
            case "email" -> plain(type, emailSentence(r, sourceName.name()), true);
            case "phone" -> plain(type, phoneSentence(r), true);
            case "badge" -> plain(type, badgeSentence(r), true);
            case "date" -> plain(type, dateSentence(r), false);
            case "gender" -> genderPiece(r, genderRecorded, women, men);
            case "role" -> rolePiece(r, rolesRecorded, juniors, seniors, interns);
            case "singling" -> plain(type, singlingSentence(r), true);
            default -> plain(type, NEAR_MISSES.get(r.nextInt(NEAR_MISSES.size())), false);
          };
      pieces.add(p);
    }

    // Assemble: insertions go at random places among the neutral sentences.
    List<Object> order = new ArrayList<>(sentences);
    for (Piece p : pieces) {
      order.add(r.nextInt(order.size() + 1), p);
    }
    StringBuilder text = new StringBuilder();
    List<Inserted> inserted = new ArrayList<>();
    boolean highRisk = size <= 2;
    for (Object o : order) {
      if (!text.isEmpty()) {
        text.append(' ');
      }
      if (o instanceof Piece p) {
        int at = text.length();
        text.append(p.sentence());
        inserted.add(
            new Inserted(
                p.type(), at + p.markStart(), at + p.markEnd(), p.highRisk(), p.caseName()));
        highRisk |= p.highRisk();
      } else {
        text.append((String) o);
      }
    }
    Optional<java.time.Duration> since = Optional.empty();
    Context context = new Context(persons, size, composition, 0, since);
    return new Draft(seed, text.toString(), context, highRisk, inserted);
  }

  /** A sentence to insert; {@code markStart..markEnd} is the detail within it. */
  private record Piece(
      String type,
      String sentence,
      int markStart,
      int markEnd,
      boolean highRisk,
      boolean caseName) {
    Piece withHighRisk(boolean h) {
      return new Piece(type, sentence, markStart, markEnd, h, caseName);
    }
  }

  private static Piece plain(String type, String sentence, boolean highRisk) {
    return new Piece(type, sentence, 0, sentence.length(), highRisk, false);
  }

  private static int unitSize(SplittableRandom r) {
    double x = r.nextDouble();
    if (x < 0.3) {
      return 2 + r.nextInt(9);
    }
    if (x < 0.7) {
      return 11 + r.nextInt(40);
    }
    return 51 + r.nextInt(150);
  }

  private static int weighted(SplittableRandom r, int... weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int x = r.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  // ---- names in some spelling ----

  private static Piece namePiece(SplittableRandom r, String type, PoolName name, boolean source) {
    String spelled = spell(r, name);
    String[] wrappers = {"%s", "%s's", "%s’s", "%s,", "\"%s\"", "(%s)", "%s!"};
    String wrapper = wrappers[r.nextInt(wrappers.length)];
    String wrapped = String.format(Locale.ROOT, wrapper, spelled);
    String template = NAME_TEMPLATES[r.nextInt(NAME_TEMPLATES.length)];
    int slot = template.indexOf("%s");
    String sentence = template.substring(0, slot) + wrapped + template.substring(slot + 2);
    int nameAt = slot + wrapper.indexOf("%s");
    int nameEnd = nameAt + spelled.length();
    // The mark covers the letters of the name, not a trailing asterisk.
    while (nameEnd > nameAt && !Character.isLetter(sentence.charAt(nameEnd - 1))) {
      nameEnd--;
    }
    return new Piece(type, sentence, nameAt, nameEnd, source, true);
  }

  /** One spelling of a pool name: part, case, accents, hyphens, asterisk. */
  private static String spell(SplittableRandom r, PoolName pool) {
    String name = pool.name();
    boolean pseudonym = name.endsWith("*");
    if (pseudonym) {
      name = name.substring(0, name.length() - 1);
    } else {
      String[] words = name.split(" ");
      int part = r.nextInt(3);
      if (part == 1) {
        name = words[0];
      } else if (part == 2) {
        name = words[words.length - 1];
      }
    }
    switch (r.nextInt(4)) {
      case 1 -> name = stripAccents(name);
      case 2 -> name = transliterate(name);
      default -> {}
    }
    if (name.contains("-")) {
      String[] joins = {"-", " ", ""};
      name = name.replace("-", joins[r.nextInt(joins.length)]);
    }
    int casing = r.nextInt(pool.ordinaryWord() ? 2 : 3);
    if (casing == 1) {
      name = name.toUpperCase(Locale.ROOT);
    } else if (casing == 2) {
      name = name.toLowerCase(Locale.ROOT);
    }
    if (pseudonym) {
      String[] stars = {"*", "", "\\*", "＊", "∗"};
      name = name + stars[r.nextInt(stars.length)];
    }
    return name;
  }

  static String stripAccents(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
  }

  static String transliterate(String s) {
    return s.replace("ü", "ue")
        .replace("ö", "oe")
        .replace("ä", "ae")
        .replace("ß", "ss")
        .replace("ø", "o")
        .replace("æ", "ae")
        .replace("å", "aa")
        .replace("Å", "Aa")
        .replace("Ł", "L")
        .replace("ł", "l");
  }

  // ---- direct identifiers ----

  private static String emailSentence(SplittableRandom r, String name) {
    String[] words = stripAccents(transliterate(name)).toLowerCase(Locale.ROOT).split("[ '-]+");
    String local = words[0] + "." + words[words.length - 1];
    String[] domains = {"example.org", "uni-x.ch", "lab.example.com"};
    String domain = domains[r.nextInt(domains.length)];
    String address =
        switch (r.nextInt(4)) {
          case 0 -> local + "@" + domain;
          case 1 -> (local + "@" + domain).toUpperCase(Locale.ROOT);
          case 2 -> local + " [at] " + domain.replace(".", " [dot] ");
          default -> local + " at " + domain.replace(".", " dot ");
        };
    return "The person can be reached at " + address + " for details.";
  }

  private static String digits(SplittableRandom r, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append((char) ('0' + r.nextInt(10)));
    }
    return sb.toString();
  }

  private static String phoneSentence(SplittableRandom r) {
    String phone =
        switch (r.nextInt(7)) {
          case 0 -> "+41 22 " + digits(r, 3) + " " + digits(r, 2) + " " + digits(r, 2);
          case 1 -> "+1 (555) " + digits(r, 3) + "-" + digits(r, 4);
          case 2 -> "022 " + digits(r, 3) + " " + digits(r, 2) + " " + digits(r, 2);
          case 3 -> "079." + digits(r, 3) + "." + digits(r, 2) + "." + digits(r, 2);
          case 4 -> "(555) " + digits(r, 3) + "-" + digits(r, 4);
          case 5 -> "ext. " + (1000 + r.nextInt(9000));
          default -> "0044 20 " + digits(r, 4) + " " + digits(r, 4);
        };
    return "The person asked to be called back on " + phone + " this week.";
  }

  private static String badgeSentence(SplittableRandom r) {
    String id =
        switch (r.nextInt(5)) {
          case 0 -> "badge " + (10000 + r.nextInt(90000));
          case 1 -> "employee no. " + (10 + r.nextInt(90)) + "-" + (100 + r.nextInt(900));
          case 2 -> "ID " + (10000 + r.nextInt(90000));
          case 3 -> "staff number " + (1000 + r.nextInt(9000));
          default -> "Badge #" + (10000 + r.nextInt(90000));
        };
    return "The entry log shows " + id + " at the door.";
  }

  // ---- quasi-identifiers ----

  private static final String[] MONTHS = {
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December"
  };
  private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"};

  private static String dateSentence(SplittableRandom r) {
    int d = 1 + r.nextInt(28);
    int m = 1 + r.nextInt(12);
    String date =
        switch (r.nextInt(7)) {
          case 0 -> String.format(Locale.ROOT, "on 2026-%02d-%02d", m, d);
          case 1 -> "on " + d + " " + MONTHS[m - 1];
          case 2 -> "on " + MONTHS[m - 1] + " " + d + (d == 1 ? "st" : d == 2 ? "nd" : "th");
          case 3 -> String.format(Locale.ROOT, "on %02d/%02d/2026", d, m);
          case 4 -> "last " + DAYS[r.nextInt(DAYS.length)];
          case 5 -> "yesterday at " + (7 + r.nextInt(11));
          default -> "on " + DAYS[r.nextInt(DAYS.length)] + " morning";
        };
    return "The incident happened " + date + " near the workshop.";
  }

  private static Piece genderPiece(SplittableRandom r, boolean recorded, int women, int men) {
    boolean female = r.nextBoolean();
    String[] f = {
      "She says the safety rules are ignored.",
      "Her concerns about the rules were dismissed.",
      "A woman in the team feels unheard.",
      "Elle dit que les règles ne sont pas respectées.",
      "The colleague told me that she felt unsafe."
    };
    String[] m = {
      "He says the safety rules are ignored.",
      "His concerns about the rules were dismissed.",
      "A man in the team feels unheard.",
      "Il dit que les règles ne sont pas respectées.",
      "The colleague told me that he felt unsafe."
    };
    String sentence = female ? f[r.nextInt(f.length)] : m[r.nextInt(m.length)];
    int count = female ? women : men;
    return plain("gender", sentence, recorded && count <= 2);
  }

  private static Piece rolePiece(
      SplittableRandom r, boolean recorded, int juniors, int seniors, int interns) {
    return switch (r.nextInt(3)) {
      case 0 ->
          plain(
              "role", "A junior colleague feels the rules are ignored.", recorded && juniors <= 2);
      case 1 ->
          plain(
              "role", "One of the seniors raised this with the office.", recorded && seniors <= 2);
      default -> plain("role", "An intern raised this with the office.", recorded && interns <= 2);
    };
  }

  private static String singlingSentence(SplittableRandom r) {
    String[] s = {
      "The only engineer on the night rota raised this.",
      "The most senior engineer raised this.",
      "The youngest member of the team raised this.",
      "The one who reported the leak is worried.",
      "The last person to leave the lab saw it.",
      "The colleague who sits next to the door raised this.",
      "It happened in their office.",
      "The person who complained is worried.",
      "The new colleague raised this."
    };
    return s[r.nextInt(s.length)];
  }
}
