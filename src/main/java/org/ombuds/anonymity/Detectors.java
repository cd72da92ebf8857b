package org.ombuds.anonymity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the details that have a shape rather than a vocabulary: e-mail addresses and handles, phone
 * numbers, badge and other identity numbers, dates and times, exact ages and personal desk or
 * office numbers. Works on the folded text (lower case, see {@link Folded}).
 *
 * <p>Every pattern is compiled once and uses bounded or possessive repetition only, so a match
 * attempt costs at most a few dozen steps whatever the input: no catastrophic backtracking on long
 * runs of digits, dots or spaces. A pattern is only tried where it can start (a number, one of its
 * keywords, an {@code @}: see {@code Anchors}), which keeps a long draft cheap. Matches of
 * different detectors that overlap are resolved by priority (e-mail, then identity number, date,
 * phone, other), then by length.
 */
final class Detectors {
  private Detectors() {}

  /** What a detector found. */
  enum Detail {
    EMAIL,
    HANDLE,
    ID,
    DATE,
    TIME,
    PHONE,
    AGE,
    PLACE
  }

  /** One detail at folded offsets {@code [start, end)}. */
  record Detected(Detail detail, int start, int end) {}

  private static final String LOCAL = "[a-z0-9._%+\\-]{1,64}+";
  private static final String NOT_BEFORE_LOCAL = "(?<![a-z0-9._%+\\-])";

  private static final Pattern EMAIL =
      Pattern.compile(
          NOT_BEFORE_LOCAL + LOCAL + "@(?:[a-z0-9\\-]{1,63}+\\.){1,8}[a-z]{2,24}+(?![a-z0-9\\-])");

  /** {@code jane[at]example.org}, {@code jane (at) example (dot) org}. */
  private static final Pattern EMAIL_BRACKETED =
      Pattern.compile(
          NOT_BEFORE_LOCAL
              + LOCAL
              + " ?(?:\\[at\\]|\\(at\\)|\\{at\\}|<at>) ?"
              + "(?:[a-z0-9\\-]{1,63}+ ?(?:\\.|\\[dot\\]|\\(dot\\)|\\{dot\\}) ?){1,8}"
              + "[a-z]{2,24}+(?![a-z0-9\\-])");

  /** {@code jane at example dot org}. */
  private static final Pattern EMAIL_SPELLED =
      Pattern.compile(
          NOT_BEFORE_LOCAL
              + "[a-z0-9._%+\\-]{1,64}+ at (?:[a-z0-9\\-]{1,63}+ dot ){1,8}"
              + "(?:com|org|net|edu|gov|int|[a-z]{2})\\b");

  private static final Pattern HANDLE =
      Pattern.compile("(?<![a-z0-9._%+\\-@])@[a-z0-9_]{2,30}+(?![a-z0-9_@])");

  private static final String FILLER = "(?:no\\.?|number|nr\\.?|num\\.?|#|id|code)";
  private static final String ID_VALUE = "[a-z]{0,4}+-?\\d[a-z0-9\\-./]{1,24}+";

  /** Keywords that are followed by an identity number directly: "badge 40213", "ID 99881". */
  private static final Pattern ID_STRONG =
      Pattern.compile(
          "\\b(?:badge|matricule|ssn|avs|ahv|nss|id|i\\.d\\.)\\.? ?(?:"
              + FILLER
              + ")?\\.? ?[:#]? ?"
              + ID_VALUE);

  /** Keywords that need "no.", "number", "#" ... first: "employee no. 12-345". */
  private static final Pattern ID_WEAK =
      Pattern.compile(
          "\\b(?:employee|staff|personnel|payroll|passport|member(?:ship)?|student|licen[cs]e"
              + "|card|account|insurance|social security|national insurance) ?"
              + FILLER
              + "\\.? ?[:#]? ?"
              + ID_VALUE);

  private static final Pattern SSN = Pattern.compile("\\b\\d{3}-\\d{2}-\\d{4}\\b");
  private static final Pattern AVS = Pattern.compile("\\b756[. ]?\\d{4}[. ]?\\d{4}[. ]?\\d{2}\\b");
  private static final Pattern IBAN =
      Pattern.compile("\\b[a-z]{2}\\d{2}(?: ?[a-z0-9]{4}){2,7}+(?: ?[a-z0-9]{1,3})?\\b");

  /** Month names in English, French and German, and their abbreviations, folded. */
  private static final String MONTH_NAMES =
      "january|february|march|april|may|june|july|august|september|october|november|december"
          + "|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre"
          + "|januar|februar|marz|juni|juli|oktober|dezember"
          + "|janv|fevr|fev|avr|juil|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec";

  private static final String MONTHS = "(?:" + MONTH_NAMES + ")";
  private static final String DAY = "(?:[12]\\d|3[01]|0?[1-9])";
  private static final String YEAR = "(?:,? (?:19|20)\\d{2}\\b)?";

  /** "2 March", "2nd of March 2026", "1er mars". */
  private static final Pattern DAY_MONTH =
      Pattern.compile(
          "\\b(?:the )?" + DAY + "(?:st|nd|rd|th|er)?(?: of)? (" + MONTHS + ")\\b" + YEAR);

  /** "March 2", "March 2nd, 2026". */
  private static final Pattern MONTH_DAY =
      Pattern.compile("\\b(" + MONTHS + ")\\.? (?:the )?" + DAY + "(?:st|nd|rd|th)?\\b" + YEAR);

  /** "on the 2nd". */
  private static final Pattern ORDINAL_DAY =
      Pattern.compile("\\bon the " + DAY + "(?:st|nd|rd|th)\\b");

  private static final Pattern ISO_DATE =
      Pattern.compile(
          "(?<!\\d[/.\\-])\\b(?:19|20)\\d{2}([/.\\-])(?:0?[1-9]|1[0-2])\\1"
              + DAY
              + "\\b(?![/.\\-]\\d)");

  private static final Pattern NUMERIC_DATE =
      Pattern.compile(
          "(?<!\\d[/.\\-])\\b(\\d{1,2})([/.\\-])(\\d{1,2})\\2(\\d{4}|\\d{2})\\b(?![/.\\-]\\d)");

  private static final String AM_PM = "(?:am|pm|a\\.m\\.|p\\.m\\.)";

  /** "9:30", "14h30", "09:30 pm". */
  private static final Pattern CLOCK =
      Pattern.compile(
          "(?<![\\d:.])\\b(?:[01]?\\d|2[0-3])[:h][0-5]\\d\\b(?![:.]\\d)(?: ?" + AM_PM + ")?");

  /** "9am", "9.30 p.m.". */
  private static final Pattern AM_PM_TIME =
      Pattern.compile("\\b(?:1[0-2]|0?[1-9])(?:[:.][0-5]\\d)? ?" + AM_PM + "(?![a-z])");

  /** "at 9", "at 9 o'clock": an hour, tried where the token "at" is followed by a number. */
  private static final Pattern AT_HOUR =
      Pattern.compile("at (?:[01]?\\d|2[0-3])(?![\\d:]|[.,]\\d|%)( ?o'?clock\\b)?");

  /** What makes "at 9" an hour when no day comes before it: the end of a clause, a time word. */
  private static final Pattern AFTER_HOUR =
      Pattern.compile(
          "(?= ?[.,;!?)]| ?$| (?:in|on|this|that|yesterday|today|tonight|last|sharp|when|and|or"
              + "|with|before|after)\\b)");

  /** Words after which "at 9" is an hour: "yesterday at 9", "on Tuesday at 9", "2 March at 9". */
  private static final Set<String> DAY_BEFORE_HOUR =
      Set.of(
          "yesterday",
          "today",
          "tonight",
          "tomorrow",
          "morning",
          "afternoon",
          "evening",
          "night",
          "monday",
          "tuesday",
          "wednesday",
          "thursday",
          "friday",
          "saturday",
          "sunday");

  /** Exact ages: "aged 54", "54 years old", "54 ans". */
  private static final Pattern AGE =
      Pattern.compile("\\b(?:aged? \\d{2}\\b|\\d{2} years? old\\b|\\d{2} ans\\b)");

  /** A personal place with a number: "desk 14", "office B-204". */
  private static final Pattern PLACE =
      Pattern.compile(
          "\\b(?:desk|office|cubicle|locker|workstation|bureau) ?(?:no\\.?|number|nr\\.?|#)? ?"
              + "[a-z]?-?\\d[a-z0-9.\\-]{0,8}+");

  /** A phone keyword followed by a number, also a short internal extension: "ext. 4321". */
  private static final Pattern PHONE_LABELLED =
      Pattern.compile(
          "\\b(?:tel|telephone|phone|mobile|cellphone|cell phone|ext|extension|fax|natel|portable"
              + "|poste) ?\\.? ?(?:no\\.?|number|nr\\.?|#)? ?[:#]? ?\\+?\\(?\\d[\\d ().\\-/]{1,20}\\d");

  /** Anything shaped like a phone number; {@link #isPhone} decides. */
  private static final Pattern PHONE_CANDIDATE =
      Pattern.compile("(?<![\\w+.,/\\-])(?:\\+|00)?\\(?\\d[\\d ().\\-/]{5,22}\\d(?!\\w)");

  private static final Pattern NANP = Pattern.compile("\\(?\\d{3}\\)?[ .\\-]?\\d{3}[ .\\-]\\d{4}");
  private static final Pattern LOCAL_SHORT =
      Pattern.compile("\\d{3}[ .\\-]\\d{2}[ .\\-]\\d{2}|\\d{3}-\\d{4}");

  private static final Set<String> MONTH_WORDS = Set.of(MONTH_NAMES.split("\\|"));
  private static final Set<String> ID_STRONG_WORDS =
      Set.of("badge", "matricule", "ssn", "avs", "ahv", "nss", "id", "i");
  private static final Set<String> ID_WEAK_WORDS =
      Set.of(
          "employee",
          "staff",
          "personnel",
          "payroll",
          "passport",
          "member",
          "membership",
          "student",
          "licence",
          "license",
          "card",
          "account",
          "insurance",
          "social",
          "national");
  private static final Set<String> PHONE_WORDS =
      Set.of(
          "tel",
          "telephone",
          "phone",
          "mobile",
          "cellphone",
          "cell",
          "ext",
          "extension",
          "fax",
          "natel",
          "portable",
          "poste");
  private static final Set<String> PLACE_WORDS =
      Set.of("desk", "office", "cubicle", "locker", "workstation", "bureau");

  /**
   * Where each pattern can start, found in one pass over the tokens: numbers, month names, the
   * keywords of identity numbers, phones and places, "at", "on", "the", and each {@code @}. Every
   * pattern is then tried only there ({@link Matcher#lookingAt}), instead of at every position.
   */
  private static final class Anchors {
    final List<Integer> digits = new ArrayList<>();
    final List<Integer> phones = new ArrayList<>();
    final List<Integer> months = new ArrayList<>();
    final List<Integer> theBeforeNumber = new ArrayList<>();
    final List<Integer> on = new ArrayList<>();
    final List<Integer> at = new ArrayList<>();
    final List<Integer> idStrong = new ArrayList<>();
    final List<Integer> idWeak = new ArrayList<>();
    final List<Integer> phoneWords = new ArrayList<>();
    final List<Integer> places = new ArrayList<>();
    final List<Integer> ages = new ArrayList<>();
    final List<Integer> ibans = new ArrayList<>();
    final List<Integer> emails = new ArrayList<>();
    final List<Integer> handles = new ArrayList<>();

    Anchors(Folded text) {
      String s = text.folded();
      int n = text.tokenCount();
      for (int t = 0; t < n; t++) {
        String token = text.token(t);
        int start = text.tokenStart(t);
        char c = token.charAt(0);
        if (c >= '0' && c <= '9') {
          digits.add(start);
          int p = start;
          while (p > 0 && start - p < 2 && (s.charAt(p - 1) == '+' || s.charAt(p - 1) == '(')) {
            p--;
          }
          phones.add(p);
          continue;
        }
        boolean nextIsNumber = t + 1 < n && Character.isDigit(text.token(t + 1).charAt(0));
        if (MONTH_WORDS.contains(token)) {
          months.add(start);
        }
        switch (token) {
          case "the" -> {
            if (nextIsNumber) {
              theBeforeNumber.add(start);
            }
          }
          case "on" -> on.add(start);
          case "at" -> {
            if (nextIsNumber) {
              at.add(start);
            }
          }
          case "age", "aged" -> ages.add(start);
          default -> {}
        }
        if (ID_STRONG_WORDS.contains(token)) {
          idStrong.add(start);
        }
        if (ID_WEAK_WORDS.contains(token)) {
          idWeak.add(start);
        }
        if (PHONE_WORDS.contains(token)) {
          phoneWords.add(start);
        }
        if (PLACE_WORDS.contains(token)) {
          places.add(start);
        }
        if (token.length() >= 4
            && Character.isLetter(c)
            && Character.isLetter(token.charAt(1))
            && Character.isDigit(token.charAt(2))
            && Character.isDigit(token.charAt(3))) {
          ibans.add(start);
        }
      }
      for (int i = s.indexOf('@'); i >= 0; i = s.indexOf('@', i + 1)) {
        handles.add(i);
        int j = i;
        while (j > 0 && i - j < 64 && isLocal(s.charAt(j - 1))) {
          j--;
        }
        if (j < i) {
          emails.add(j);
        }
      }
    }

    private static boolean isLocal(char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "._%+-".indexOf(c) >= 0;
    }
  }

  /** The matches of {@code p} that start at one of {@code anchors} (ascending), not overlapping. */
  private static List<MatchResult> at(Pattern p, String s, List<Integer> anchors) {
    List<MatchResult> out = new ArrayList<>();
    if (anchors.isEmpty()) {
      return out;
    }
    Matcher m = p.matcher(s).useTransparentBounds(true).useAnchoringBounds(false);
    int lastEnd = -1;
    for (int a : anchors) {
      if (a < lastEnd) {
        continue;
      }
      m.region(a, s.length());
      if (m.lookingAt()) {
        out.add(m.toMatchResult());
        lastEnd = m.end();
      }
    }
    return out;
  }

  /** All matches of {@code p}, for the rare patterns gated by a cheap test of the text. */
  private static List<MatchResult> all(Pattern p, String s) {
    List<MatchResult> out = new ArrayList<>();
    Matcher m = p.matcher(s);
    while (m.find()) {
      out.add(m.toMatchResult());
    }
    return out;
  }

  /** All details in {@code text}, without overlaps, by start. */
  static List<Detected> find(Folded text) {
    String s = text.folded();
    Anchors a = new Anchors(text);
    List<Candidate> found = new ArrayList<>();
    add(found, at(EMAIL, s, a.emails), s, Detail.EMAIL, 0);
    if (s.contains("[at]") || s.contains("(at)") || s.contains("{at}") || s.contains("<at>")) {
      add(found, all(EMAIL_BRACKETED, s), s, Detail.EMAIL, 0);
    }
    if (s.contains(" dot ")) {
      add(found, all(EMAIL_SPELLED, s), s, Detail.EMAIL, 0);
    }
    add(found, at(HANDLE, s, a.handles), s, Detail.HANDLE, 0);
    addNumbered(found, at(ID_STRONG, s, a.idStrong), s, Detail.ID, 1);
    addNumbered(found, at(ID_WEAK, s, a.idWeak), s, Detail.ID, 1);
    add(found, at(SSN, s, a.digits), s, Detail.ID, 1);
    add(found, at(AVS, s, a.digits), s, Detail.ID, 1);
    addIban(found, at(IBAN, s, a.ibans), s);
    addMonthDates(found, text, at(DAY_MONTH, s, merge(a.theBeforeNumber, a.digits)));
    addMonthDates(found, text, at(MONTH_DAY, s, a.months));
    add(found, at(ORDINAL_DAY, s, a.on), s, Detail.DATE, 2);
    add(found, at(ISO_DATE, s, a.digits), s, Detail.DATE, 2);
    addNumericDates(found, at(NUMERIC_DATE, s, a.digits));
    addUntrimmed(found, at(CLOCK, s, a.digits), Detail.TIME);
    addUntrimmed(found, at(AM_PM_TIME, s, a.digits), Detail.TIME);
    addHours(found, text, at(AT_HOUR, s, a.at));
    addNumbered(found, at(PHONE_LABELLED, s, a.phoneWords), s, Detail.PHONE, 3);
    addPhones(found, at(PHONE_CANDIDATE, s, a.phones), s);
    add(found, at(AGE, s, merge(a.ages, a.digits)), s, Detail.AGE, 4);
    addPlaces(found, at(PLACE, s, a.places), s);
    return resolve(found, s.length());
  }

  private static List<Integer> merge(List<Integer> x, List<Integer> y) {
    List<Integer> out = new ArrayList<>(x.size() + y.size());
    out.addAll(x);
    out.addAll(y);
    out.sort(null);
    return out;
  }

  /**
   * "at 9" is an hour with "o'clock", at the end of a clause or before a time word ("at 9 in the
   * morning"), or right after a day ("yesterday at 9", "2 March at 9"): not in "at 9 tables".
   */
  private static void addHours(List<Candidate> out, Folded text, List<MatchResult> matches) {
    String s = text.folded();
    Matcher after = AFTER_HOUR.matcher(s).useTransparentBounds(true).useAnchoringBounds(false);
    for (MatchResult m : matches) {
      boolean hour = m.group(1) != null;
      if (!hour) {
        after.region(m.end(), s.length());
        hour = after.lookingAt();
      }
      if (!hour) {
        hour = dayBefore(text, m.start());
      }
      if (hour) {
        out.add(new Candidate(Detail.TIME, m.start(), m.end(), 2));
      }
    }
  }

  /** Whether the word before folded offset {@code at} (separated by a space or comma) is a day. */
  private static boolean dayBefore(Folded text, int at) {
    String s = text.folded();
    int e = at;
    while (e > 0 && (s.charAt(e - 1) == ' ' || s.charAt(e - 1) == ',') && at - e < 2) {
      e--;
    }
    if (e == at || e == 0 || !Character.isLetterOrDigit(s.charAt(e - 1))) {
      return false;
    }
    int b = e;
    while (b > 0 && Character.isLetterOrDigit(s.charAt(b - 1))) {
      b--;
    }
    String word = s.substring(b, e);
    return DAY_BEFORE_HOUR.contains(word)
        || MONTH_WORDS.contains(word)
        || Character.isDigit(word.charAt(0));
  }

  private record Candidate(Detail detail, int start, int end, int priority) {}

  private static void add(
      List<Candidate> out, List<MatchResult> matches, String s, Detail d, int priority) {
    for (MatchResult m : matches) {
      int end = trimEnd(s, m.start(), m.end());
      if (end > m.start()) {
        out.add(new Candidate(d, m.start(), end, priority));
      }
    }
  }

  /** Times keep their last dot ("9 p.m."). */
  private static void addUntrimmed(List<Candidate> out, List<MatchResult> matches, Detail d) {
    for (MatchResult m : matches) {
      out.add(new Candidate(d, m.start(), m.end(), 2));
    }
  }

  /** Like {@link #add}, for keyword + number patterns: the match needs at least three digits. */
  private static void addNumbered(
      List<Candidate> out, List<MatchResult> matches, String s, Detail d, int priority) {
    for (MatchResult m : matches) {
      int digits = 0;
      for (int i = m.start(); i < m.end(); i++) {
        char c = s.charAt(i);
        if (c >= '0' && c <= '9') {
          digits++;
        }
      }
      int end = trimEnd(s, m.start(), m.end());
      if (digits >= 3 && end > m.start()) {
        out.add(new Candidate(d, m.start(), end, priority));
      }
    }
  }

  /** Drops a trailing full stop, dash or slash that ends the sentence rather than the value. */
  private static int trimEnd(String s, int start, int end) {
    int e = end;
    while (e > start && ".-/ ".indexOf(s.charAt(e - 1)) >= 0) {
      e--;
    }
    return e;
  }

  private static void addIban(List<Candidate> out, List<MatchResult> matches, String s) {
    for (MatchResult m : matches) {
      int digits = 0;
      int alnum = 0;
      for (int i = m.start(); i < m.end(); i++) {
        char c = s.charAt(i);
        if (c >= '0' && c <= '9') {
          digits++;
        }
        if (c != ' ') {
          alnum++;
        }
      }
      if (alnum >= 15 && alnum <= 34 && digits >= 8) {
        out.add(new Candidate(Detail.ID, m.start(), m.end(), 1));
      }
    }
  }

  /** Month-name dates; "may", "mar" and "mai" only count as the month with a capital. */
  private static void addMonthDates(List<Candidate> out, Folded text, List<MatchResult> matches) {
    for (MatchResult m : matches) {
      String month = m.group(1);
      if ((month.equals("may") || month.equals("mar") || month.equals("mai"))
          && !text.capitalizedAt(m.start(1))) {
        continue;
      }
      out.add(new Candidate(Detail.DATE, m.start(), m.end(), 2));
    }
  }

  private static void addNumericDates(List<Candidate> out, List<MatchResult> matches) {
    for (MatchResult m : matches) {
      int a = Integer.parseInt(m.group(1));
      int b = Integer.parseInt(m.group(3));
      boolean dayFirst = a >= 1 && a <= 31 && b >= 1 && b <= 12;
      boolean monthFirst = a >= 1 && a <= 12 && b >= 1 && b <= 31;
      if (dayFirst || monthFirst) {
        out.add(new Candidate(Detail.DATE, m.start(), m.end(), 2));
      }
    }
  }

  private static void addPhones(List<Candidate> out, List<MatchResult> matches, String s) {
    for (MatchResult m : matches) {
      int end = trimEnd(s, m.start(), m.end());
      if (isPhone(s.substring(m.start(), end))) {
        out.add(new Candidate(Detail.PHONE, m.start(), end, 3));
      }
    }
  }

  /**
   * Whether a digit run is a phone number: 7 to 15 digits, and an international prefix (+41, 0041),
   * a trunk zero (022 ..., (0)22), the North American shape (555) 123-4567, or a short local shape
   * (123 45 67, 555-1234). Amounts (1 000 000), years and ranges (2024-2025) are not.
   */
  static boolean isPhone(String m) {
    int digits = 0;
    for (int i = 0; i < m.length(); i++) {
      char c = m.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      }
    }
    if (digits < 7 || digits > 15) {
      return false;
    }
    if (m.startsWith("+") || m.startsWith("00")) {
      return digits >= 8;
    }
    if (m.startsWith("0") || m.startsWith("(0")) {
      return digits >= 9;
    }
    return NANP.matcher(m).matches() || LOCAL_SHORT.matcher(m).matches();
  }

  private static void addPlaces(List<Candidate> out, List<MatchResult> matches, String s) {
    for (MatchResult m : matches) {
      int end = trimEnd(s, m.start(), m.end());
      String what = s.substring(m.start(), end);
      if (what.startsWith("office") && what.endsWith("365")) {
        continue;
      }
      out.add(new Candidate(Detail.PLACE, m.start(), end, 4));
    }
  }

  /**
   * Keeps the candidates that do not overlap a better one (by priority, then length), in order of
   * start. Linear in the total length of the candidates: each keeps its chars in a mask.
   */
  private static List<Detected> resolve(List<Candidate> found, int length) {
    found.sort(
        Comparator.comparingInt(Candidate::priority)
            .thenComparing(Comparator.comparingInt((Candidate c) -> c.end() - c.start()).reversed())
            .thenComparingInt(Candidate::start));
    boolean[] taken = new boolean[length];
    List<Candidate> kept = new ArrayList<>();
    for (Candidate c : found) {
      boolean free = true;
      for (int i = c.start(); i < c.end() && free; i++) {
        free = !taken[i];
      }
      if (free) {
        for (int i = c.start(); i < c.end(); i++) {
          taken[i] = true;
        }
        kept.add(c);
      }
    }
    kept.sort(Comparator.comparingInt(Candidate::start));
    List<Detected> out = new ArrayList<>(kept.size());
    for (Candidate c : kept) {
      out.add(new Detected(c.detail(), c.start(), c.end()));
    }
    return out;
  }
}
