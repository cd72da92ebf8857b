package org.ombuds.anonymity;

import com.ibm.icu.text.SpoofChecker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds known names, pseudonyms, e-mail addresses, handles and phone numbers in a text, in any
 * spelling someone might use to slip them past a check: the exit check's matcher (DESIGN.md rule
 * 8). Separate from the estimate's {@code Names} on purpose: the estimate weighs what a reader
 * could guess, this matcher decides whether a text may leave at all, so it also looks through
 * deliberate disguises.
 *
 * <p>What counts as the same word, after normalisation of text and names alike:
 *
 * <ul>
 *   <li>case and accents ("HÉLÈNE", "Helene"), compatibility forms (full-width "Ｈｅｌｅｎｅ"), letters
 *       spelled out ("Strauß" as "Strauss", "Müller" as "Mueller"), invisible characters (soft
 *       hyphen, zero-width space), as {@link Folded} does for the estimate;
 *   <li>Unicode confusables: every other character is replaced by its Unicode TR39 skeleton (ICU's
 *       {@link SpoofChecker#getSkeleton}), so Cyrillic "Мike Stоne" is "mike stone";
 *   <li>a word broken by a hyphen, also across a line break ("Hél-\nène", "Du-bois" for "Dubois");
 *   <li>letters spaced or dotted ("M i k e", "M.i.k.e", "M. I. K. E.");
 *   <li>digits and symbols for letters ("H3l3n3", "Ingr1d", "H@ns", "$tone"): 0 o, 1 i/l, 3 e, 4 a,
 *       5 s, 7 t, 8 b, 9 g, @ a, $ s, ! i, | l;
 *   <li>possessives with or without apostrophe ("Ingrid's", "Ingrid’s", "Ingrids");
 *   <li>e-mail local parts and handles ("mike.stone@example.org", "@mstone", "m_stone" for "Mike
 *       Stone": the whole name, first+last, last+first, initial+last, or a part that is one of the
 *       name's words), and the e-mail addresses, handles and phone numbers on file themselves.
 * </ul>
 *
 * <p>What does not count: a name inside a longer word ("Ann" in "Announcement", "Jane" in "Janet"):
 * names match whole tokens of the normalised text only; the fuzzy forms (joined pieces, digits for
 * letters, possessive without apostrophe) need at least {@link #MIN_FUZZY} letters; a name that is
 * also an ordinary word ("Will", "Rose", "Mark") or has two letters ("Al") counts written plainly
 * only with a capital letter or an asterisk, as in the estimate.
 *
 * <p>ICU4J is a library, not a framework: it holds Unicode's confusables data, which the JDK does
 * not have, and is used here for that one table. {@code AnonymityPackagePurityTest} allows it.
 *
 * <p>Built once per set of known entries ({@link #of}); {@link #find} is linear in the text times
 * the small number of joins tried at each word.
 */
public final class NameMatcher {
  /**
   * Fuzzy forms (joined, digits for letters, possessive without apostrophe): at least this long.
   */
  public static final int MIN_FUZZY = 4;

  /** At most this many spaced or dotted letters are joined into one word. */
  private static final int MAX_SPACED = 24;

  /** At most this many hyphenated pieces are joined into one word. */
  private static final int MAX_HYPHENATED = 4;

  /** What a known entry is. */
  public enum Kind {
    /** A real name: first, last, or full. */
    NAME,
    /** The office's pseudonym ("Jane*"). */
    PSEUDONYM,
    /** An e-mail address on file. */
    EMAIL,
    /** A handle on file ("@mstone"). */
    HANDLE,
    /** A phone number on file. */
    PHONE
  }

  /**
   * Something on file to look for.
   *
   * @param owner the caller's index of whom it belongs to (reported back with each match)
   */
  public record Known(int owner, Kind kind, String text) {
    public Known {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(text, "text");
      if (text.length() > Person.MAX_LENGTH) {
        throw new IllegalArgumentException(
            "A known entry has at most " + Person.MAX_LENGTH + " characters.");
      }
    }

    @Override
    public String toString() {
      return "Known[" + owner + ", " + kind + ", REDACTED]";
    }
  }

  /**
   * One match: whose entry, of which kind, where in the text ({@code [start, end)} of the original
   * text) and the text's own words there.
   */
  public record Match(int owner, Kind kind, int start, int end, String excerpt) {}

  private record Target(int owner, Kind kind, boolean plainNeedsCapital) {}

  private final Map<String, List<Target>> words = new HashMap<>();
  private final Map<String, List<Target>> loose = new HashMap<>();
  private final Map<String, List<Target>> handles = new HashMap<>();
  private final Map<String, List<Target>> addresses = new HashMap<>();
  private final Map<String, List<Target>> phones = new HashMap<>();

  private NameMatcher() {}

  /** A matcher for {@code known}. */
  public static NameMatcher of(List<Known> known) {
    NameMatcher m = new NameMatcher();
    for (Known k : known) {
      switch (k.kind()) {
        case NAME, PSEUDONYM -> m.addName(k);
        case EMAIL -> m.addEmail(k);
        case HANDLE -> m.addHandle(k.owner(), k.kind(), body(normalize(k.text()).text));
        case PHONE -> {
          String digits = digits(k.text());
          if (digits.length() >= 7) {
            put(m.phones, phoneKey(digits), new Target(k.owner(), Kind.PHONE, false));
          }
        }
      }
    }
    return m;
  }

  // ---------------------------------------------------------------- known entries

  private void addName(Known k) {
    String raw = k.text().replace("\\", "").replace("*", " ");
    Set<String> forms = new LinkedHashSet<>();
    forms.add(raw);
    forms.add(Names.spelledOut(raw));
    for (String form : forms) {
      List<String> tokens = tokens(normalize(form).text);
      if (tokens.isEmpty()) {
        continue;
      }
      long nameWords = tokens.stream().filter(t -> !Lexicon.PARTICLES.contains(t)).count();
      List<String> significant = new ArrayList<>();
      for (String t : tokens) {
        if (t.length() < 2 || (nameWords > 0 && Lexicon.PARTICLES.contains(t))) {
          continue;
        }
        significant.add(t);
        boolean capital = t.length() < 3 || Lexicon.ORDINARY_WORDS.contains(t);
        addWord(t, new Target(k.owner(), k.kind(), capital));
      }
      // Runs written together: "DuboisMartin", "delacruz", "obrien".
      for (int from = 0; from < tokens.size(); from++) {
        StringBuilder run = new StringBuilder(tokens.get(from));
        for (int to = from + 1; to < tokens.size(); to++) {
          run.append(tokens.get(to));
          addWord(run.toString(), new Target(k.owner(), k.kind(), false));
        }
      }
      // The ways people turn a name into an e-mail local part or a handle.
      if (!significant.isEmpty()) {
        String first = significant.get(0);
        String last = significant.get(significant.size() - 1);
        Target t = new Target(k.owner(), k.kind(), false);
        put(handles, String.join("", significant), t);
        if (significant.size() > 1) {
          put(handles, first + last, t);
          put(handles, last + first, t);
          if (last.length() >= 3) {
            put(handles, first.charAt(0) + last, t);
            put(handles, last + first.charAt(0), t);
          }
        }
      }
    }
  }

  private void addWord(String word, Target t) {
    put(words, word, t);
    if (word.length() >= MIN_FUZZY) {
      put(loose, loosen(word), t);
    }
  }

  private void addEmail(Known k) {
    String address = normalize(k.text().strip()).text;
    int at = address.lastIndexOf('@');
    if (at <= 0) {
      // Not an address: try it as a handle.
      addHandle(k.owner(), Kind.EMAIL, body(address));
      return;
    }
    put(addresses, address, new Target(k.owner(), Kind.EMAIL, false));
    addHandle(k.owner(), Kind.EMAIL, body(address.substring(0, at)));
  }

  private void addHandle(int owner, Kind kind, String body) {
    if (body.length() >= 3) {
      put(handles, body, new Target(owner, kind, false));
    }
  }

  private static <T> void put(Map<String, List<T>> map, String key, T value) {
    map.computeIfAbsent(key, x -> new ArrayList<>()).add(value);
  }

  // ---------------------------------------------------------------- finding

  /** Every match in {@code text}, by start, without duplicates. */
  public List<Match> find(String text) {
    Norm n = normalize(text);
    Set<Match> out = new LinkedHashSet<>();
    boolean[] masked = new boolean[text.length() + 1];
    findContacts(text, masked, out);
    findWords(text, n, masked, out);
    List<Match> sorted = new ArrayList<>(out);
    sorted.sort(
        (a, b) ->
            a.start() != b.start()
                ? Integer.compare(a.start(), b.start())
                : a.end() != b.end()
                    ? Integer.compare(a.end(), b.end())
                    : Integer.compare(a.owner(), b.owner()));
    return sorted;
  }

  /** E-mail addresses, handles and phone numbers, found by the estimate's detectors. */
  private void findContacts(String text, boolean[] masked, Set<Match> out) {
    Folded f = Folded.of(text);
    for (Detectors.Detected d : Detectors.find(f)) {
      int os = f.originalStart(d.start());
      int oe = f.originalEnd(d.end());
      String shape = normalize(text.substring(os, oe)).text;
      List<Target> hits = new ArrayList<>();
      Kind kind;
      switch (d.detail()) {
        case EMAIL -> {
          kind = Kind.EMAIL;
          hits.addAll(addresses.getOrDefault(shape.replace(" ", ""), List.of()));
          int local = 0;
          while (local < shape.length() && isLocal(shape.charAt(local))) {
            local++;
          }
          hits.addAll(handleTargets(shape.substring(0, local)));
        }
        case HANDLE -> {
          kind = Kind.HANDLE;
          hits.addAll(handleTargets(shape));
        }
        case PHONE -> {
          kind = Kind.PHONE;
          String digits = digits(shape);
          if (digits.length() >= 7) {
            hits.addAll(phones.getOrDefault(phoneKey(digits), List.of()));
          }
        }
        default -> {
          continue;
        }
      }
      if (kind != Kind.PHONE) {
        // The words of an address or handle are looked at here, not again as words.
        Arrays.fill(masked, os, oe, true);
      }
      for (Target t : hits) {
        out.add(new Match(t.owner(), kind, os, oe, text.substring(os, oe)));
      }
    }
  }

  /** The targets an e-mail local part or handle stands for. */
  private List<Target> handleTargets(String raw) {
    List<Target> hits = new ArrayList<>();
    String whole = body(raw);
    String noDigits = stripTrailingDigits(whole);
    for (String key : new LinkedHashSet<>(List.of(whole, noDigits))) {
      hits.addAll(handles.getOrDefault(key, List.of()));
    }
    for (String part : raw.split("[^a-z0-9]+")) {
      String p = stripTrailingDigits(part);
      if (p.length() >= 3) {
        for (Target t : words.getOrDefault(p, List.of())) {
          hits.add(t);
        }
      }
    }
    return hits;
  }

  private void findWords(String text, Norm n, boolean[] masked, Set<Match> out) {
    List<Tok> toks = wordTokens(n, masked);
    for (int i = 0; i < toks.size(); i++) {
      Tok first = toks.get(i);
      // The word itself, plain or in digits and symbols.
      match(text, n, first, first, first.word, false, out);
      // Hyphenated pieces ("Du-bois", "Hél-\nène"), and spaced or dotted letters ("M i k e").
      StringBuilder joined = new StringBuilder(first.word);
      boolean single = first.word.length() == 1;
      for (int j = i + 1; j < toks.size() && j - i < MAX_SPACED; j++) {
        Tok prev = toks.get(j - 1);
        Tok next = toks.get(j);
        String sep = n.text.substring(prev.end, next.start);
        boolean hyphen = isHyphenBreak(sep) && j - i < MAX_HYPHENATED;
        single = single && next.word.length() == 1;
        boolean spaced = single && isLetterSpacing(sep);
        if (!hyphen && !spaced) {
          break;
        }
        joined.append(next.word);
        if (joined.length() >= 3) {
          match(text, n, first, next, joined.toString(), true, out);
        }
      }
    }
  }

  /** Looks {@code word} (the tokens {@code from} to {@code to}) up, in every allowed form. */
  private void match(
      String text, Norm n, Tok from, Tok to, String word, boolean joined, Set<Match> out) {
    int os = n.from[from.start];
    int oe = n.originalEnd(to.end, text);
    boolean leet = hasLeet(word);
    List<Target> hits = new ArrayList<>();
    if (!leet) {
      for (Target t : words.getOrDefault(word, List.of())) {
        if (joined || !t.plainNeedsCapital() || capitalOrStarred(text, os, oe)) {
          hits.add(t);
        }
      }
      if (word.length() > MIN_FUZZY && word.endsWith("s")) {
        // "Ingrids": a possessive without its apostrophe, written as a name (not "stones").
        String stem = word.substring(0, word.length() - 1);
        for (Target t : words.getOrDefault(stem, List.of())) {
          if (stem.length() >= MIN_FUZZY && (joined || capitalOrStarred(text, os, oe))) {
            hits.add(t);
          }
        }
      }
    } else if (hasLetter(word)) {
      // "Mike2": a name with a number after it.
      String stem = stripTrailingDigits(word);
      if (stem.length() >= MIN_FUZZY && !hasLeet(stem)) {
        hits.addAll(words.getOrDefault(stem, List.of()));
      }
      String l = loosen(deleet(word));
      if (l.length() >= MIN_FUZZY) {
        hits.addAll(loose.getOrDefault(l, List.of()));
        if (l.endsWith("s")) {
          hits.addAll(loose.getOrDefault(l.substring(0, l.length() - 1), List.of()));
        }
      }
    }
    for (Target t : hits) {
      out.add(new Match(t.owner(), t.kind(), os, oe, text.substring(os, oe)));
    }
  }

  private static boolean capitalOrStarred(String text, int os, int oe) {
    int cp = text.codePointAt(os);
    if (Character.isUpperCase(cp) || Character.isTitleCase(cp)) {
      return true;
    }
    int i = oe;
    if (i < text.length() && text.charAt(i) == '\\') {
      i++;
    }
    return i < text.length() && "*∗⁎✱＊".indexOf(text.charAt(i)) >= 0;
  }

  /** A hyphen that breaks one word: "-", " - ", "-\n", "-\r\n ". */
  private static boolean isHyphenBreak(String sep) {
    int hyphens = 0;
    int breaks = 0;
    for (int i = 0; i < sep.length(); i++) {
      char c = sep.charAt(i);
      if (c == '-') {
        hyphens++;
      } else if (c == '\n') {
        breaks++;
      } else if (c != ' ' && c != '\t' && c != '\r') {
        return false;
      }
    }
    return hyphens == 1 && breaks <= 1 && sep.length() <= 6;
  }

  /** What separates spaced or dotted letters: " ", ".", ". ", "_", "-". */
  private static boolean isLetterSpacing(String sep) {
    if (sep.isEmpty() || sep.length() > 2) {
      return false;
    }
    for (int i = 0; i < sep.length(); i++) {
      char c = sep.charAt(i);
      if (c != ' ' && c != '.' && c != '_' && c != '-' && c != '\u00A0') {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- tokens

  private record Tok(int start, int end, String word) {}

  /**
   * The words of the normalised text: runs of letters, digits and the symbols that stand for
   * letters, without a leading or trailing "!" or "|" ("Hello!" is {@code hello}), outside {@code
   * masked} original spans.
   */
  private static List<Tok> wordTokens(Norm n, boolean[] masked) {
    List<Tok> out = new ArrayList<>();
    String s = n.text;
    int i = 0;
    while (i < s.length()) {
      if (!isWordChar(s.charAt(i)) || masked[n.from[i]]) {
        i++;
        continue;
      }
      int st = i;
      while (i < s.length() && isWordChar(s.charAt(i)) && !masked[n.from[i]]) {
        i++;
      }
      int a = st;
      int b = i;
      while (a < b && isPunctuation(s.charAt(a))) {
        a++;
      }
      while (b > a && (isPunctuation(s.charAt(b - 1)) || s.charAt(b - 1) == '@')) {
        b--;
      }
      if (a < b) {
        out.add(new Tok(a, b, s.substring(a, b)));
      }
    }
    return out;
  }

  /** The tokens of a normalised name: runs of letters and digits. */
  private static List<String> tokens(String s) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      if (!Character.isLetterOrDigit(s.charAt(i))) {
        i++;
        continue;
      }
      int st = i;
      while (i < s.length() && Character.isLetterOrDigit(s.charAt(i))) {
        i++;
      }
      out.add(s.substring(st, i));
    }
    return out;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || isSymbol(c);
  }

  private static boolean isSymbol(char c) {
    return c == '@' || c == '$' || c == '!' || c == '|';
  }

  /** The symbols that, at the edge of a word, are punctuation rather than a letter. */
  private static boolean isPunctuation(char c) {
    return c == '!' || c == '|';
  }

  private static boolean hasLeet(String w) {
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if ((c >= '0' && c <= '9') || isSymbol(c)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasLetter(String w) {
    for (int i = 0; i < w.length(); i++) {
      if (Character.isLetter(w.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** Digits and symbols read as the letters they stand for. */
  static String deleet(String w) {
    StringBuilder sb = new StringBuilder(w.length());
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      sb.append(
          switch (c) {
            case '0' -> 'o';
            case '1', '!', '|' -> 'i';
            case '2' -> 'z';
            case '3' -> 'e';
            case '4', '@' -> 'a';
            case '5', '$' -> 's';
            case '6', '9' -> 'g';
            case '7' -> 't';
            case '8' -> 'b';
            default -> c;
          });
    }
    return sb.toString();
  }

  /** The form in which 1, i, l and | are one letter, so "Ingr1d" and "lngrid" compare equal. */
  private static String loosen(String w) {
    return w.replace('l', 'i');
  }

  /** A local part or handle as one word: without '@', dots, dashes, underscores or plus signs. */
  private static String body(String raw) {
    StringBuilder sb = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String stripTrailingDigits(String s) {
    int e = s.length();
    while (e > 0 && Character.isDigit(s.charAt(e - 1))) {
      e--;
    }
    return s.substring(0, e);
  }

  private static boolean isLocal(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "._%+-".indexOf(c) >= 0;
  }

  private static String digits(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** A phone number by its last nine digits: "+41 79 ..." and "079 ..." are the same number. */
  private static String phoneKey(String digits) {
    return digits.length() <= 9 ? digits : digits.substring(digits.length() - 9);
  }

  // ---------------------------------------------------------------- normalisation

  /** A normalised text with, for each of its chars, the original offset it comes from. */
  private static final class Norm {
    final String text;
    final int[] from;
    final int[] to;

    Norm(String text, int[] from, int[] to) {
      this.text = text;
      this.from = from;
      this.to = to;
    }

    /** The original offset after the normalised chars before {@code end}, with trailing marks. */
    int originalEnd(int end, String original) {
      int e = to[end - 1];
      while (e < original.length()) {
        int cp = original.codePointAt(e);
        int type = Character.getType(cp);
        if (type != Character.NON_SPACING_MARK
            && type != Character.COMBINING_SPACING_MARK
            && type != Character.ENCLOSING_MARK) {
          break;
        }
        e += Character.charCount(cp);
      }
      return e;
    }
  }

  private static final SpoofChecker SPOOF = new SpoofChecker.Builder().build();
  private static final Map<Integer, String> CACHE = new ConcurrentHashMap<>();

  private static Norm normalize(String text) {
    int n = text.length();
    StringBuilder sb = new StringBuilder(n + 8);
    int[] from = new int[n + 8];
    int[] to = new int[n + 8];
    int len = 0;
    int i = 0;
    while (i < n) {
      int cp = text.codePointAt(i);
      int next = i + Character.charCount(cp);
      String f;
      if (cp < 0x80) {
        f = String.valueOf((char) (cp >= 'A' && cp <= 'Z' ? cp + 32 : cp));
      } else {
        f = CACHE.computeIfAbsent(cp, NameMatcher::normalizeCodePoint);
      }
      for (int k = 0; k < f.length(); k++) {
        if (len == from.length) {
          from = Arrays.copyOf(from, len * 2);
          to = Arrays.copyOf(to, len * 2);
        }
        from[len] = i;
        to[len] = next;
        sb.append(f.charAt(k));
        len++;
      }
      i = next;
    }
    return new Norm(sb.toString(), from, to);
  }

  /**
   * One non-ASCII character, normalised: folded as the estimate folds it when that gives ASCII ("é"
   * e, "ß" ss, "Ｍ" m); otherwise its TR39 skeleton, preferring the skeleton of its lower case
   * (Cyrillic "і" i) and falling back to that of the character itself (Cyrillic "М" M, whose lower
   * case has no Latin look-alike), lower-cased and folded.
   */
  private static String normalizeCodePoint(int cp) {
    String folded = Folded.fold(cp);
    if (isAscii(folded)) {
      return folded;
    }
    int lower = Character.toLowerCase(cp);
    for (int c : new int[] {lower, cp}) {
      String skeleton = foldAll(SPOOF.getSkeleton(Character.toString(c)));
      if (isAscii(skeleton) && !skeleton.isEmpty()) {
        return skeleton;
      }
    }
    return folded;
  }

  private static String foldAll(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints().forEach(c -> sb.append(c < 0x80 ? foldAscii(c) : Folded.fold(c)));
    return sb.toString();
  }

  private static String foldAscii(int c) {
    return String.valueOf((char) (c >= 'A' && c <= 'Z' ? c + 32 : c));
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
