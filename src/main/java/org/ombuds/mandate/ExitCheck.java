package org.ombuds.mandate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.ombuds.anonymity.NameMatcher;
import org.ombuds.audit.AuditEvent;
import org.ombuds.audit.AuditKind;
import org.ombuds.audit.AuditLog;
import org.ombuds.casefile.CaseService;
import org.ombuds.common.Transactions;

/**
 * The exit check (DESIGN.md rule 8): before free text leaves the office by any door (a story, the
 * annual report's own texts, a reply in the portal, the letterhead), it is checked against the
 * names, pseudonyms, e-mail addresses, handles and phone numbers on file in every open case of the
 * office, in any spelling ({@link NameMatcher}). The cases the author is recused from are checked
 * too: a text must not name someone the office is helping, whoever writes it.
 *
 * <p>What is on file: every person of every open case ({@link CaseService#namesOfOpenCases}: real
 * name and pseudonym), and what visitors gave in the portal (the name and the way to reach them,
 * {@link ContactsOnFile}) in threads linked to an open case or not linked yet (a visitor writing to
 * the office is someone it is helping now). Case content is encrypted per case, so the check runs
 * while the office is unlocked, with the author's session.
 *
 * <p>A text's own matter is left out ({@link Own}): a reply in a thread may name the thread's
 * visitor and the persons of the thread's own case, who are the visitor's own matter; a story drawn
 * from a case may carry that case's pseudonyms (its real names still block).
 *
 * <h2>Recusal: the trade-off</h2>
 *
 * A match in a case the author may see is shown plainly, so it can be fixed: "'Hélène' is the name
 * of a person in one of your open cases: use a fictitious name, marked with an asterisk". A match
 * in a case the author is recused from cannot be shown without telling the author that the name is
 * on file, and cannot be let through without publishing the name. The check blocks it, and:
 *
 * <ul>
 *   <li>answers with {@link #GENERIC}, the same text whatever matched: it names no word, no case,
 *       no person and no kind of detail, and is the same for every hidden match, so it tells only
 *       that something in the text may identify someone the office is helping (which is why the
 *       text must be rewritten with fictitious names anyway);
 *   <li>audits the refusal ({@link AuditKind#EXIT_REFUSED}, ids only: the author, the exit and its
 *       subject, and {@code hidden});
 *   <li>tells the case's other Ombuds: each recused case that matched raises an alert on their
 *       dashboard ({@link HiddenMatchSink}, an alert with the case id only and no text), which the
 *       recused author does not see. So probing whether a name is on file (one word at a time) is
 *       possible, but each probe is recorded and shown to the colleagues who handle the case.
 * </ul>
 *
 * A refusal for the same author, exit, subject and text is recorded once (repeated page views do
 * not flood the log and the dashboard); a changed text is a new probe.
 */
public final class ExitCheck {
  /** The refusal for a match the author may not see; also what is said when matches are hidden. */
  public static final String GENERIC =
      "This text may identify a person the office is helping now, so it cannot leave the office as"
          + " written. Replace every real name, e-mail address, handle and phone number with a"
          + " fictitious name marked with an asterisk (Jane*), then try again.";

  /** The doors free text leaves by. */
  public enum Exit {
    STORY("story"),
    REPORT("report"),
    REPLY("reply"),
    LETTERHEAD("letterhead");

    private final String code;

    Exit(String code) {
      this.code = code;
    }

    /** The identifier used in the audit log. */
    public String code() {
      return code;
    }
  }

  /**
   * What a visitor gave in a portal thread.
   *
   * @param caseId the case the thread is linked to, if any
   * @param personId the person of that case the thread is linked to, if any
   */
  public record Contact(
      String threadId,
      Optional<String> caseId,
      Optional<String> personId,
      Optional<String> name,
      Optional<String> reachAt) {
    @Override
    public String toString() {
      return "Contact[REDACTED]";
    }
  }

  /** The portal's names and ways to reach, read while the office is unlocked. */
  @FunctionalInterface
  public interface ContactsOnFile {
    List<Contact> all();
  }

  /** Tells the other Ombuds of a case that a text was refused for matching it. */
  @FunctionalInterface
  public interface HiddenMatchSink {
    void hiddenMatch(String caseId);
  }

  /**
   * The text's own matter, left out of the check.
   *
   * @param caseId the case the text is about (a thread's linked case, a story's case)
   * @param threadId the portal thread the text is written in
   * @param pseudonymsOnly whether only the own case's pseudonyms are left out (a story: its real
   *     names still block) rather than everything on file for it (a reply to its visitor)
   */
  public record Own(Optional<String> caseId, Optional<String> threadId, boolean pseudonymsOnly) {
    /** Nothing of the office is the text's own. */
    public static final Own NONE = new Own(Optional.empty(), Optional.empty(), false);

    /** A reply in {@code threadId}, linked to {@code caseId} if present. */
    public static Own thread(String threadId, Optional<String> caseId) {
      return new Own(caseId, Optional.of(threadId), false);
    }

    /** A story drawn from {@code caseId}: its pseudonyms may appear, not its real names. */
    public static Own story(String caseId) {
      return new Own(Optional.of(caseId), Optional.empty(), true);
    }
  }

  /**
   * One match the author may be shown.
   *
   * @param pseudonym the matched person's pseudonym, "" for a visitor not yet in a case
   * @param byPseudonym whether the text named the pseudonym rather than the real person
   * @param reason what to do about it, in plain words
   */
  public record Shown(
      int start, int end, String excerpt, String pseudonym, boolean byPseudonym, String reason) {}

  /** What the check came to for one exact text. Only the check makes one. */
  public static final class Verdict {
    private final String text;
    private final List<Shown> shown;
    private final boolean hidden;
    private final Set<String> hiddenCases;

    private Verdict(String text, List<Shown> shown, Set<String> hiddenCases) {
      this.text = text;
      this.shown = List.copyOf(shown);
      this.hiddenCases = Set.copyOf(hiddenCases);
      this.hidden = !hiddenCases.isEmpty();
    }

    /** Whether {@code text}, exactly, may leave: it is the text checked and nothing matched. */
    public boolean clears(String candidate) {
      return shown.isEmpty() && !hidden && text.equals(candidate);
    }

    /** The matches the author may see (none for a match in a case they are recused from). */
    public List<Shown> shown() {
      return shown;
    }

    /** The refusal in plain words; empty when cleared. */
    public String message() {
      if (shown.isEmpty()) {
        return hidden ? GENERIC : "";
      }
      String first = shown.get(0).reason();
      return shown.size() == 1
          ? first
          : first + " " + (shown.size() - 1) + " more in the list: change them too.";
    }

    @Override
    public String toString() {
      return "Verdict[shown=" + shown.size() + ", REDACTED]";
    }
  }

  /** The refusal of a text at an exit: 409 {@code open_case_match}, with the matches shown. */
  public static final class Refused extends MandateException {
    private static final long serialVersionUID = 1L;
    private final transient List<Shown> shown;

    Refused(Verdict v) {
      super(409, "open_case_match", v.message());
      this.shown = v.shown();
    }

    public List<Shown> shown() {
      return shown;
    }
  }

  private static final int REMEMBERED = 1024;

  private final CaseService cases;
  private final AuditLog audit;
  private final Transactions tx;
  private final Supplier<? extends ContactsOnFile> contacts;
  private final Supplier<? extends HiddenMatchSink> sink;
  private final Map<String, Boolean> recorded =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
              return size() > REMEMBERED;
            }
          });

  /**
   * @param contacts where the portal's names and ways to reach come from (the portal is made after
   *     this check, so it is bound later: see {@link org.ombuds.common.Late})
   * @param sink who is told of a match in a case the author is recused from
   */
  public ExitCheck(
      CaseService cases,
      AuditLog audit,
      Transactions tx,
      Supplier<? extends ContactsOnFile> contacts,
      Supplier<? extends HiddenMatchSink> sink) {
    this.cases = Objects.requireNonNull(cases, "cases");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.tx = Objects.requireNonNull(tx, "tx");
    this.contacts = Objects.requireNonNull(contacts, "contacts");
    this.sink = Objects.requireNonNull(sink, "sink");
  }

  /**
   * Checks {@code text} before it leaves by {@code exit}. A refusal is recorded (audited; a match
   * hidden from the author alerts the case's other Ombuds) once per author, exit, subject and text.
   *
   * @param subjectId what leaves: a story's id, a report's year, a thread's id, "office"
   */
  public Verdict check(String actorId, Exit exit, String subjectId, String text, Own own) {
    Verdict v = judge(text, onFile(actorId, own));
    if (!v.shown.isEmpty() || !v.hiddenCases.isEmpty()) {
      record(actorId, exit, subjectId, text, v.shown.isEmpty() ? "" : "shown", v.hiddenCases);
    }
    return v;
  }

  /**
   * One thing on file to look for.
   *
   * @param caseId the open case it belongs to ("" for a portal visitor not yet in a case)
   * @param pseudonym the person's pseudonym, shown with a match ("" when none)
   * @param visible whether the author may see the case; a match in a case they may not see is
   *     hidden from them
   * @param kind what {@code text} is
   */
  public record OnFile(
      String caseId, String pseudonym, boolean visible, NameMatcher.Kind kind, String text) {
    @Override
    public String toString() {
      return "OnFile[REDACTED]";
    }
  }

  /** Everything on file that {@code text} must not name, less the text's own matter. */
  private List<OnFile> onFile(String actorId, Own own) {
    List<OnFile> out = new ArrayList<>();
    Map<String, Boolean> openCases = new LinkedHashMap<>();
    Map<String, String> pseudonyms = new LinkedHashMap<>();
    for (CaseService.NameOnFile n : cases.namesOfOpenCases(actorId)) {
      openCases.put(n.caseId(), n.visible());
      pseudonyms.put(n.caseId() + "/" + n.personId(), n.pseudonym());
      boolean ownCase = own.caseId().filter(n.caseId()::equals).isPresent();
      if (ownCase && !own.pseudonymsOnly()) {
        continue;
      }
      if (!n.name().isBlank()) {
        out.add(
            new OnFile(n.caseId(), n.pseudonym(), n.visible(), NameMatcher.Kind.NAME, n.name()));
      }
      if (!ownCase && !n.pseudonym().isBlank()) {
        out.add(
            new OnFile(
                n.caseId(), n.pseudonym(), n.visible(), NameMatcher.Kind.PSEUDONYM, n.pseudonym()));
      }
    }
    for (Contact c : contacts.get().all()) {
      if (own.threadId().filter(c.threadId()::equals).isPresent()) {
        continue;
      }
      if (c.caseId().isPresent() && !openCases.containsKey(c.caseId().get())) {
        continue; // the thread of a closed case: nothing of it is on file any more
      }
      boolean ownCase = c.caseId().isPresent() && own.caseId().equals(c.caseId());
      if (ownCase && !own.pseudonymsOnly()) {
        continue;
      }
      String caseId = c.caseId().orElse("");
      boolean visible = c.caseId().map(openCases::get).orElse(true);
      String pseudonym =
          c.caseId()
              .flatMap(cid -> c.personId().map(pid -> pseudonyms.getOrDefault(cid + "/" + pid, "")))
              .orElse("");
      c.name()
          .filter(x -> !x.isBlank() && x.length() <= 200)
          .ifPresent(
              x -> out.add(new OnFile(caseId, pseudonym, visible, NameMatcher.Kind.NAME, x)));
      c.reachAt()
          .filter(x -> !x.isBlank() && x.length() <= 200)
          .ifPresent(x -> out.add(new OnFile(caseId, pseudonym, visible, reachKind(x), x)));
    }
    return out;
  }

  /**
   * The verdict on {@code text} against {@code onFile}: a pure function, which {@link #check}
   * applies to what is on file now (tests call it directly). Nothing is recorded.
   */
  public static Verdict judge(String text, List<OnFile> onFile) {
    List<NameMatcher.Known> known = new ArrayList<>();
    for (int i = 0; i < onFile.size(); i++) {
      known.add(new NameMatcher.Known(i, onFile.get(i).kind(), onFile.get(i).text()));
    }
    List<Shown> shown = new ArrayList<>();
    Set<String> hiddenCases = new LinkedHashSet<>();
    Set<String> seen = new LinkedHashSet<>();
    for (NameMatcher.Match m : NameMatcher.of(known).find(text)) {
      OnFile o = onFile.get(m.owner());
      if (!o.visible()) {
        hiddenCases.add(o.caseId());
        continue;
      }
      if (seen.add(m.start() + ":" + m.end() + ":" + o.pseudonym())) {
        shown.add(
            new Shown(
                m.start(),
                m.end(),
                m.excerpt(),
                o.pseudonym(),
                m.kind() == NameMatcher.Kind.PSEUDONYM,
                reason(m.kind(), m.excerpt())));
      }
    }
    return new Verdict(text, shown, hiddenCases);
  }

  /**
   * Checks {@code text} and refuses it if anything matched.
   *
   * @throws Refused 409 {@code open_case_match}, with the matches the author may see
   */
  public void require(String actorId, Exit exit, String subjectId, String text, Own own) {
    Verdict v = check(actorId, exit, subjectId, text, own);
    if (!v.clears(text)) {
      throw new Refused(v);
    }
  }

  private static NameMatcher.Kind reachKind(String reach) {
    String s = reach.strip();
    if (s.contains("@") && !s.startsWith("@")) {
      return NameMatcher.Kind.EMAIL;
    }
    if (s.startsWith("@")) {
      return NameMatcher.Kind.HANDLE;
    }
    long digits = s.chars().filter(Character::isDigit).count();
    return digits >= 7 ? NameMatcher.Kind.PHONE : NameMatcher.Kind.HANDLE;
  }

  private static String reason(NameMatcher.Kind kind, String excerpt) {
    String q = "'" + excerpt.replaceAll("\\s+", " ").strip() + "'";
    return switch (kind) {
      case NAME ->
          q
              + " is the name of a person in one of your open cases: use a fictitious name, marked"
              + " with an asterisk (Jane*).";
      case PSEUDONYM ->
          q
              + " is the pseudonym of a person in one of your open cases: choose another fictitious"
              + " name, marked with an asterisk.";
      case EMAIL ->
          q
              + " is, or looks like, the e-mail address of a person in one of your open cases:"
              + " leave it out.";
      case HANDLE ->
          q
              + " is, or looks like, a handle of a person in one of your open cases: leave it"
              + " out.";
      case PHONE -> q + " is the phone number of a person in one of your open cases: leave it out.";
    };
  }

  /** Audits a refusal and tells the other Ombuds of each hidden case, once per text. */
  private void record(
      String actorId,
      Exit exit,
      String subjectId,
      String text,
      String shownPart,
      Set<String> hiddenCases) {
    String key = digest(actorId + "\u0000" + exit + "\u0000" + subjectId + "\u0000" + text);
    if (recorded.putIfAbsent(key, Boolean.TRUE) != null) {
      return;
    }
    String outcome =
        hiddenCases.isEmpty() ? shownPart : shownPart.isEmpty() ? "hidden" : shownPart + "-hidden";
    String subject = AuditEvent.isIdentifier(subjectId) ? subjectId : "invalid";
    tx.run(
        () ->
            audit.append(
                new AuditEvent(
                    AuditKind.EXIT_REFUSED, actorId, exit.code() + ":" + subject, outcome)));
    HiddenMatchSink to = sink.get();
    hiddenCases.forEach(to::hiddenMatch);
  }

  private static String digest(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
