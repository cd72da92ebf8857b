package org.ombuds.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ombuds.casefile.CaseService;
import org.ombuds.casefile.CaseView;
import org.ombuds.casefile.NewCase;
import org.ombuds.casefile.WorkUnit;
import org.ombuds.portal.Portal;
import org.ombuds.portal.PortalException;
import org.ombuds.portal.Views;

/**
 * The Ombuds' side of the portal: the inbox of threads (newest activity first, unread marked),
 * reading and answering a thread, linking it to a person of a case or opening a case from it,
 * handing a receipt to a visitor met in person, and sending a draft to the portal for consent. Ids
 * only in addresses.
 */
final class InboxPages {
  /** As on the new-case page. */
  private static final int MAX_UNIT_NAME = 200;

  private final Pages pages;
  private final CaseService cases;
  private final Portal portal;

  InboxPages(Pages pages, CaseService cases, Portal portal) {
    this.pages = pages;
    this.cases = cases;
    this.portal = portal;
  }

  private void guarded(Context ctx, java.util.function.Consumer<Reader> action) {
    pages.guarded(
        ctx,
        r -> {
          try {
            action.accept(r);
          } catch (PortalException e) {
            String key = "inbox.error." + e.code();
            String text = r.t(key);
            pages.error(ctx, r.page(), e.status(), text.equals(key) ? e.getMessage() : text);
          }
        });
  }

  void list(Context ctx) {
    guarded(
        ctx,
        r -> {
          Map<String, Object> p = new HashMap<>();
          p.put("page", r.page());
          p.put("threads", portal.inbox(r.actor()));
          pages.render(ctx, 200, "inbox.jte", p);
        });
  }

  void show(Context ctx) {
    guarded(
        ctx,
        r ->
            show(ctx, r, Optional.ofNullable(ctx.queryParam("done")), Form.blank("opencase"), 200));
  }

  private void show(Context ctx, Reader r, Optional<String> done, Form caseForm, int status) {
    Views.OmbudsThread t = portal.read(r.actor(), ctx.pathParam("t"));
    List<LinkChoice> choices = new ArrayList<>();
    for (CaseView c : cases.list(r.actor())) {
      if (!c.isOpen()) {
        continue;
      }
      for (CaseView.PersonView person : cases.get(r.actor(), c.id()).persons()) {
        choices.add(
            new LinkChoice(
                c.id() + ":" + person.id(),
                c.title() + " · " + person.name().orElse(person.pseudonym())));
      }
    }
    Map<String, Object> p = new HashMap<>();
    p.put("page", r.page());
    p.put("thread", t);
    p.put("choices", choices);
    p.put(
        "done",
        done.filter(java.util.Set.of("replied", "linked")::contains)
            .map(d -> r.t("inbox.done." + d)));
    p.put("max", Portal.MAX_MESSAGE);
    p.put("caseForm", caseForm);
    pages.render(ctx, status, "inbox-thread.jte", p);
  }

  /**
   * Opens a case from the thread (the case, its visitor named as they gave it, and the link) and
   * goes to it. Only what a case needs at once is asked; categories and the rest come later.
   */
  void openCase(Context ctx) {
    guarded(
        ctx,
        r -> {
          String t = ctx.pathParam("t");
          Form form = Form.read(ctx, "opencase", "title", "unit_name", "unit_size");
          Optional<NewCase> input = newCase(r, form);
          if (input.isEmpty()) {
            show(ctx, r, Optional.empty(), form, 422);
            return;
          }
          String caseId = portal.openCase(r.actor(), t, input.get());
          ctx.redirect("/cases/" + caseId + "?done=created", HttpStatus.SEE_OTHER);
        });
  }

  private static Optional<NewCase> newCase(Reader r, Form form) {
    String title = form.value("title").strip();
    if (title.isEmpty()) {
      form.error("title", r.t("case.error.titleRequired"));
    } else if (title.length() > NewCase.MAX_TITLE) {
      form.error("title", r.t("case.error.tooLong", NewCase.MAX_TITLE));
    }
    String unit = form.value("unit_name").strip();
    if (unit.isEmpty()) {
      form.error("unit_name", r.t("case.error.unitNameRequired"));
    } else if (unit.length() > MAX_UNIT_NAME) {
      form.error("unit_name", r.t("case.error.tooLong", MAX_UNIT_NAME));
    }
    int size = 0;
    try {
      size = Integer.parseInt(form.value("unit_size").strip());
    } catch (NumberFormatException e) {
      // reported below
    }
    if (form.value("unit_size").isBlank()) {
      form.error("unit_size", r.t("case.error.sizeRequired"));
    } else if (size < 1 || size > WorkUnit.MAX_SIZE) {
      form.error("unit_size", r.t("case.error.sizeRange", WorkUnit.MAX_SIZE));
    }
    if (form.hasErrors()) {
      return Optional.empty();
    }
    return Optional.of(new NewCase(title, List.of(), new WorkUnit(unit, size)));
  }

  void reply(Context ctx) {
    guarded(
        ctx,
        r -> {
          String t = ctx.pathParam("t");
          portal.reply(r.actor(), t, Optional.ofNullable(ctx.formParam("text")).orElse(""));
          ctx.redirect("/inbox/" + t + "?done=replied", HttpStatus.SEE_OTHER);
        });
  }

  void link(Context ctx) {
    guarded(
        ctx,
        r -> {
          String t = ctx.pathParam("t");
          String choice = Optional.ofNullable(ctx.formParam("person")).orElse("");
          String[] parts = choice.split(":", -1);
          if (parts.length != 2) {
            throw new PortalException(400, "invalid_request", r.t("inbox.error.choose"));
          }
          portal.link(r.actor(), t, parts[0], parts[1]);
          ctx.redirect("/inbox/" + t + "?done=linked", HttpStatus.SEE_OTHER);
        });
  }

  void access(Context ctx) {
    guarded(
        ctx,
        r -> {
          String caseId = Pages.caseId(ctx);
          String receipt = portal.issueAccess(r.actor(), caseId, ctx.pathParam("p"));
          Map<String, Object> p = new HashMap<>();
          p.put("page", r.page());
          p.put("caseId", caseId);
          p.put("groups", List.of(receipt.split("-")));
          pages.render(ctx, 201, "inbox-access.jte", p);
        });
  }

  void requestConsent(Context ctx) {
    guarded(
        ctx,
        r -> {
          String caseId = Pages.caseId(ctx);
          String d = ctx.pathParam("d");
          portal.requestConsent(r.actor(), caseId, d);
          ctx.redirect(
              "/cases/" + caseId + "/disclosures/" + d + "?done=portal", HttpStatus.SEE_OTHER);
        });
  }
}
