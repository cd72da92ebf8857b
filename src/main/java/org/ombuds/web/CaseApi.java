package org.ombuds.web;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ombuds.casefile.AgeBand;
import org.ombuds.casefile.CaseService;
import org.ombuds.casefile.CaseView;
import org.ombuds.casefile.Categories;
import org.ombuds.casefile.Category;
import org.ombuds.casefile.ContractType;
import org.ombuds.casefile.Decision;
import org.ombuds.casefile.Gender;
import org.ombuds.casefile.Modality;
import org.ombuds.casefile.NewCase;
import org.ombuds.casefile.OptionKind;
import org.ombuds.casefile.Outcome;
import org.ombuds.casefile.PersonInput;
import org.ombuds.casefile.PersonRole;
import org.ombuds.casefile.Vocabulary;
import org.ombuds.casefile.WorkUnit;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/cases} and the case file's other endpoints. */
final class CaseApi {
  private final CaseService cases;

  CaseApi(CaseService cases) {
    this.cases = cases;
  }

  private static String actor(Context ctx) {
    return Auth.caller(ctx).session().accountId();
  }

  static NewCase newCase(JsonNode body) {
    JsonNode unit = Json.child(body, "workUnit");
    List<WorkUnit.Count> composition = new ArrayList<>();
    JsonNode comp = unit.get("composition");
    if (comp != null && !comp.isNull()) {
      if (!comp.isArray() || comp.size() > 50) {
        throw ApiError.badRequest(
            "'composition' must be a list of at most 50 {dimension, group, count}.");
      }
      for (JsonNode c : comp.values()) {
        if (!c.isObject()) {
          throw ApiError.badRequest(
              "Each composition item is {\"dimension\",\"group\",\"count\"}.");
        }
        composition.add(
            new WorkUnit.Count(
                Json.text(c, "dimension", 40),
                Json.text(c, "group", 40),
                Json.integer(c, "count", 0, WorkUnit.MAX_SIZE)));
      }
    }
    return new NewCase(
        Json.text(body, "title", NewCase.MAX_TITLE),
        Json.strings(body, "categories", 50, 20),
        new WorkUnit(
            Json.text(unit, "name", 200),
            Json.integer(unit, "size", 1, WorkUnit.MAX_SIZE),
            composition));
  }

  void create(Context ctx) {
    NewCase input = newCase(Json.object(ctx));
    String id = cases.create(actor(ctx), input);
    ctx.status(201).json(describe(cases.get(actor(ctx), id), cases));
  }

  void update(Context ctx) {
    JsonNode body = Json.object(ctx);
    int version = Json.integer(body, "version", 0, Integer.MAX_VALUE);
    cases.update(actor(ctx), ctx.pathParam("id"), version, newCase(body));
    ctx.json(describe(cases.get(actor(ctx), ctx.pathParam("id")), cases));
  }

  /**
   * The cases, filtered, then the cases that cannot be verified, whatever the filter (their status
   * and categories are not known): each as its id and {@code "tampered": true}, nothing else.
   */
  void list(Context ctx) {
    String status = ctx.queryParam("status");
    String category = ctx.queryParam("category");
    CaseService.Listing listing = cases.listing(actor(ctx));
    List<Map<String, Object>> out = new ArrayList<>();
    listing.cases().stream()
        .filter(
            c -> status == null || status.isBlank() || c.status().name().equalsIgnoreCase(status))
        .filter(
            c ->
                category == null
                    || category.isBlank()
                    || c.categories().stream().anyMatch(code -> code.startsWith(category)))
        .forEach(c -> out.add(describe(c, cases)));
    listing.tampered().forEach(id -> out.add(tampered(id)));
    ctx.json(out);
  }

  /** A case whose row fails its authentication tag, as the case list shows it. */
  static Map<String, Object> tampered(String id) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("tampered", true);
    return m;
  }

  /**
   * Searches open cases. The words travel in the body, never in the URL: URLs end up in browser
   * histories and proxy logs, and search words are case content.
   */
  void search(Context ctx) {
    String q = Json.text(Json.object(ctx), "q", 200);
    ctx.json(cases.search(actor(ctx), q).stream().map(c -> describe(c, cases)).toList());
  }

  void get(Context ctx) {
    ctx.json(describe(cases.get(actor(ctx), ctx.pathParam("id")), cases));
  }

  void addNote(Context ctx) {
    JsonNode body = Json.object(ctx);
    String text = Json.text(body, "text", CaseService.MAX_NOTE);
    String id = cases.addNote(actor(ctx), ctx.pathParam("id"), text);
    ctx.status(201).json(Map.of("id", id));
  }

  void addPerson(Context ctx) {
    JsonNode body = Json.object(ctx);
    PersonInput input =
        new PersonInput(
            Vocabulary.parse(PersonRole.class, "role", Json.text(body, "role", 40)),
            Json.optionalText(body, "name", PersonInput.MAX_NAME),
            Json.optionalText(body, "contractType", 40)
                .map(v -> Vocabulary.parse(ContractType.class, "contract type", v)),
            Json.optionalText(body, "gender", 40)
                .map(v -> Vocabulary.parse(Gender.class, "gender", v)),
            Json.optionalText(body, "ageBand", 40)
                .map(v -> Vocabulary.parse(AgeBand.class, "age band", v)),
            body.get("confidant") != null && Json.bool(body, "confidant"));
    CaseView.PersonView p = cases.addPerson(actor(ctx), ctx.pathParam("id"), input);
    ctx.status(201)
        .json(Map.of("id", p.id(), "pseudonym", p.pseudonym(), "confidant", p.confidant()));
  }

  /** {@code POST /cases/{id}/persons/{p}/confidant}: the person spoke in confidence. */
  void markConfidant(Context ctx) {
    CaseView.PersonView p =
        cases.markConfidant(actor(ctx), ctx.pathParam("id"), ctx.pathParam("p"));
    ctx.json(Map.of("id", p.id(), "pseudonym", p.pseudonym(), "confidant", true));
  }

  void addContact(Context ctx) {
    JsonNode body = Json.object(ctx);
    String id =
        cases.addContact(
            actor(ctx),
            ctx.pathParam("id"),
            date(Json.text(body, "date", 10), "date"),
            Vocabulary.parse(Modality.class, "modality", Json.text(body, "modality", 20)),
            Json.integer(body, "minutes", 0, CaseService.MAX_MINUTES),
            Json.optionalText(body, "text", CaseService.MAX_TEXT));
    ctx.status(201).json(Map.of("id", id));
  }

  void addOption(Context ctx) {
    JsonNode body = Json.object(ctx);
    String id =
        cases.addOption(
            actor(ctx),
            ctx.pathParam("id"),
            Vocabulary.parse(OptionKind.class, "option kind", Json.text(body, "kind", 40)),
            Json.optionalText(body, "decision", 20)
                .map(d -> Vocabulary.parse(Decision.class, "decision", d))
                .orElse(Decision.PROPOSED),
            Json.optionalText(body, "reason", CaseService.MAX_TEXT));
    ctx.status(201).json(Map.of("id", id));
  }

  void decideOption(Context ctx) {
    JsonNode body = Json.object(ctx);
    cases.decideOption(
        actor(ctx),
        ctx.pathParam("id"),
        ctx.pathParam("option"),
        Vocabulary.parse(Decision.class, "decision", Json.text(body, "decision", 20)),
        Json.optionalText(body, "reason", CaseService.MAX_TEXT));
    ctx.json(Map.of("id", ctx.pathParam("option")));
  }

  void addReminder(Context ctx) {
    JsonNode body = Json.object(ctx);
    String id =
        cases.addReminder(
            actor(ctx),
            ctx.pathParam("id"),
            date(Json.text(body, "due", 10), "due"),
            Json.text(body, "text", CaseService.MAX_TEXT));
    ctx.status(201).json(Map.of("id", id));
  }

  void completeReminder(Context ctx) {
    cases.completeReminder(actor(ctx), ctx.pathParam("id"), ctx.pathParam("reminder"));
    ctx.json(Map.of("id", ctx.pathParam("reminder"), "done", true));
  }

  void remindersDue(Context ctx) {
    String until = ctx.queryParam("until");
    LocalDate limit =
        until == null || until.isBlank() ? cases.today().plusDays(7) : date(until, "until");
    ctx.json(cases.remindersDue(actor(ctx), limit).stream().map(CaseApi::reminder).toList());
  }

  void recuse(Context ctx) {
    JsonNode body = Json.object(ctx);
    cases.recuse(actor(ctx), ctx.pathParam("id"), Json.text(body, "handOverTo", 36));
    ctx.json(Map.of("recused", true));
  }

  void close(Context ctx) {
    JsonNode body = Json.object(ctx);
    Outcome outcome = Vocabulary.parse(Outcome.class, "outcome", Json.text(body, "outcome", 40));
    String id = ctx.pathParam("id");
    cases.close(actor(ctx), id, outcome);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", id);
    out.put("status", "CLOSED");
    out.put("outcome", outcome.name());
    out.put("destroyAfterDays", cases.policy().graceDays());
    ctx.json(out);
  }

  void categories(Context ctx) {
    List<Map<String, String>> out = new ArrayList<>();
    for (Category c : Categories.ioa().all()) {
      out.add(Map.of("code", c.code(), "label", c.label(), "source", "IOA"));
    }
    cases
        .policy()
        .officeCategories()
        .forEach(
            (code, label) -> out.add(Map.of("code", code, "label", label, "source", "OFFICE")));
    ctx.json(out);
  }

  void addOfficeCategory(Context ctx) {
    JsonNode body = Json.object(ctx);
    cases.putOfficeCategory(actor(ctx), Json.text(body, "code", 20), Json.text(body, "label", 200));
    ctx.status(201)
        .json(Map.of("code", Json.text(body, "code", 20).toUpperCase(java.util.Locale.ROOT)));
  }

  static LocalDate date(String text, String field) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw ApiError.badRequest("The field '" + field + "' must be a date like 2026-03-02.");
    }
  }

  static String label(String code, CaseService cases) {
    return Categories.ioa()
        .find(code)
        .map(Category::label)
        .or(() -> Optional.ofNullable(cases.policy().officeCategories().get(code)))
        .orElse(code);
  }

  static Map<String, Object> reminder(CaseView.ReminderView r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("caseId", r.caseId());
    m.put("due", r.due().toString());
    m.put("text", r.text());
    m.put("done", r.done());
    return m;
  }

  static Map<String, Object> describe(CaseView c, CaseService cases) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.id());
    m.put("title", c.title());
    m.put("status", c.status().name());
    m.put("openedAt", c.openedAt().toString());
    c.closedAt().ifPresent(t -> m.put("closedAt", t.toString()));
    m.put("version", c.version());
    m.put("handlerId", c.handlerId());
    m.put(
        "categories",
        c.categories().stream()
            .map(code -> Map.of("code", code, "label", label(code, cases)))
            .toList());
    Map<String, Object> unit = new LinkedHashMap<>();
    unit.put("name", c.workUnit().name());
    unit.put("size", c.workUnit().size());
    unit.put(
        "composition",
        c.workUnit().composition().stream()
            .map(k -> Map.of("dimension", k.dimension(), "group", k.group(), "count", k.count()))
            .toList());
    m.put("workUnit", unit);
    c.outcome().ifPresent(o -> m.put("outcome", o.name()));
    m.put(
        "persons",
        c.persons().stream()
            .map(
                p -> {
                  Map<String, Object> pm = new LinkedHashMap<>();
                  pm.put("id", p.id());
                  pm.put("role", p.role().name());
                  p.name().ifPresent(n -> pm.put("name", n));
                  pm.put("pseudonym", p.pseudonym());
                  pm.put("confidant", p.confidant());
                  p.contractType().ifPresent(v -> pm.put("contractType", v.name()));
                  p.gender().ifPresent(v -> pm.put("gender", v.name()));
                  p.ageBand().ifPresent(v -> pm.put("ageBand", v.name()));
                  return pm;
                })
            .toList());
    if (c.isOpen()) {
      m.put(
          "notes",
          c.notes().stream()
              .map(
                  n -> {
                    Map<String, Object> nm = new LinkedHashMap<>();
                    nm.put("id", n.id());
                    nm.put("createdAt", n.createdAt().toString());
                    nm.put("authorId", n.authorId());
                    nm.put("text", n.text());
                    return nm;
                  })
              .toList());
      m.put(
          "contacts",
          c.contacts().stream()
              .map(
                  x -> {
                    Map<String, Object> xm = new LinkedHashMap<>();
                    xm.put("id", x.id());
                    xm.put("date", x.date().toString());
                    xm.put("modality", x.modality().name());
                    xm.put("minutes", x.minutes());
                    x.text().ifPresent(t -> xm.put("text", t));
                    return xm;
                  })
              .toList());
      m.put(
          "options",
          c.options().stream()
              .map(
                  o -> {
                    Map<String, Object> om = new LinkedHashMap<>();
                    om.put("id", o.id());
                    om.put("kind", o.kind().name());
                    om.put("decision", o.decision().name());
                    o.reason().ifPresent(r -> om.put("reason", r));
                    return om;
                  })
              .toList());
      m.put("reminders", c.reminders().stream().map(CaseApi::reminder).toList());
    }
    return m;
  }
}
