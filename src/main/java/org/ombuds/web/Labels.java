package org.ombuds.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ombuds.casefile.Categories;
import org.ombuds.casefile.Category;

/**
 * Words and dates as the reader's language shows them: vocabulary values, IOA categories (the list
 * ships in English; its French names are in the message bundles), the office's own categories, and
 * dates in the server's time zone.
 */
public final class Labels {
  private final I18n i18n;
  private final Map<String, String> office;
  private final ZoneId zone = ZoneId.systemDefault();
  private final DateTimeFormatter dateFormat;
  private final DateTimeFormatter dateTimeFormat;

  /** One IOA category with its sub-categories, or the office's own list. */
  public record Group(String code, String name, List<Item> items) {}

  /** One category that can be chosen. */
  public record Item(String code, String label) {}

  Labels(I18n i18n, Map<String, String> officeCategories) {
    this.i18n = i18n;
    this.office = Map.copyOf(officeCategories);
    Locale locale = Locale.forLanguageTag(i18n.lang());
    this.dateFormat = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
    this.dateTimeFormat =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
            .withLocale(locale)
            .withZone(zone);
  }

  /** The label of a vocabulary value, e.g. {@code PersonRole.VISITOR}. */
  public String of(Enum<?> value) {
    return i18n.t("enum." + value.getDeclaringClass().getSimpleName() + "." + value.name());
  }

  /** The full name of a category code, e.g. "Evaluative Relationships: Respect/Treatment". */
  public String category(String code) {
    var ioa = Categories.ioa().find(code);
    if (ioa.isPresent()) {
      Category c = ioa.get();
      String group = groupName(groupCode(code), c.category());
      return c.subCategory().isEmpty() ? group : i18n.t("categories.join", group, subName(c));
    }
    return office.getOrDefault(code, code);
  }

  /** True when {@code code} is an IOA category or one of the office's own. */
  public boolean known(String code) {
    return Categories.ioa().find(code).isPresent() || office.containsKey(code);
  }

  /** The IOA categories grouped under their headings, then the office's own. */
  public List<Group> groups() {
    Map<String, List<Item>> byGroup = new LinkedHashMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    for (Category c : Categories.ioa().all()) {
      String g = groupCode(c.code());
      names.putIfAbsent(g, groupName(g, c.category()));
      String label = c.subCategory().isEmpty() ? i18n.t("categories.whole") : subName(c);
      byGroup.computeIfAbsent(g, k -> new ArrayList<>()).add(new Item(c.code(), label));
    }
    List<Group> out = new ArrayList<>();
    byGroup.forEach((g, items) -> out.add(new Group(g, names.get(g), List.copyOf(items))));
    if (!office.isEmpty()) {
      List<Item> own = new ArrayList<>();
      office.forEach((code, label) -> own.add(new Item(code, label)));
      out.add(new Group("office", i18n.t("categories.office"), List.copyOf(own)));
    }
    return out;
  }

  /** A day, e.g. "2 March 2026". */
  public String date(LocalDate day) {
    return dateFormat.format(day);
  }

  /** The day of an instant. */
  public String date(Instant t) {
    return dateFormat.format(t.atZone(zone).toLocalDate());
  }

  /** The day and time of an instant. */
  public String dateTime(Instant t) {
    return dateTimeFormat.format(t);
  }

  /** The ISO day of an instant, for {@code <time datetime>}. */
  public String iso(Instant t) {
    return t.atZone(zone).toLocalDate().toString();
  }

  /** Today in the server's time zone. */
  public LocalDate today() {
    return LocalDate.now(zone);
  }

  private static String groupCode(String code) {
    return code.replaceAll("[a-z]+$", "");
  }

  private String groupName(String group, String fallback) {
    String key = "ioa." + group;
    String t = i18n.t(key);
    return t.equals(key) ? fallback : t;
  }

  private String subName(Category c) {
    String key = "ioa." + c.code();
    String t = i18n.t(key);
    return t.equals(key) ? c.subCategory() : t;
  }
}
