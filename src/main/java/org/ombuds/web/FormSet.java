package org.ombuds.web;

import java.util.HashMap;
import java.util.Map;

/**
 * The forms of a page that holds several (the case page): the one that was just refused keeps its
 * input and messages, the others are blank; a section that just saved something says so.
 */
public final class FormSet {
  private final Map<String, Form> forms = new HashMap<>();
  private final Map<String, String> flashes = new HashMap<>();

  FormSet with(String name, Form form) {
    forms.put(name, form);
    return this;
  }

  FormSet flash(String section, String message) {
    flashes.put(section, message);
    return this;
  }

  /** The form named {@code name}; a blank one with that id prefix when none was kept. */
  public Form form(String name) {
    return forms.computeIfAbsent(name, Form::blank);
  }

  /** True when the form named {@code name} was refused. */
  public boolean refused(String name) {
    Form f = forms.get(name);
    return f != null && f.hasErrors();
  }

  /** What the section just saved, or null. */
  public String flash(String section) {
    return flashes.get(section);
  }

  /** True when the section just saved something. */
  public boolean flashed(String section) {
    return flashes.containsKey(section);
  }
}
