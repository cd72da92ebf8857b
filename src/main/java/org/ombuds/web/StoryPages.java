package org.ombuds.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.ombuds.casefile.CaseException;
import org.ombuds.casefile.CaseService;
import org.ombuds.casefile.CaseView;
import org.ombuds.common.Ids;
import org.ombuds.letters.StoryDocuments;
import org.ombuds.mandate.MandateException;
import org.ombuds.mandate.Outbound;
import org.ombuds.mandate.RiskView;
import org.ombuds.stories.ClearedStory;
import org.ombuds.stories.Disclaimer;
import org.ombuds.stories.OpenCaseCheck;
import org.ombuds.stories.Stories;
import org.ombuds.stories.StoryException;
import org.ombuds.stories.StoryStatus;
import org.ombuds.stories.StoryView;

/**
 * The publication series' pages: the list of stories with the form to start one (from an open case,
 * or from nothing), and the editor with its live risk panel, the no-JS check, sending for consent
 * and the exports. Nothing of a story is ever put in a URL: only its id.
 */
final class StoryPages {
  private final Pages pages;
  private final CaseService cases;
  private final Stories stories;

  StoryPages(Pages pages, CaseService cases, Stories stories) {
    this.pages = pages;
    this.cases = cases;
    this.stories = stories;
  }

  /** What the editor shows besides the story. */
  static final class Extras {
    Form form;
    RiskPanel risk;
    Optional<String> flash = Optional.empty();
    Optional<String> refusal = Optional.empty();
    List<OpenCaseCheck.Match> matches = List.of();
  }

  // ---------------------------------------------------------------- list and new

  void list(Context ctx) {
    guarded(
        ctx,
        r -> {
          Form form = Form.blank("new").set("lang", r.page().lang());
          stories.defaultAudience().ifPresent(a -> form.set("audience", Integer.toString(a)));
          form.set("text", "\n\n" + Disclaimer.in(r.page().lang()));
          renderList(ctx, r, form, 200);
        });
  }

  private void renderList(Context ctx, Reader r, Form form, int status) {
    Map<String, Object> params = new HashMap<>();
    params.put("page", r.page());
    params.put("labels", r.labels());
    params.put("stories", stories.list(r.actor()));
    params.put("openCases", cases.list(r.actor()).stream().filter(CaseView::isOpen).toList());
    params.put("form", form);
    pages.render(ctx, status, "stories.jte", params);
  }

  void create(Context ctx) {
    guarded(
        ctx,
        r -> {
          Form form = Form.read(ctx, "new", "caseId", "lang", "audience", "text");
          String caseId = form.value("caseId");
          OptionalInt audience = audience(r, form);
          String lang = I18n.LANGUAGES.contains(form.value("lang")) ? form.value("lang") : "en";
          if (!form.hasErrors()) {
            try {
              StoryView s =
                  caseId.isBlank()
                      ? stories.create(r.actor(), form.value("text").strip(), audience)
                      : stories.fromCase(r.actor(), caseId, lang, audience);
              redirect(ctx, "/stories/" + s.id() + "?done=created");
              return;
            } catch (StoryException e) {
              if (e.status() >= 500 || e.status() == 404) {
                throw e;
              }
              form.general(message(r, e));
            } catch (CaseException e) {
              if (e.reason() != CaseException.Reason.NOT_FOUND) {
                throw e;
              }
              form.error("caseId", r.t("error.noCase"));
            }
          }
          renderList(ctx, r, form, 422);
        });
  }

  // ---------------------------------------------------------------- the editor

  void show(Context ctx) {
    guarded(
        ctx,
        r -> {
          StoryView s = stories.get(r.actor(), storyId(ctx));
          Extras x = new Extras();
          x.flash =
              switch (Optional.ofNullable(ctx.queryParam("done")).orElse("")) {
                case "created" -> Optional.of(r.t("story.created"));
                case "saved" -> Optional.of(r.t("story.saved", s.version()));
                default -> Optional.empty();
              };
          renderStory(ctx, r, s, x, 200);
        });
  }

  private static Form formOf(StoryView s) {
    return Form.blank("story")
        .set("text", s.text())
        .set("audience", Integer.toString(s.audience()))
        .set("version", Integer.toString(s.version()));
  }

  private void renderStory(Context ctx, Reader r, StoryView s, Extras x, int status) {
    if (x.form == null) {
      x.form = formOf(s);
    }
    if (x.risk == null) {
      x.risk = RiskPanel.of(s.risk(), s.text(), r.i18n(), r.t("story.riskSaved", s.version()));
    }
    Map<String, Object> params = new HashMap<>();
    params.put("page", r.page());
    params.put("labels", r.labels());
    params.put("s", s);
    params.put("caseTitle", s.caseId().map(c -> cases.get(r.actor(), c).title()));
    params.put("form", x.form);
    params.put("risk", x.risk);
    params.put("flash", x.flash);
    params.put("refusal", x.refusal);
    params.put("matches", x.matches);
    params.put("editable", s.status() != StoryStatus.RELEASED);
    pages.render(ctx, status, "story.jte", params);
  }

  void save(Context ctx) {
    guarded(
        ctx,
        r -> {
          String id = storyId(ctx);
          StoryView s = stories.get(r.actor(), id);
          Form form = Form.read(ctx, "story", "text", "audience", "version");
          boolean check = ctx.formParam("check") != null;
          OptionalInt audience = audience(r, form);
          String text = form.value("text").strip();
          if (text.isEmpty()) {
            form.error("text", r.t("story.textRequired"));
          }
          Extras x = new Extras();
          x.form = form;
          if (!form.hasErrors() && !check) {
            try {
              stories.edit(r.actor(), id, version(form), text, audience);
              redirect(ctx, "/stories/" + id + "?done=saved");
              return;
            } catch (StoryException e) {
              if (e.code().equals("conflict")) {
                StoryView now = stories.get(r.actor(), id);
                form.conflict(message(r, e));
                form.set("version", Integer.toString(now.version()));
                x.risk = typed(r, id, text, audience);
                renderStory(ctx, r, now, x, 409);
                return;
              }
              if (e.status() != 400 && e.status() != 422) {
                throw e;
              }
              form.general(message(r, e));
            } catch (MandateException e) {
              form.general(Pages.mandateMessage(r, e));
            }
          }
          if (!text.isEmpty() && !form.hasError("audience")) {
            x.risk = typed(r, id, text, audience);
          }
          renderStory(ctx, r, s, x, check && !form.hasErrors() ? 200 : 422);
        });
  }

  private RiskPanel typed(Reader r, String id, String text, OptionalInt audience) {
    RiskView risk = stories.preview(r.actor(), id, text, audience);
    return RiskPanel.of(risk, text, r.i18n(), r.t("risk.captionTyped"));
  }

  /** The live risk panel: the estimate of the story as typed; nothing saved or audited. */
  void preview(Context ctx) {
    Reader r = pages.reader(ctx);
    RiskPanel risk;
    try {
      Form form = Form.read(ctx, "story", "text", "audience");
      String text = form.value("text");
      OptionalInt audience = audience(r, form);
      risk =
          text.isBlank()
              ? RiskPanel.none(r.t("story.typeToSee"))
              : typed(r, storyId(ctx), text, audience);
    } catch (StoryException | CaseException | MandateException e) {
      risk = RiskPanel.none(r.t("risk.unavailable"));
    }
    Map<String, Object> params = new HashMap<>();
    params.put("page", r.page());
    params.put("risk", risk);
    pages.render(ctx, 200, "disclosure-risk.jte", params);
  }

  // ---------------------------------------------------------------- the ways out

  void sendForConsent(Context ctx) {
    guarded(
        ctx,
        r -> {
          StoryView s = stories.sendForConsent(r.actor(), storyId(ctx));
          redirect(
              ctx,
              "/cases/"
                  + s.caseId().orElseThrow()
                  + "/disclosures/"
                  + s.disclosureId().orElseThrow());
        });
  }

  void check(Context ctx) {
    guarded(
        ctx,
        r -> {
          String id = storyId(ctx);
          StoryView s = stories.get(r.actor(), id);
          Extras x = new Extras();
          switch (stories.check(r.actor(), id)) {
            case OpenCaseCheck.Outcome.Cleared c -> x.flash = Optional.of(r.t("story.cleared"));
            case OpenCaseCheck.Outcome.Blocked b -> {
              x.matches = b.matches();
              if (b.matches().isEmpty()) {
                x.refusal = Optional.of(r.t("exit.generic"));
              }
            }
          }
          renderStory(ctx, r, s, x, 200);
        });
  }

  void export(Context ctx) {
    guarded(
        ctx,
        r -> {
          String id = storyId(ctx);
          StoryApi.Format format;
          try {
            format = StoryApi.Format.parse(ctx.pathParam("format"));
          } catch (ApiError e) {
            pages.error(ctx, r.page(), 404, r.t("story.noSuchFormat"));
            return;
          }
          StoryView s = stories.get(r.actor(), id);
          try {
            byte[] bytes;
            if (s.caseId().isPresent()) {
              Outbound out = stories.releasedStory(r.actor(), id, format.code());
              bytes =
                  switch (format) {
                    case MARKDOWN -> StoryDocuments.markdown(out);
                    case HTML -> StoryDocuments.html(out);
                    case PDF -> StoryDocuments.pdf(out);
                  };
            } else {
              ClearedStory cleared = stories.clearedStory(r.actor(), id, format.code());
              bytes =
                  switch (format) {
                    case MARKDOWN -> StoryDocuments.markdown(cleared);
                    case HTML -> StoryDocuments.html(cleared);
                    case PDF -> StoryDocuments.pdf(cleared);
                  };
            }
            StoryApi.send(ctx, format, bytes);
          } catch (StoryException e) {
            if (e.status() != 409) {
              throw e;
            }
            Extras x = new Extras();
            x.refusal = Optional.of(message(r, e));
            x.matches = e.matches();
            renderStory(ctx, r, s, x, 409);
          }
        });
  }

  // ---------------------------------------------------------------- helpers

  /** Runs a page action; refusals become pages in the reader's language. */
  private void guarded(Context ctx, java.util.function.Consumer<Reader> action) {
    pages.guarded(
        ctx,
        r -> {
          try {
            action.accept(r);
          } catch (StoryException e) {
            pages.error(ctx, r.page(), e.status(), message(r, e));
          }
        });
  }

  /** The refusal in the reader's words, by its code. */
  static String message(Reader r, StoryException e) {
    if (e.code().equals("open_case_match") && e.matches().isEmpty()) {
      // Only a case the Ombuds is recused from matched: the exit check's generic refusal.
      return r.t("exit.generic");
    }
    String key = "story.error." + e.code();
    String text = r.t(key);
    return text.equals(key) ? r.t("story.error.other") : text;
  }

  private static String storyId(Context ctx) {
    String id = ctx.pathParam("s");
    if (!Ids.isId(id)) {
      throw new StoryException(404, "not_found", "There is no such story.");
    }
    return id;
  }

  private static OptionalInt audience(Reader r, Form form) {
    String a = form.value("audience").strip();
    if (a.isEmpty()) {
      return OptionalInt.empty();
    }
    try {
      int n = Integer.parseInt(a);
      if (n >= 1 && n <= Stories.MAX_AUDIENCE) {
        return OptionalInt.of(n);
      }
    } catch (NumberFormatException e) {
      // Said next to the field.
    }
    form.error("audience", r.t("story.audienceInvalid", Stories.MAX_AUDIENCE));
    return OptionalInt.empty();
  }

  private static Optional<Integer> version(Form form) {
    try {
      return Optional.of(Integer.parseInt(form.value("version").strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static void redirect(Context ctx, String to) {
    ctx.redirect(to, HttpStatus.SEE_OTHER);
  }
}
