package org.ombuds.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ombuds.account.Account;
import org.ombuds.account.AccountService;
import org.ombuds.casefile.CaseException;
import org.ombuds.casefile.CaseService;
import org.ombuds.casefile.CaseView;
import org.ombuds.casefile.PersonRole;
import org.ombuds.common.Ids;
import org.ombuds.letters.Letters;
import org.ombuds.mandate.Basis;
import org.ombuds.mandate.ConsentMethod;
import org.ombuds.mandate.Determination;
import org.ombuds.mandate.DisclosureStatus;
import org.ombuds.mandate.DisclosureView;
import org.ombuds.mandate.DraftContent;
import org.ombuds.mandate.Exposure;
import org.ombuds.mandate.IdentityMode;
import org.ombuds.mandate.Mandate;
import org.ombuds.mandate.MandateException;
import org.ombuds.mandate.Outbound;
import org.ombuds.mandate.ReleasePolicy;

/**
 * The mandate's pages: the single path by which anything about a case leaves the office. A
 * communication (a disclosure) is composed with a live estimate of how easily its source could be
 * recognised, consented to by each person concerned for one exact version, then released (or
 * withdrawn); a released one can be downloaded as a letter.
 *
 * <p>As in {@link CasePages}, every form works without JavaScript (303 after a change, the whole
 * page with the input kept and the messages next to the fields after a refusal), and every refusal
 * of the mandate is explained in the reader's language, never as a bare code. The only htmx request
 * is the risk preview, which computes an estimate and saves nothing.
 */
final class DisclosurePages {
  private static final String[] DRAFT_FIELDS = {
    "recipient", "channel", "identity", "text", "concerns"
  };
  private static final int MAX_RECIPIENT = 300;
  private static final int MAX_CHANNEL = 100;
  private static final int MAX_CONCERNS = 100;

  private final Pages pages;
  private final AccountService accounts;
  private final CaseService cases;
  private final Mandate mandate;

  DisclosurePages(Pages pages, AccountService accounts, CaseService cases, Mandate mandate) {
    this.pages = pages;
    this.accounts = accounts;
    this.cases = cases;
    this.mandate = mandate;
  }

  private static String disclosureId(Context ctx) {
    String id = ctx.pathParam("d");
    if (!Ids.isId(id)) {
      throw new MandateException(404, "not_found", "There is no such disclosure in this case.");
    }
    return id;
  }

  private CaseView openCase(Reader r, String caseId) {
    CaseView c = cases.get(r.actor(), caseId);
    if (!c.isOpen()) {
      throw new CaseException(CaseException.Reason.CLOSED, "This case is closed.");
    }
    return c;
  }

  private static void requireDraft(DisclosureView d) {
    if (d.status() != DisclosureStatus.DRAFT) {
      throw new MandateException(409, "not_a_draft", "Only a draft can be changed.");
    }
  }

  private static String base(String caseId) {
    return "/cases/" + caseId + "/disclosures";
  }

  private static void redirect(Context ctx, String to) {
    ctx.redirect(to, HttpStatus.SEE_OTHER);
  }

  // ---------------------------------------------------------------- people

  private static String personLabel(Reader r, CaseView.PersonView p) {
    return p.name().isPresent()
        ? r.t("communication.personNamed", p.pseudonym(), p.name().get(), r.labels().of(p.role()))
        : r.t("communication.person", p.pseudonym(), r.labels().of(p.role()));
  }

  private static String personLabel(Reader r, CaseView c, String personId) {
    return c.persons().stream()
        .filter(p -> p.id().equals(personId))
        .findFirst()
        .map(p -> personLabel(r, p))
        .orElseGet(() -> r.t("communication.unknownPerson"));
  }

  private static List<Communication.PersonChoice> choices(Reader r, CaseView c) {
    return c.persons().stream()
        .map(p -> new Communication.PersonChoice(p.id(), personLabel(r, p), p.confidant()))
        .toList();
  }

  /** Where the consent of {@code personId} stands, in a sentence. */
  private static String consentStatus(Reader r, DisclosureView d, String personId) {
    List<DisclosureView.ConsentView> theirs =
        d.consents().stream().filter(x -> x.personId().equals(personId)).toList();
    Optional<DisclosureView.ConsentView> current =
        theirs.stream().filter(DisclosureView.ConsentView::current).findFirst();
    if (current.isPresent()) {
      return r.t("consent.status.given", d.version(), r.labels().dateTime(current.get().givenAt()));
    }
    Optional<DisclosureView.ConsentView> older =
        theirs.stream()
            .filter(x -> x.revokedAt().isEmpty() && x.version() != d.version())
            .reduce((a, b) -> b);
    if (older.isPresent()) {
      return r.t("consent.status.outdated", older.get().version(), d.version());
    }
    Optional<DisclosureView.ConsentView> revoked =
        theirs.stream().filter(x -> x.revokedAt().isPresent()).reduce((a, b) -> b);
    if (revoked.isPresent()) {
      return r.t("consent.status.revoked", r.labels().dateTime(revoked.get().revokedAt().get()));
    }
    return r.t("consent.status.none");
  }

  private static List<Communication.PersonLine> personLines(
      Reader r, CaseView c, DisclosureView d) {
    boolean draft = d.status() == DisclosureStatus.DRAFT;
    List<Communication.PersonLine> out = new ArrayList<>();
    for (String id : d.content().concerns()) {
      boolean consented =
          d.consents().stream().anyMatch(x -> x.personId().equals(id) && x.current());
      out.add(
          new Communication.PersonLine(
              id, personLabel(r, c, id), consentStatus(r, d, id), consented, draft && !consented));
    }
    return out;
  }

  private static List<Communication.ConsentLine> consentLines(
      Reader r, CaseView c, DisclosureView d) {
    boolean draft = d.status() == DisclosureStatus.DRAFT;
    List<Communication.ConsentLine> out = new ArrayList<>();
    for (DisclosureView.ConsentView x : d.consents()) {
      String text =
          r.t(
              x.method() == ConsentMethod.PORTAL ? "consent.line.portal" : "consent.line.inPerson",
              x.version(),
              r.labels().dateTime(x.givenAt()));
      if (x.revokedAt().isPresent()) {
        text = r.t("consent.line.revoked", text, r.labels().dateTime(x.revokedAt().get()));
      } else if (!x.current()) {
        text = r.t("consent.line.outdated", text);
      }
      out.add(
          new Communication.ConsentLine(
              x.id(), personLabel(r, c, x.personId()), text, draft && x.revokedAt().isEmpty()));
    }
    return out;
  }

  // ---------------------------------------------------------------- the draft's form

  /** The draft's fields as typed, the text's line ends as a browser sends them made plain. */
  private static Form readDraft(Context ctx) {
    Form form = Form.read(ctx, "draft", DRAFT_FIELDS);
    form.set("text", form.value("text").replace("\r\n", "\n"));
    form.set("version", Optional.ofNullable(ctx.formParam("version")).orElse(""));
    return form;
  }

  /** A blank draft: anonymous, the visitors and witnesses concerned. */
  private static Form blankDraft(CaseView c) {
    return Form.blank("draft")
        .set("identity", IdentityMode.ANONYMOUS.name())
        .setAll(
            "concerns",
            c.persons().stream()
                .filter(p -> p.role() == PersonRole.VISITOR || p.role() == PersonRole.WITNESS)
                .map(CaseView.PersonView::id)
                .toList());
  }

  /** The form filled with a draft as saved. */
  private static Form draftForm(DisclosureView d) {
    return Form.blank("draft")
        .set("recipient", d.content().recipient())
        .set("channel", d.content().channel())
        .set("identity", d.content().identity().name())
        .set("text", d.content().text())
        .setAll("concerns", d.content().concerns())
        .set("version", Integer.toString(d.version()));
  }

  private static Optional<IdentityMode> identity(String value) {
    for (IdentityMode m : IdentityMode.values()) {
      if (m.name().equals(value)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** Checks the draft field by field, each message in the reader's language. */
  private static Optional<DraftContent> parseDraft(Reader r, Form form, CaseView c) {
    String recipient = form.value("recipient").strip();
    if (recipient.isEmpty()) {
      form.error("recipient", r.t("draft.error.recipient"));
    } else if (recipient.length() > MAX_RECIPIENT) {
      form.error("recipient", r.t("case.error.tooLong", MAX_RECIPIENT));
    }
    String channel = form.value("channel").strip();
    if (channel.isEmpty()) {
      form.error("channel", r.t("draft.error.channel"));
    } else if (channel.length() > MAX_CHANNEL) {
      form.error("channel", r.t("case.error.tooLong", MAX_CHANNEL));
    }
    Optional<IdentityMode> identity = identity(form.value("identity"));
    if (identity.isEmpty()) {
      form.error("identity", r.t("draft.error.identity"));
    }
    List<String> concerns = form.values("concerns").stream().distinct().toList();
    List<String> ids = c.persons().stream().map(CaseView.PersonView::id).toList();
    if (concerns.isEmpty()) {
      form.error("concerns", r.t("draft.error.concerns"));
    } else if (concerns.size() > MAX_CONCERNS || !ids.containsAll(concerns)) {
      form.error("concerns", r.t("draft.error.concernsUnknown"));
    }
    String text = form.value("text");
    if (text.isBlank()) {
      form.error("text", r.t("draft.error.text"));
    } else if (text.length() > DraftContent.MAX_TEXT) {
      form.error("text", r.t("case.error.tooLong", DraftContent.MAX_TEXT));
    }
    if (form.hasErrors()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new DraftContent(recipient, identity.orElseThrow(), channel, text, concerns));
    } catch (MandateException e) {
      form.general(Pages.mandateMessage(r, e));
      return Optional.empty();
    }
  }

  /**
   * The estimate of the draft as typed, computed without saving. Lenient: a missing recipient or
   * channel does not stop the estimate, which is about the text.
   */
  private RiskPanel preview(Reader r, CaseView c, Form form) {
    String text = form.value("text");
    if (text.isBlank()) {
      return RiskPanel.none(r.t("risk.typeToSee"));
    }
    if (text.length() > DraftContent.MAX_TEXT) {
      return RiskPanel.none(r.t("case.error.tooLong", DraftContent.MAX_TEXT));
    }
    List<String> ids = c.persons().stream().map(CaseView.PersonView::id).toList();
    List<String> concerns =
        form.values("concerns").stream().filter(ids::contains).distinct().toList();
    if (concerns.isEmpty()) {
      return RiskPanel.none(r.t("risk.nobody"));
    }
    String recipient = shorten(form.value("recipient").strip(), MAX_RECIPIENT);
    String channel = shorten(form.value("channel").strip(), MAX_CHANNEL);
    DraftContent content =
        new DraftContent(
            recipient.isEmpty() ? "-" : recipient,
            identity(form.value("identity")).orElse(IdentityMode.ANONYMOUS),
            channel.isEmpty() ? "-" : channel,
            text,
            concerns);
    return RiskPanel.of(
        mandate.preview(r.actor(), c.id(), content), text, r.i18n(), r.t("risk.captionTyped"));
  }

  private static String shorten(String s, int max) {
    return s.length() > max ? s.substring(0, max) : s;
  }

  // ---------------------------------------------------------------- composing

  void newForm(Context ctx) {
    pages.guarded(
        ctx,
        r -> {
          CaseView c = openCase(r, Pages.caseId(ctx));
          renderNew(ctx, r, c, blankDraft(c), RiskPanel.none(r.t("risk.typeToSee")), 200);
        });
  }

  private void renderNew(Context ctx, Reader r, CaseView c, Form form, RiskPanel risk, int status) {
    Map<String, Object> params = new HashMap<>();
    params.put("page", r.page());
    params.put("c", c);
    params.put("form", form);
    params.put("persons", choices(r, c));
    params.put("risk", risk);
    pages.render(ctx, status, "disclosure-new.jte", params);
  }

  /** The live risk panel: the estimate of the draft as typed; nothing is saved or audited. */
  void preview(Context ctx) {
    Reader r = pages.reader(ctx);
    RiskPanel risk;
    try {
      CaseView c = openCase(r, Pages.caseId(ctx));
      risk = preview(r, c, readDraft(ctx));
    } catch (CaseException | MandateException e) {
      // The panel says the estimate is not available; the page's own forms say why on submit.
      risk = RiskPanel.none(r.t("risk.unavailable"));
    }
    Map<String, Object> params = new HashMap<>();
    params.put("page", r.page());
    params.put("risk", risk);
    pages.render(ctx, 200, "disclosure-risk.jte", params);
  }

  void create(Context ctx) {
    pages.guarded(
        ctx,
        r -> {
          String id = Pages.caseId(ctx);
          CaseView c = openCase(r, id);
          Form form = readDraft(ctx);
          boolean check = ctx.formParam("check") != null;
          Optional<DraftContent> content = parseDraft(r, form, c);
          if (content.isPresent() && !check) {
            try {
              DisclosureView d = mandate.draft(r.actor(), id, content.get());
              redirect(ctx, base(id) + "/" + d.id() + "?done=drafted");
              return;
            } catch (MandateException e) {
              if (e.status() != 400) {
                throw e;
              }
              form.general(Pages.mandateMessage(r, e));
            }
          }
          RiskPanel risk = preview(r, c, form);
          renderNew(ctx, r, c, form, risk, check && !form.hasErrors() ? 200 : 422);
        });
  }

  // ---------------------------------------------------------------- one communication

  /** What the disclosure page shows besides the disclosure itself. */
  private static final class Extras {
    Form edit;
    RiskPanel editRisk;
    boolean editOpen;
    Form withdraw = Form.blank("withdraw");
    Optional<Communication.Refusal> refusal = Optional.empty();
    Optional<String> flash = Optional.empty();
    Optional<String> awaiting = Optional.empty();
    Optional<String> confirm = Optional.empty();
  }

  void show(Context ctx) {
    pages.guarded(
        ctx,
        r -> {
          String id = Pages.caseId(ctx);
          CaseView c = cases.get(r.actor(), id);
          if (!c.isOpen()) {
            throw new CaseException(CaseException.Reason.CLOSED, "This case is closed.");
          }
          DisclosureView d = mandate.get(r.actor(), id, disclosureId(ctx));
          Extras x = new Extras();
          String done = Optional.ofNullable(ctx.queryParam("done")).orElse("");
          x.flash = flash(r, c, d, done, Optional.ofNullable(ctx.queryParam("item")).orElse(""));
          Optional<String> determination =
              Optional.ofNullable(ctx.queryParam("determination")).filter(Ids::isId);
          if (d.status() == DisclosureStatus.DRAFT && determination.isPresent()) {
            if (done.equals("awaiting")) {
              x.awaiting = determination;
            } else {
              x.confirm = determination;
            }
          }
          renderDisclosure(ctx, r, c, d, x, 200);
        });
  }

  private static Optional<String> flash(
      Reader r, CaseView c, DisclosureView d, String done, String item) {
    return switch (done) {
      case "drafted" -> Optional.of(r.t("disclosure.drafted"));
      case "edited" -> {
        long outdated =
            d.consents().stream()
                .filter(x -> x.revokedAt().isEmpty() && x.version() != d.version())
                .count();
        String saved = r.t("disclosure.edited", d.version());
        yield Optional.of(
            outdated == 0 ? saved : saved + " " + r.t("disclosure.editedConsentsVoid", outdated));
      }
      case "consent" -> Optional.of(r.t("disclosure.consentRecorded", personLabel(r, c, item)));
      case "revoked" -> Optional.of(r.t("disclosure.consentRevoked"));
      case "released" -> Optional.of(r.t("disclosure.released"));
      case "portal" -> Optional.of(r.t("inbox.portalAsked"));
      default -> Optional.empty();
    };
  }

  private void renderDisclosure(
      Context ctx, Reader r, CaseView c, DisclosureView d, Extras x, int status) {
    boolean draft = d.status() == DisclosureStatus.DRAFT;
    Map<String, Object> params = new HashMap<>();
    params.put("page", r.page());
    params.put("labels", r.labels());
    params.put("c", c);
    params.put("d", d);
    params.put(
        "risk",
        RiskPanel.of(
            d.risk(), d.content().text(), r.i18n(), r.t("risk.captionSaved", d.version())));
    params.put("persons", personLines(r, c, d));
    params.put("consents", consentLines(r, c, d));
    params.put(
        "ready", personLines(r, c, d).stream().allMatch(Communication.PersonLine::consented));
    params.put("choices", choices(r, c));
    params.put("edit", x.edit != null ? x.edit : draftForm(d));
    params.put(
        "editRisk",
        x.editRisk != null ? x.editRisk : RiskPanel.none(r.t("risk.changeToSee", d.version())));
    params.put("editOpen", x.editOpen);
    params.put("withdraw", x.withdraw);
    params.put("refusal", x.refusal);
    params.put("flash", x.flash);
    params.put("awaiting", x.awaiting);
    params.put("confirm", x.confirm);
    params.put("draft", draft);
    params.put("secondRequired", secondRequired());
    pages.render(ctx, status, "disclosure.jte", params);
  }

  /** Whether an exception needs a second Ombuds here: the office says so and has another one. */
  private boolean secondRequired() {
    return mandate.exceptionNeedsSecond()
        && accounts.accounts().stream().filter(Account::active).count() > 1;
  }

  void edit(Context ctx) {
    pages.guarded(
        ctx,
        r -> {
          String id = Pages.caseId(ctx);
          String did = disclosureId(ctx);
          CaseView c = openCase(r, id);
          DisclosureView d = mandate.get(r.actor(), id, did);
          requireDraft(d);
          Form form = readDraft(ctx);
          boolean check = ctx.formParam("check") != null;
          Optional<DraftContent> content = parseDraft(r, form, c);
          Extras x = new Extras();
          x.edit = form;
          x.editOpen = true;
          if (content.isPresent() && !check) {
            try {
              mandate.edit(r.actor(), id, did, versionRead(form), content.get());
              redirect(ctx, base(id) + "/" + did + "?done=edited");
              return;
            } catch (MandateException e) {
              switch (e.status()) {
                case 400 -> form.general(Pages.mandateMessage(r, e));
                case 409 -> {
                  if (!e.code().equals("conflict")) {
                    throw e;
                  }
                  DisclosureView now = mandate.get(r.actor(), id, did);
                  conflict(r, form, now);
                  x.editRisk = preview(r, c, form);
                  renderDisclosure(ctx, r, c, now, x, 409);
                  return;
                }
                default -> throw e;
              }
            }
          }
          x.editRisk = preview(r, c, form);
          renderDisclosure(ctx, r, c, d, x, check && !form.hasErrors() ? 200 : 422);
        });
  }

  /** The version the form was read at; a malformed one can never match, so it conflicts. */
  private static Optional<Integer> versionRead(Form form) {
    try {
      return Optional.of(Integer.parseInt(form.value("version")));
    } catch (NumberFormatException e) {
      return Optional.of(-1);
    }
  }

  /** Keeps the typed text; the form now carries the saved version, so saving again applies it. */
  private static void conflict(Reader r, Form form, DisclosureView now) {
    form.conflict(r.t("draft.conflict", now.version()));
    form.set("version", Integer.toString(now.version()));
  }

  // ---------------------------------------------------------------- consent

  void consentForm(Context ctx) {
    pages.guarded(
        ctx,
        r -> {
          String id = Pages.caseId(ctx);
          CaseView c = openCase(r, id);
          DisclosureView d = mandate.get(r.actor(), id, disclosureId(ctx));
          requireDraft(d);
          String person = concerned(d, ctx.queryParam("person"));
          renderConsent(ctx, r, c, d, person, Form.blank("consent"), 200);
        });
  }

  /** The person a consent is for: one of the persons concerned, else a clear refusal. */
  private static String concerned(DisclosureView d, String person) {
    if (person == null || !d.content().concerns().contains(person)) {
      throw new MandateException(422, "not_concerned", "That person is not concerned.");
    }
    return person;
  }

  private void renderConsent(
      Context ctx, Reader r, CaseView c, DisclosureView d, String person, Form form, int status) {
    CaseView.PersonView p =
        c.persons().stream().filter(x -> x.id().equals(person)).findFirst().orElseThrow();
    Map<String, Object> params = new HashMap<>();
    params.put("page", r.page());
    params.put("labels", r.labels());
    params.put("c", c);
    params.put("d", d);
    params.put("person", p);
    params.put("personLabel", personLabel(r, p));
    params.put(
        "risk",
        RiskPanel.of(
            d.risk(), d.content().text(), r.i18n(), r.t("risk.captionSaved", d.version())));
    params.put("form", form);
    pages.render(ctx, status, "disclosure-consent.jte", params);
  }

  void consent(Context ctx) {
    pages.guarded(
        ctx,
        r -> {
          String id = Pages.caseId(ctx);
          String did = disclosureId(ctx);
          CaseView c = openCase(r, id);
          DisclosureView d = mandate.get(r.actor(), id, did);
          requireDraft(d);
          Form form = Form.read(ctx, "consent", "person", "version", "shown", "level", "set");
          String person = concerned(d, form.value("person"));
          Optional<Integer> version = version(form.value("version"));
          if (version.isEmpty()) {
            form.general(r.t("consent.error.version"));
          }
          if (!form.has("shown", "yes")) {
            form.error("shown", r.t("consent.error.shown"));
          }
          if (form.hasErrors()) {
            renderConsent(ctx, r, c, d, person, form, 422);
            return;
          }
          Optional<Integer> set = version(form.value("set"));
          String level = form.value("level");
          Mandate.Shown shown =
              set.isPresent() && List.of("LOW", "MEDIUM", "HIGH").contains(level)
                  ? Mandate.Shown.withEstimate(version.get(), new Exposure(level, set.get()))
                  : Mandate.Shown.version(version.get());
          try {
            mandate.consent(r.actor(), id, did, person, ConsentMethod.IN_PERSON, shown);
          } catch (MandateException e) {
            if (!e.code().equals("version_changed") && !e.code().equals("estimate_changed")) {
              throw e;
            }
            // What the person saw is not what would be released (another text, or a better
            // estimate than the one of the moment): show the current text and estimate and ask
            // again; the box is unticked so that they have to be shown first.
            DisclosureView now = mandate.get(r.actor(), id, did);
            Form again =
                Form.blank("consent")
                    .general(
                        e.code().equals("version_changed")
                            ? r.t("consent.error.versionChanged", version.get(), now.version())
                            : r.t("consent.error.estimateChanged"));
            renderConsent(ctx, r, c, now, person, again, 409);
            return;
          }
          redirect(ctx, base(id) + "/" + did + "?done=consent&item=" + person + "#consents");
        });
  }

  private static Optional<Integer> version(String text) {
    String s = text == null ? "" : text.strip();
    if (!s.matches("[0-9]{1,9}")) {
      return Optional.empty();
    }
    return Optional.of(Integer.parseInt(s));
  }

  void revoke(Context ctx) {
    pages.guarded(
        ctx,
        r -> {
          String id = Pages.caseId(ctx);
          String did = disclosureId(ctx);
          String consent = ctx.pathParam("c");
          if (!Ids.isId(consent)) {
            throw new MandateException(404, "not_found", "There is no such consent.");
          }
          mandate.revoke(r.actor(), id, consent);
          redirect(ctx, base(id) + "/" + did + "?done=revoked#consents");
        });
  }

  // ---------------------------------------------------------------- release

  void release(Context ctx) {
    pages.guarded(
        ctx,
        r -> {
          String id = Pages.caseId(ctx);
          String did = disclosureId(ctx);
          CaseView c = openCase(r, id);
          Optional<String> confirm =
              Optional.ofNullable(ctx.formParam("confirm")).filter(s -> !s.isEmpty());
          Mandate.ReleaseOutcome outcome;
          try {
            if (confirm.isPresent()) {
              if (!Ids.isId(confirm.get())) {
                throw new MandateException(404, "not_found", "There is no such determination.");
              }
              outcome =
                  mandate.release(
                      r.actor(), id, did, Basis.IMMINENT_HARM, Optional.empty(), confirm);
            } else {
              outcome =
                  mandate.release(
                      r.actor(), id, did, Basis.CONSENT, Optional.empty(), Optional.empty());
            }
          } catch (MandateException e) {
            if (confirm.isEmpty() || e.code().equals("case_closed")) {
              throw e;
            }
            // A confirmation the mandate refused: by the Ombuds who determined, for an older
            // version, or of no determination of this draft.
            Extras x = new Extras();
            x.refusal =
                Optional.of(
                    new Communication.Refusal(
                        r.t("release.refused"),
                        List.of(r.t("release.confirm.error." + confirmError(e))),
                        r.t("release.confirm.advice")));
            x.confirm = confirm;
            renderDisclosure(ctx, r, c, mandate.get(r.actor(), id, did), x, e.status());
            return;
          }
          outcome(ctx, r, c, id, did, outcome, Optional.empty());
        });
  }

  private static String confirmError(MandateException e) {
    return switch (e.code()) {
      case "exception_not_met" -> "self";
      case "version_changed" -> "changed";
      case "not_a_draft" -> "notDraft";
      default -> "none";
    };
  }

  /**
   * Answers a release: released and awaiting go to the disclosure page; a refusal is explained on
   * the page the request came from (the exception form, with its input, when given).
   */
  private void outcome(
      Context ctx,
      Reader r,
      CaseView c,
      String id,
      String did,
      Mandate.ReleaseOutcome outcome,
      Optional<Form> exceptionForm) {
    switch (outcome) {
      case Mandate.ReleaseOutcome.Released released ->
          redirect(ctx, base(id) + "/" + did + "?done=released");
      case Mandate.ReleaseOutcome.AwaitingConfirmation waiting ->
          redirect(
              ctx,
              base(id)
                  + "/"
                  + did
                  + "?done=awaiting&determination="
                  + waiting.determinationId()
                  + "#release");
      case Mandate.ReleaseOutcome.Refused refused -> {
        DisclosureView d = mandate.get(r.actor(), id, did);
        Communication.Refusal why = refusal(r, c, d, refused.decision(), exceptionForm);
        int status =
            refused.decision() instanceof ReleasePolicy.Decision.ExceptionNotMet ? 422 : 409;
        if (exceptionForm.isPresent()
            && refused.decision() instanceof ReleasePolicy.Decision.ExceptionNotMet) {
          renderException(ctx, r, c, d, exceptionForm.get(), Optional.of(why), status);
        } else {
          Extras x = new Extras();
          x.refusal = Optional.of(why);
          renderDisclosure(ctx, r, c, d, x, status);
        }
      }
    }
  }

  /** Why nothing was released, in plain words. */
  private static Communication.Refusal refusal(
      Reader r,
      CaseView c,
      DisclosureView d,
      ReleasePolicy.Decision decision,
      Optional<Form> exceptionForm) {
    return switch (decision) {
      case ReleasePolicy.Decision.ConsentMissing m -> {
        List<String> reasons = new ArrayList<>();
        for (String person : m.personIds()) {
          reasons.add(
              r.t("release.missing", personLabel(r, c, person), consentStatus(r, d, person)));
        }
        if (reasons.isEmpty()) {
          reasons.add(r.t("release.nobodyConcerned"));
        }
        yield new Communication.Refusal(
            r.t("release.refusedConsent", m.personIds().size()),
            reasons,
            r.t("release.consentAdvice"));
      }
      case ReleasePolicy.Decision.ExceptionNotMet n -> {
        boolean imminent = exceptionForm.map(f -> f.has("imminent", "yes")).orElse(false);
        boolean serious = exceptionForm.map(f -> f.has("serious", "yes")).orElse(false);
        String why =
            !imminent && !serious
                ? "neither"
                : !imminent ? "notImminent" : !serious ? "notSerious" : "missing";
        yield new Communication.Refusal(
            r.t("release.refused"),
            List.of(r.t("exception.refused." + why)),
            r.t("exception.refused.advice"));
      }
      case ReleasePolicy.Decision.EstimateChanged e -> {
        List<String> reasons = new ArrayList<>();
        for (String person : e.personIds()) {
          reasons.add(r.t("release.staleFor", personLabel(r, c, person)));
        }
        yield new Communication.Refusal(
            r.t(
                "release.refusedStale",
                e.personIds().size(),
                d.risk().level(),
                d.risk().anonymitySet()),
            reasons,
            r.t("release.staleAdvice"));
      }
      case ReleasePolicy.Decision.NotADraft n ->
          new Communication.Refusal(
              r.t("release.refused"), List.of(r.t("release.notDraft." + n.status().name())), "");
      case ReleasePolicy.Decision.ConfirmationRequired cr ->
          new Communication.Refusal(r.t("release.refused"), List.of(r.t("release.awaiting")), "");
      case ReleasePolicy.Decision.Allowed a ->
          new Communication.Refusal(
              r.t("release.refused"), List.of(r.t("mandate.error.other")), "");
    };
  }

  // ---------------------------------------------------------------- the exception

  void exceptionForm(Context ctx) {
    pages.guarded(
        ctx,
        r -> {
          String id = Pages.caseId(ctx);
          CaseView c = openCase(r, id);
          DisclosureView d = mandate.get(r.actor(), id, disclosureId(ctx));
          requireDraft(d);
          if (d.content().isPublication()) {
            // Never offered for a publication (the mandate refuses it too).
            throw new MandateException(
                422,
                "exception_not_met",
                "A publication leaves only with the consent of the persons concerned.");
          }
          renderException(ctx, r, c, d, Form.blank("exception"), Optional.empty(), 200);
        });
  }

  private void renderException(
      Context ctx,
      Reader r,
      CaseView c,
      DisclosureView d,
      Form form,
      Optional<Communication.Refusal> refusal,
      int status) {
    Map<String, Object> params = new HashMap<>();
    params.put("page", r.page());
    params.put("c", c);
    params.put("d", d);
    params.put("form", form);
    params.put("refusal", refusal);
    params.put("secondRequired", secondRequired());
    pages.render(ctx, status, "disclosure-exception.jte", params);
  }

  void exception(Context ctx) {
    pages.guarded(
        ctx,
        r -> {
          String id = Pages.caseId(ctx);
          String did = disclosureId(ctx);
          CaseView c = openCase(r, id);
          DisclosureView d = mandate.get(r.actor(), id, did);
          requireDraft(d);
          Form form =
              Form.read(ctx, "exception", "threat", "target", "imminent", "serious", "reasoning");
          String threat = form.value("threat");
          if (threat.isBlank()) {
            form.error("threat", r.t("exception.error.threat"));
          } else if (threat.length() > Determination.MAX_TEXT) {
            form.error("threat", r.t("case.error.tooLong", Determination.MAX_TEXT));
          }
          Optional<Determination.Target> target = Optional.empty();
          for (Determination.Target t : Determination.Target.values()) {
            if (t.name().equals(form.value("target"))) {
              target = Optional.of(t);
            }
          }
          if (target.isEmpty()) {
            form.error("target", r.t("exception.error.target"));
          }
          if (!form.has("imminent", "yes") && !form.has("imminent", "no")) {
            form.error("imminent", r.t("exception.error.imminent"));
          }
          if (!form.has("serious", "yes") && !form.has("serious", "no")) {
            form.error("serious", r.t("exception.error.serious"));
          }
          String reasoning = form.value("reasoning");
          if (reasoning.isBlank()) {
            form.error("reasoning", r.t("exception.error.reasoning"));
          } else if (reasoning.length() > Determination.MAX_TEXT) {
            form.error("reasoning", r.t("case.error.tooLong", Determination.MAX_TEXT));
          }
          if (form.hasErrors()) {
            renderException(ctx, r, c, d, form, Optional.empty(), 422);
            return;
          }
          Determination det =
              new Determination(
                  threat,
                  target.orElseThrow(),
                  form.has("imminent", "yes"),
                  form.has("serious", "yes"),
                  reasoning);
          Mandate.ReleaseOutcome outcome =
              mandate.release(
                  r.actor(), id, did, Basis.IMMINENT_HARM, Optional.of(det), Optional.empty());
          outcome(ctx, r, c, id, did, outcome, Optional.of(form));
        });
  }

  // ---------------------------------------------------------------- withdrawing

  void withdraw(Context ctx) {
    pages.guarded(
        ctx,
        r -> {
          String id = Pages.caseId(ctx);
          String did = disclosureId(ctx);
          CaseView c = openCase(r, id);
          DisclosureView d = mandate.get(r.actor(), id, did);
          requireDraft(d);
          Form form = Form.read(ctx, "withdraw", "understood");
          if (!form.has("understood", "yes")) {
            form.error("understood", r.t("withdraw.error.understood"));
            Extras x = new Extras();
            x.withdraw = form;
            renderDisclosure(ctx, r, c, d, x, 422);
            return;
          }
          mandate.withdraw(r.actor(), id, did);
          redirect(ctx, "/cases/" + id + "?done=withdrawn#communications");
        });
  }

  // ---------------------------------------------------------------- letters

  void letterPdf(Context ctx) {
    pages.guarded(
        ctx,
        r -> {
          Outbound out = mandate.outbound(r.actor(), Pages.caseId(ctx), disclosureId(ctx), "pdf");
          ctx.header("Content-Disposition", "attachment; filename=\"letter.pdf\"");
          ctx.contentType("application/pdf").result(Letters.pdf(out, letterhead()));
        });
  }

  void letterText(Context ctx) {
    pages.guarded(
        ctx,
        r -> {
          Outbound out = mandate.outbound(r.actor(), Pages.caseId(ctx), disclosureId(ctx), "text");
          ctx.header("Content-Disposition", "inline; filename=\"letter.txt\"");
          ctx.contentType("text/plain; charset=utf-8")
              .result(Letters.text(out, letterhead()).getBytes(StandardCharsets.UTF_8));
        });
  }

  private String letterhead() {
    return mandate.letterhead().orElse("");
  }
}
