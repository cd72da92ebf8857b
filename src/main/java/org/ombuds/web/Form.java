package org.ombuds.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a person typed into one HTML form, and what is wrong with it: templates use it to keep the
 * input after a refusal and to put each message next to its field ({@code aria-invalid}, {@code
 * aria-describedby}). Element ids are the form's prefix and the field name, so several forms can
 * share a page.
 */
public final class Form {
  private final String prefix;
  private final Map<String, List<String>> values = new LinkedHashMap<>();
  private final Map<String, String> errors = new LinkedHashMap<>();
  private String general;
  private boolean conflict;

  private Form(String prefix) {
    this.prefix = prefix;
  }

  /** A blank form whose element ids start with {@code prefix}. */
  public static Form blank(String prefix) {
    return new Form(prefix);
  }

  /** The submitted values of {@code fields}, stripped of nothing: shown back as typed. */
  static Form read(Context ctx, String prefix, String... fields) {
    Form f = new Form(prefix);
    for (String field : fields) {
      List<String> sent = ctx.formParams(field);
      if (!sent.isEmpty()) {
        f.values.put(field, List.copyOf(sent));
      }
    }
    return f;
  }

  /** Sets a value (for forms filled from stored data). */
  Form set(String field, String value) {
    values.put(field, List.of(value));
    return this;
  }

  /** Sets several values (check boxes, repeated rows). */
  Form setAll(String field, List<String> list) {
    values.put(field, List.copyOf(list));
    return this;
  }

  /** Records a message for {@code field}; the first one for a field is kept. */
  Form error(String field, String message) {
    errors.putIfAbsent(field, message);
    return this;
  }

  /** Records a message about the whole form. */
  Form general(String message) {
    this.general = message;
    return this;
  }

  /** Marks the form as refused because someone else saved first. */
  Form conflict(String message) {
    this.conflict = true;
    return general(message);
  }

  /** The id prefix. */
  public String prefix() {
    return prefix;
  }

  /** The element id of {@code field}. */
  public String id(String field) {
    return prefix + "-" + field;
  }

  /** The element id of the message of {@code field}. */
  public String errorId(String field) {
    return id(field) + "-error";
  }

  /** The first value sent for {@code field}, or "". */
  public String value(String field) {
    List<String> v = values.get(field);
    return v == null || v.isEmpty() ? "" : v.get(0);
  }

  /** The {@code i}-th value sent for {@code field}, or "". */
  public String value(String field, int i) {
    List<String> v = values.get(field);
    return v == null || i >= v.size() ? "" : v.get(i);
  }

  /** Every value sent for {@code field}. */
  public List<String> values(String field) {
    return values.getOrDefault(field, List.of());
  }

  /** True when {@code value} was sent for {@code field} (check boxes, options). */
  public boolean has(String field, String value) {
    return values(field).contains(value);
  }

  /** How many values were sent for {@code field}. */
  public int count(String field) {
    return values(field).size();
  }

  /** The message of {@code field}, or null. */
  public String error(String field) {
    return errors.get(field);
  }

  /** True when {@code field} has a message. */
  public boolean hasError(String field) {
    return errors.containsKey(field);
  }

  /** "true" for a field with a message, else null (so the attribute is left out). */
  public String invalid(String field) {
    return hasError(field) ? "true" : null;
  }

  /** The ids describing {@code field}: its message if any, then {@code hintIds}; null when none. */
  public String describedBy(String field, String... hintIds) {
    List<String> ids = new ArrayList<>();
    if (hasError(field)) {
      ids.add(errorId(field));
    }
    for (String h : hintIds) {
      if (h != null && !h.isEmpty()) {
        ids.add(h);
      }
    }
    return ids.isEmpty() ? null : String.join(" ", ids);
  }

  /** True for the first field with a message: it gets the focus when the page opens. */
  public boolean autofocus(String field) {
    return !errors.isEmpty() && errors.keySet().iterator().next().equals(field);
  }

  /** True when something is wrong. */
  public boolean hasErrors() {
    return !errors.isEmpty() || general != null;
  }

  /** The fields with messages, in the order found. */
  public Map<String, String> errors() {
    return Collections.unmodifiableMap(errors);
  }

  /** The message about the whole form. */
  public Optional<String> general() {
    return Optional.ofNullable(general);
  }

  /** True when the form was refused because someone else saved first. */
  public boolean isConflict() {
    return conflict;
  }
}
