package org.ombuds.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ombuds.casefile.CaseService;
import org.ombuds.casefile.CaseView;
import org.ombuds.casefile.Categories;
import org.ombuds.casefile.Category;
import org.ombuds.casefile.NewCase;
import org.ombuds.casefile.WorkUnit;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/cases}: the case file over the API. */
final class CaseApi {
  private final CaseService cases;

  CaseApi(CaseService cases) {
    this.cases = cases;
  }

  void create(Context ctx) {
    JsonNode body = Json.object(ctx);
    JsonNode unit = Json.child(body, "workUnit");
    NewCase input =
        new NewCase(
            Json.text(body, "title", NewCase.MAX_TITLE),
            Json.strings(body, "categories", 50, 10),
            new WorkUnit(
                Json.text(unit, "name", 200), Json.integer(unit, "size", 1, WorkUnit.MAX_SIZE)));
    String id = cases.create(Auth.caller(ctx).session().accountId(), input);
    ctx.status(201).json(describe(cases.get(id)));
  }

  void list(Context ctx) {
    ctx.json(cases.list().stream().map(CaseApi::describe).toList());
  }

  void get(Context ctx) {
    ctx.json(describe(cases.get(ctx.pathParam("id"))));
  }

  void addNote(Context ctx) {
    JsonNode body = Json.object(ctx);
    String text = Json.text(body, "text", CaseService.MAX_NOTE);
    String id = cases.addNote(Auth.caller(ctx).session().accountId(), ctx.pathParam("id"), text);
    ctx.status(201).json(Map.of("id", id));
  }

  static Map<String, Object> describe(CaseView c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.id());
    m.put("title", c.title());
    m.put("status", c.status());
    m.put("openedAt", c.openedAt().toString());
    c.closedAt().ifPresent(t -> m.put("closedAt", t.toString()));
    m.put(
        "categories",
        c.categories().stream()
            .map(
                code ->
                    Map.of(
                        "code",
                        code,
                        "label",
                        Categories.ioa().find(code).map(Category::label).orElse(code)))
            .toList());
    m.put("workUnit", Map.of("name", c.workUnit().name(), "size", c.workUnit().size()));
    if ("OPEN".equals(c.status())) {
      List<Map<String, Object>> notes =
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
              .toList();
      m.put("notes", notes);
    }
    return m;
  }
}
