package org.ombuds.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ombuds.mandate.RiskView;

/**
 * The anonymity estimate of one text as the Ombuds reads it, in the page's language: the level with
 * what it means, how many people in the unit fit, the text with each detail marked, each finding
 * with its reason, and the suggestions.
 *
 * <p>The estimator explains itself in English only. English pages show its own sentences (they
 * quote the numbers of the unit); French pages show one explanation and one suggestion per kind of
 * finding from the message bundle, quoting the same excerpts.
 */
public final class RiskPanel {
  /** At most this many excerpts are quoted in one French suggestion. */
  private static final int QUOTED = 4;

  /** The order suggestions are given in: what identifies first, the context last. */
  private static final List<String> SUGGESTION_ORDER =
      List.of(
          "NAMED",
          "NAME",
          "CONTACT",
          "SINGLING_OUT",
          "UNIT",
          "PLACE",
          "GENDERED_WORD",
          "SENIORITY_WORD",
          "DATE",
          "OTHER",
          "SMALL_UNIT",
          "REPEATED_RECIPIENT",
          "SOON_AFTER_CONTACT");

  private static final Set<String> KNOWN_KINDS =
      Set.of(
          "NAMED",
          "NAME",
          "PSEUDONYM",
          "EMAIL",
          "PHONE",
          "ID_NUMBER",
          "DATE",
          "GENDERED_WORD",
          "SENIORITY_WORD",
          "SINGLING_OUT",
          "SMALL_UNIT",
          "REPEATED_RECIPIENT",
          "SOON_AFTER_CONTACT",
          // Found only in stories for the publication series (stories.StoryRisk).
          "PLACE",
          "UNIT");

  /** A run of the text, marked when it is a detail the estimate found. */
  public record Segment(String text, boolean marked) {}

  /** One finding: the words found (empty for the context) and why they matter. */
  public record Item(String excerpt, String reason) {}

  private final Optional<String> level;
  private final String caption;
  private final String message;
  private final boolean named;
  private final int anonymitySet;
  private final List<Segment> segments;
  private final List<Item> findings;
  private final List<String> suggestions;

  private RiskPanel(
      Optional<String> level,
      String caption,
      String message,
      boolean named,
      int anonymitySet,
      List<Segment> segments,
      List<Item> findings,
      List<String> suggestions) {
    this.level = level;
    this.caption = caption;
    this.message = message;
    this.named = named;
    this.anonymitySet = anonymitySet;
    this.segments = List.copyOf(segments);
    this.findings = List.copyOf(findings);
    this.suggestions = List.copyOf(suggestions);
  }

  /** No estimate yet: {@code message} says why (nothing typed, nobody to protect ...). */
  static RiskPanel none(String message) {
    return new RiskPanel(Optional.empty(), "", message, false, 0, List.of(), List.of(), List.of());
  }

  /**
   * The panel of {@code risk}, the estimate of {@code text}.
   *
   * @param caption what the estimate is of: the text as typed, or a saved version
   */
  static RiskPanel of(RiskView risk, String text, I18n i18n, String caption) {
    boolean english = !"fr".equals(i18n.lang());
    boolean named = risk.findings().stream().anyMatch(f -> f.kind().equals("NAMED"));
    List<Item> items = new ArrayList<>();
    for (RiskView.FindingView f : risk.findings()) {
      String reason = english ? f.reason() : i18n.t("risk.kind." + known(f.kind()), f.excerpt());
      items.add(new Item(f.excerpt(), reason));
    }
    List<String> suggestions =
        english ? risk.suggestions() : frenchSuggestions(risk, i18n, risk.level().equals("HIGH"));
    return new RiskPanel(
        Optional.of(risk.level()),
        caption,
        "",
        named,
        risk.anonymitySet(),
        segments(text, risk.findings()),
        items,
        suggestions);
  }

  private static String known(String kind) {
    return KNOWN_KINDS.contains(kind) ? kind : "OTHER";
  }

  /** The kind of suggestion a finding calls for. */
  private static String suggestionKind(String kind) {
    return switch (kind) {
      case "NAME", "PSEUDONYM" -> "NAME";
      case "EMAIL", "PHONE", "ID_NUMBER" -> "CONTACT";
      default -> known(kind);
    };
  }

  private static List<String> frenchSuggestions(RiskView risk, I18n i18n, boolean high) {
    Map<String, Set<String>> byKind = new LinkedHashMap<>();
    for (RiskView.FindingView f : risk.findings()) {
      Set<String> quoted =
          byKind.computeIfAbsent(suggestionKind(f.kind()), k -> new LinkedHashSet<>());
      if (!f.excerpt().isEmpty()) {
        quoted.add(f.excerpt());
      }
    }
    List<String> out = new ArrayList<>();
    for (String kind : SUGGESTION_ORDER) {
      Set<String> quoted = byKind.get(kind);
      if (quoted != null) {
        out.add(i18n.t("risk.suggest." + kind, quote(quoted, i18n)));
      }
    }
    if (high) {
      out.add(i18n.t("risk.suggest.HIGH"));
    }
    return out;
  }

  private static String quote(Set<String> excerpts, I18n i18n) {
    List<String> items = new ArrayList<>(excerpts);
    int shown = Math.min(items.size(), QUOTED);
    List<String> quoted = new ArrayList<>();
    for (int i = 0; i < shown; i++) {
      quoted.add(i18n.t("risk.quote", items.get(i)));
    }
    if (items.size() > QUOTED) {
      return i18n.t("risk.listMore", String.join(", ", quoted), items.size() - QUOTED);
    }
    if (quoted.size() <= 1) {
      return String.join("", quoted);
    }
    return i18n.t(
        "risk.listLast",
        String.join(", ", quoted.subList(0, quoted.size() - 1)),
        quoted.get(quoted.size() - 1));
  }

  /** The text cut into runs, the found details marked (overlapping details merged). */
  static List<Segment> segments(String text, List<RiskView.FindingView> findings) {
    List<int[]> spans = new ArrayList<>();
    for (RiskView.FindingView f : findings) {
      if (f.start() >= 0 && f.end() > f.start() && f.end() <= text.length()) {
        spans.add(new int[] {f.start(), f.end()});
      }
    }
    spans.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]));
    List<Segment> out = new ArrayList<>();
    int at = 0;
    int i = 0;
    while (i < spans.size()) {
      int start = Math.max(spans.get(i)[0], at);
      int end = spans.get(i)[1];
      i++;
      while (i < spans.size() && spans.get(i)[0] <= end) {
        end = Math.max(end, spans.get(i)[1]);
        i++;
      }
      if (end <= start) {
        continue;
      }
      if (start > at) {
        out.add(new Segment(text.substring(at, start), false));
      }
      out.add(new Segment(text.substring(start, end), true));
      at = end;
    }
    if (at < text.length()) {
      out.add(new Segment(text.substring(at), false));
    }
    return out;
  }

  /** True when there is an estimate to show. */
  public boolean present() {
    return level.isPresent();
  }

  /** LOW, MEDIUM or HIGH; "" when there is no estimate. */
  public String level() {
    return level.orElse("");
  }

  /** The CSS class of the level. */
  public String levelClass() {
    return "risk-" + level().toLowerCase(java.util.Locale.ROOT);
  }

  /** What the estimate is of ("the text as typed", "version 2"). */
  public String caption() {
    return caption;
  }

  /** Why there is no estimate, when there is none. */
  public String message() {
    return message;
  }

  /** True for a named communication: the recipient is told who spoke. */
  public boolean named() {
    return named;
  }

  /** How many people in the unit fit what the text and its context reveal. */
  public int anonymitySet() {
    return anonymitySet;
  }

  public List<Segment> segments() {
    return segments;
  }

  /** True when some part of the text is marked. */
  public boolean marked() {
    return segments.stream().anyMatch(Segment::marked);
  }

  public List<Item> findings() {
    return findings;
  }

  public List<String> suggestions() {
    return suggestions;
  }
}
