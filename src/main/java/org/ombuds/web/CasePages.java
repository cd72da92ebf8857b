package org.ombuds.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.ombuds.account.Account;
import org.ombuds.account.AccountService;
import org.ombuds.casefile.AgeBand;
import org.ombuds.casefile.CaseException;
import org.ombuds.casefile.CaseService;
import org.ombuds.casefile.CaseView;
import org.ombuds.casefile.Categories;
import org.ombuds.casefile.ContractType;
import org.ombuds.casefile.Decision;
import org.ombuds.casefile.Gender;
import org.ombuds.casefile.Modality;
import org.ombuds.casefile.NewCase;
import org.ombuds.casefile.OptionKind;
import org.ombuds.casefile.Outcome;
import org.ombuds.casefile.PersonInput;
import org.ombuds.casefile.PersonRole;
import org.ombuds.casefile.WorkUnit;
import org.ombuds.common.Ids;
import org.ombuds.mandate.Mandate;
import org.ombuds.retaliation.RetaliationException;
import org.ombuds.retaliation.WatchTerms;
import org.ombuds.retaliation.Watches;

/**
 * The case file's pages: the list with its filters, a new case, a case with its sections, and the
 * confirmation pages for closing a case and for declaring a conflict of interest.
 *
 * <p>Every form works without JavaScript: a saved form answers 303 to the page that shows the
 * result, a refused one answers 422 (409 for an edit someone else saved first) with the whole page,
 * the typed input kept and each message next to its field. htmx enhances the same forms by taking
 * only the form's section from those answers. Input is checked here first so that every message is
 * in the reader's language; the case file's own checks remain the last word.
 */
final class CasePages {
  private static final int SPARE_ROWS = 3;
  private static final int MAX_ROWS = 50;
  private static final int MAX_QUERY = 200;
  private static final String[] CASE_FIELDS = {
    "title", "categories", "unit_name", "unit_size", "comp_dimension", "comp_group", "comp_count"
  };

  private final Pages pages;
  private final AccountService accounts;
  private final CaseService cases;
  private final Mandate mandate;
  private final Watches watches;

  CasePages(
      Pages pages, AccountService accounts, CaseService cases, Mandate mandate, Watches watches) {
    this.pages = pages;
    this.watches = watches;
    this.accounts = accounts;
    this.cases = cases;
    this.mandate = mandate;
  }

  private static boolean htmx(Context ctx) {
    return "true".equals(ctx.header("HX-Request"));
  }

  // ---------------------------------------------------------------- list

  void list(Context ctx) {
    pages.guarded(
        ctx,
        r -> {
          // Search words are case content: they come only in a POST body (/cases/search), never
          // in a URL, which browsers keep in their history.
          boolean post = "POST".equals(ctx.method().name());
          java.util.function.Function<String, String> param =
              name -> post ? ctx.formParam(name) : ctx.queryParam(name);
          String status = Optional.ofNullable(param.apply("status")).orElse("open");
          if (!List.of("open", "closed", "all").contains(status)) {
            status = "open";
          }
          String category = Optional.ofNullable(param.apply("category")).orElse("");
          if (!category.isEmpty() && !r.labels().known(category)) {
            category = "";
          }
          String q = post ? Optional.ofNullable(ctx.formParam("q")).orElse("").strip() : "";
          if (q.length() > MAX_QUERY) {
            q = q.substring(0, MAX_QUERY);
          }
          CaseService.Listing listing =
              q.isEmpty() ? cases.listing(r.actor()) : cases.searchListing(r.actor(), q);
          List<CaseView> found = listing.cases();
          String wantedStatus = status;
          String wantedCategory = category;
          found =
              found.stream()
                  .filter(
                      c ->
                          wantedStatus.equals("all")
                              || c.status().name().equalsIgnoreCase(wantedStatus))
                  .filter(c -> wantedCategory.isEmpty() || inCategory(c, wantedCategory))
                  .toList();
          Form filter =
              Form.blank("filter").set("q", q).set("status", status).set("category", category);
          Map<String, Object> params = new HashMap<>();
          params.put("page", r.page());
          params.put("labels", r.labels());
          params.put("filter", filter);
          params.put("found", found);
          // Whatever the filter: whether they are open, or match, is not known.
          params.put("tampered", listing.tampered());
          params.put("here", "/cases");
          params.put(
              "done",
              Optional.ofNullable(ctx.queryParam("done"))
                  .filter("closed"::equals)
                  .map(d -> r.t("cases.closedDone")));
          pages.render(ctx, 200, "cases.jte", params);
        });
  }

  /** A case is in a category when it has that code, or a sub-category of that IOA heading. */
  private static boolean inCategory(CaseView c, String code) {
    boolean heading = Categories.ioa().find(code).map(k -> k.subCategory().isEmpty()).orElse(false);
    return c.categories().stream()
        .anyMatch(k -> k.equals(code) || (heading && k.matches(code + "[a-z]+")));
  }

  // ---------------------------------------------------------------- new case

  void newForm(Context ctx) {
    pages.guarded(
        ctx,
        r -> {
          Form form = Form.blank("case");
          addSpareRows(form, 0);
          renderNew(ctx, r, form, 200);
        });
  }

  void create(Context ctx) {
    pages.guarded(
        ctx,
        r -> {
          Form form = Form.read(ctx, "case", CASE_FIELDS);
          Optional<NewCase> input = parseCase(r, form);
          if (input.isPresent()) {
            Optional<String> id = attempt(r, form, () -> cases.create(r.actor(), input.get()));
            if (id.isPresent()) {
              String to = "/cases/" + id.get() + "?done=created";
              if (htmx(ctx)) {
                ctx.header("HX-Redirect", to);
                ctx.status(200);
              } else {
                ctx.redirect(to, HttpStatus.SEE_OTHER);
              }
              return;
            }
          }
          renderNew(ctx, r, form, 422);
        });
  }

  private void renderNew(Context ctx, Reader r, Form form, int status) {
    Map<String, Object> params = new HashMap<>();
    params.put("page", r.page());
    params.put("labels", r.labels());
    params.put("form", form);
    pages.render(ctx, status, "case-new.jte", params);
  }

  /** Appends blank composition rows, so more can be typed without JavaScript. */
  private static void addSpareRows(Form form, int filled) {
    int rows = Math.min(MAX_ROWS, filled + SPARE_ROWS);
    List<String> d = new ArrayList<>(form.values("comp_dimension").subList(0, filled));
    List<String> g = new ArrayList<>(form.values("comp_group").subList(0, filled));
    List<String> c = new ArrayList<>(form.values("comp_count").subList(0, filled));
    while (d.size() < rows) {
      d.add("");
      g.add("");
      c.add("");
    }
    form.setAll("comp_dimension", d).setAll("comp_group", g).setAll("comp_count", c);
  }

  /**
   * Checks a case form field by field, with a message in the reader's language for each problem.
   */
  private Optional<NewCase> parseCase(Reader r, Form form) {
    String title = form.value("title").strip();
    if (title.isEmpty()) {
      form.error("title", r.t("case.error.titleRequired"));
    } else if (title.length() > NewCase.MAX_TITLE) {
      form.error("title", r.t("case.error.tooLong", NewCase.MAX_TITLE));
    }
    List<String> categories = form.values("categories");
    if (categories.size() > MAX_ROWS) {
      form.error("categories", r.t("case.error.tooManyCategories", MAX_ROWS));
    } else if (!categories.stream().allMatch(r.labels()::known)) {
      form.error("categories", r.t("case.error.unknownCategory"));
    }
    String unitName = form.value("unit_name").strip();
    if (unitName.isEmpty()) {
      form.error("unit_name", r.t("case.error.unitNameRequired"));
    } else if (unitName.length() > 200) {
      form.error("unit_name", r.t("case.error.tooLong", 200));
    }
    Optional<Integer> size = integer(form.value("unit_size"));
    if (form.value("unit_size").isBlank()) {
      form.error("unit_size", r.t("case.error.sizeRequired"));
    } else if (size.isEmpty() || size.get() < 1 || size.get() > WorkUnit.MAX_SIZE) {
      form.error("unit_size", r.t("case.error.sizeRange", WorkUnit.MAX_SIZE));
    }
    List<WorkUnit.Count> composition = composition(r, form, size.orElse(WorkUnit.MAX_SIZE));
    if (form.hasErrors()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new NewCase(title, categories, new WorkUnit(unitName, size.orElseThrow(), composition)));
    } catch (CaseException e) {
      form.general(r.t("form.refusedByCaseFile", e.getMessage()));
      return Optional.empty();
    }
  }

  private static List<WorkUnit.Count> composition(Reader r, Form form, int size) {
    int rows =
        Math.max(
            form.count("comp_dimension"),
            Math.max(form.count("comp_group"), form.count("comp_count")));
    List<WorkUnit.Count> out = new ArrayList<>();
    Map<String, Integer> totals = new HashMap<>();
    for (int i = 0; i < rows; i++) {
      String d = form.value("comp_dimension", i).strip();
      String g = form.value("comp_group", i).strip();
      String n = form.value("comp_count", i).strip();
      if (d.isEmpty() && g.isEmpty() && n.isEmpty()) {
        continue;
      }
      String row = "comp-" + i;
      Optional<Integer> count = integer(n);
      if (d.isEmpty() || g.isEmpty() || n.isEmpty()) {
        form.error(row, r.t("case.error.rowIncomplete", i + 1));
      } else if (d.length() > 40 || g.length() > 40) {
        form.error(row, r.t("case.error.rowTooLong", i + 1, 40));
      } else if (count.isEmpty() || count.get() < 0) {
        form.error(row, r.t("case.error.rowCount", i + 1));
      } else if (out.size() >= MAX_ROWS) {
        form.error(row, r.t("case.error.tooManyRows", MAX_ROWS));
      } else {
        int total = totals.merge(d.toLowerCase(Locale.ROOT), count.get(), Integer::sum);
        if (total > size) {
          form.error(row, r.t("case.error.rowTotal", i + 1, d, size));
        }
        out.add(new WorkUnit.Count(d, g, count.get()));
      }
    }
    return out;
  }

  private static Optional<Integer> integer(String text) {
    String s = text == null ? "" : text.strip();
    if (!s.matches("-?[0-9]{1,9}")) {
      return Optional.empty();
    }
    return Optional.of(Integer.parseInt(s));
  }

  /**
   * Runs a change the case file may still refuse as invalid: the refusal goes on the form. Other
   * refusals (no such case, closed) go up to {@link Pages#guarded}.
   */
  private static <T> Optional<T> attempt(Reader r, Form form, Supplier<T> change) {
    try {
      return Optional.of(change.get());
    } catch (CaseException e) {
      if (e.reason() != CaseException.Reason.INVALID) {
        throw e;
      }
      form.general(r.t("form.refusedByCaseFile", e.getMessage()));
      return Optional.empty();
    }
  }

  private static boolean attemptRun(Reader r, Form form, Runnable change) {
    return attempt(
            r,
            form,
            () -> {
              change.run();
              return Boolean.TRUE;
            })
        .isPresent();
  }

  // ---------------------------------------------------------------- one case

  void show(Context ctx) {
    pages.guarded(
        ctx,
        r -> {
          String id = Pages.caseId(ctx);
          CaseView c = cases.get(r.actor(), id);
          FormSet forms = new FormSet();
          flash(ctx, r, c, forms);
          renderCase(ctx, r, c, forms, 200);
        });
  }

  /** The message a section shows after a change, from the redirect's {@code done} parameter. */
  private static void flash(Context ctx, Reader r, CaseView c, FormSet forms) {
    String done = Optional.ofNullable(ctx.queryParam("done")).orElse("");
    switch (done) {
      case "created" -> forms.flash("summary", r.t("case.created"));
      case "updated" -> forms.flash("summary", r.t("case.updated"));
      case "person" -> {
        String item = Optional.ofNullable(ctx.queryParam("item")).orElse("");
        c.persons().stream()
            .filter(p -> p.id().equals(item))
            .findFirst()
            .ifPresent(p -> forms.flash("persons", r.t("persons.added", p.pseudonym())));
      }
      case "note" -> forms.flash("notes", r.t("notes.added"));
      case "contact" -> forms.flash("contacts", r.t("contacts.added"));
      case "option" -> forms.flash("options", r.t("options.added"));
      case "decision" -> forms.flash("options", r.t("options.decided"));
      case "reminder" -> forms.flash("reminders", r.t("reminders.added"));
      case "reminderDone" -> forms.flash("reminders", r.t("reminders.completed"));
      case "withdrawn" -> forms.flash("communications", r.t("communications.withdrawn"));
      case "watch" -> forms.flash("watch", r.t("watch.agreed"));
      case "checkIn" -> forms.flash("watch", r.t("watch.checkInDone"));
      case "watchEnded" -> forms.flash("watch", r.t("watch.endedFlash"));
      default -> {}
    }
  }

  private void renderCase(Context ctx, Reader r, CaseView c, FormSet forms, int status) {
    if (c.isOpen() && !forms.refused("edit")) {
      forms.with("edit", editForm(c));
    }
    Map<String, Object> params = new HashMap<>();
    params.put("page", r.page());
    params.put("labels", r.labels());
    params.put("c", c);
    params.put("names", accountNames());
    params.put("forms", forms);
    // The case's communications (the mandate's disclosures); a closed case has none to show.
    params.put("disclosures", c.isOpen() ? mandate.list(r.actor(), c.id()) : List.of());
    params.put("watches", watches.forCase(r.actor(), c.id()));
    params.put("checkInSlots", RetaliationPages.CHECK_IN_SLOTS);
    pages.render(ctx, status, "case.jte", params);
  }

  private Map<String, String> accountNames() {
    Map<String, String> names = new HashMap<>();
    for (Account a : accounts.accounts()) {
      names.put(a.id(), a.username().value());
    }
    return names;
  }

  /** The edit form filled with the case as stored. */
  private static Form editForm(CaseView c) {
    Form f =
        Form.blank("edit")
            .set("version", Integer.toString(c.version()))
            .set("title", c.title())
            .setAll("categories", c.categories())
            .set("unit_name", c.workUnit().name())
            .set("unit_size", Integer.toString(c.workUnit().size()));
    List<WorkUnit.Count> comp = c.workUnit().composition();
    f.setAll("comp_dimension", comp.stream().map(WorkUnit.Count::dimension).toList())
        .setAll("comp_group", comp.stream().map(WorkUnit.Count::group).toList())
        .setAll("comp_count", comp.stream().map(k -> Integer.toString(k.count())).toList());
    addSpareRows(f, comp.size());
    return f;
  }

  /** Shows the case again with {@code form} refused: the whole page, or the section for htmx. */
  private void refused(Context ctx, Reader r, String caseId, String name, Form form, int status) {
    CaseView c = cases.get(r.actor(), caseId);
    renderCase(ctx, r, c, new FormSet().with(name, form), status);
  }

  private static void saved(Context ctx, String caseId, String done, String section) {
    ctx.redirect("/cases/" + caseId + "?done=" + done + "#" + section, HttpStatus.SEE_OTHER);
  }

  void update(Context ctx) {
    pages.guarded(
        ctx,
        r -> {
          String id = Pages.caseId(ctx);
          Form form = Form.read(ctx, "edit", CASE_FIELDS);
          form.set("version", Optional.ofNullable(ctx.formParam("version")).orElse(""));
          Optional<Integer> version = integer(form.value("version"));
          Optional<NewCase> input = parseCase(r, form);
          if (version.isEmpty() || version.get() < 0) {
            form.general(r.t("case.error.version"));
          }
          if (input.isPresent() && version.isPresent() && !form.hasErrors()) {
            try {
              cases.update(r.actor(), id, version.get(), input.get());
              saved(ctx, id, "updated", "summary");
              return;
            } catch (CaseException e) {
              if (e.reason() != CaseException.Reason.CONFLICT) {
                if (e.reason() != CaseException.Reason.INVALID) {
                  throw e;
                }
                form.general(r.t("form.refusedByCaseFile", e.getMessage()));
              } else {
                // Keep what the person typed; the summary above shows what is saved now, and
                // the form now carries the saved version, so saving again applies this input.
                CaseView now = cases.get(r.actor(), id);
                form.conflict(r.t("case.conflict"));
                form.set("version", Integer.toString(now.version()));
                renderCase(ctx, r, now, new FormSet().with("edit", form), 409);
                return;
              }
            }
          }
          refused(ctx, r, id, "edit", form, 422);
        });
  }

  void addPerson(Context ctx) {
    pages.guarded(
        ctx,
        r -> {
          String id = Pages.caseId(ctx);
          Form form =
              Form.read(ctx, "person", "role", "name", "contract", "gender", "age", "confidant");
          Optional<PersonRole> role = choice(PersonRole.class, form.value("role"));
          if (role.isEmpty()) {
            form.error("role", r.t("persons.error.role"));
          }
          String name = form.value("name").strip();
          if (name.length() > PersonInput.MAX_NAME) {
            form.error("name", r.t("case.error.tooLong", PersonInput.MAX_NAME));
          }
          Picked<ContractType> contract =
              optionalChoice(ContractType.class, form.value("contract"));
          Picked<Gender> gender = optionalChoice(Gender.class, form.value("gender"));
          Picked<AgeBand> age = optionalChoice(AgeBand.class, form.value("age"));
          if (!contract.valid() || !gender.valid() || !age.valid()) {
            form.error("stats", r.t("persons.error.stats"));
          } else if (role.isPresent()
              && role.get() != PersonRole.VISITOR
              && (contract.value().isPresent()
                  || gender.value().isPresent()
                  || age.value().isPresent())) {
            form.error("stats", r.t("persons.error.statsVisitorOnly"));
          }
          if (!form.hasErrors()) {
            Optional<CaseView.PersonView> added =
                attempt(
                    r,
                    form,
                    () ->
                        cases.addPerson(
                            r.actor(),
                            id,
                            new PersonInput(
                                role.orElseThrow(),
                                Optional.of(name).filter(n -> !n.isEmpty()),
                                contract.value(),
                                gender.value(),
                                age.value(),
                                form.has("confidant", "yes"))));
            if (added.isPresent()) {
              ctx.redirect(
                  "/cases/" + id + "?done=person&item=" + added.get().id() + "#persons",
                  HttpStatus.SEE_OTHER);
              return;
            }
          }
          refused(ctx, r, id, "person", form, 422);
        });
  }

  /** Marks a person as having spoken to the office in confidence (there is no way back). */
  void markConfidant(Context ctx) {
    pages.guarded(
        ctx,
        r -> {
          String id = Pages.caseId(ctx);
          String person = ctx.pathParam("p");
          cases.markConfidant(r.actor(), id, person);
          ctx.redirect(
              "/cases/" + id + "?done=person&item=" + person + "#persons", HttpStatus.SEE_OTHER);
        });
  }

  void addNote(Context ctx) {
    pages.guarded(
        ctx,
        r -> {
          String id = Pages.caseId(ctx);
          Form form = Form.read(ctx, "note", "text");
          String text = form.value("text");
          requiredText(r, form, "text", text, CaseService.MAX_NOTE);
          if (!form.hasErrors() && attemptRun(r, form, () -> cases.addNote(r.actor(), id, text))) {
            saved(ctx, id, "note", "notes");
            return;
          }
          refused(ctx, r, id, "note", form, 422);
        });
  }

  void addContact(Context ctx) {
    pages.guarded(
        ctx,
        r -> {
          String id = Pages.caseId(ctx);
          Form form = Form.read(ctx, "contact", "date", "modality", "minutes", "text");
          Optional<LocalDate> date = date(r, form, "date");
          if (date.isPresent() && date.get().isAfter(r.labels().today().plusDays(1))) {
            form.error("date", r.t("contacts.error.future"));
          }
          Optional<Modality> modality = choice(Modality.class, form.value("modality"));
          if (modality.isEmpty()) {
            form.error("modality", r.t("form.error.choose"));
          }
          Optional<Integer> minutes = integer(form.value("minutes"));
          if (form.value("minutes").isBlank()) {
            form.error("minutes", r.t("contacts.error.minutesRequired"));
          } else if (minutes.isEmpty()
              || minutes.get() < 0
              || minutes.get() > CaseService.MAX_MINUTES) {
            form.error("minutes", r.t("contacts.error.minutes", CaseService.MAX_MINUTES));
          }
          Optional<String> text = optionalText(r, form, "text", CaseService.MAX_TEXT);
          if (!form.hasErrors()
              && attemptRun(
                  r,
                  form,
                  () ->
                      cases.addContact(
                          r.actor(),
                          id,
                          date.orElseThrow(),
                          modality.orElseThrow(),
                          minutes.orElseThrow(),
                          text))) {
            saved(ctx, id, "contact", "contacts");
            return;
          }
          refused(ctx, r, id, "contact", form, 422);
        });
  }

  void addOption(Context ctx) {
    pages.guarded(
        ctx,
        r -> {
          String id = Pages.caseId(ctx);
          Form form = Form.read(ctx, "option", "kind", "decision", "reason");
          Optional<OptionKind> kind = choice(OptionKind.class, form.value("kind"));
          if (kind.isEmpty()) {
            form.error("kind", r.t("form.error.choose"));
          }
          Optional<Decision> decision =
              form.value("decision").isEmpty()
                  ? Optional.of(Decision.PROPOSED)
                  : choice(Decision.class, form.value("decision"));
          if (decision.isEmpty()) {
            form.error("decision", r.t("form.error.choose"));
          }
          Optional<String> reason = optionalText(r, form, "reason", CaseService.MAX_TEXT);
          if (!form.hasErrors()
              && attemptRun(
                  r,
                  form,
                  () ->
                      cases.addOption(
                          r.actor(), id, kind.orElseThrow(), decision.orElseThrow(), reason))) {
            saved(ctx, id, "option", "options");
            return;
          }
          refused(ctx, r, id, "option", form, 422);
        });
  }

  void decideOption(Context ctx) {
    pages.guarded(
        ctx,
        r -> {
          String id = Pages.caseId(ctx);
          String option = ctx.pathParam("option");
          if (!Ids.isId(option)) {
            throw new CaseException(CaseException.Reason.NOT_FOUND, "There is no such option.");
          }
          Form form = Form.read(ctx, "decide-" + option, "decision", "reason");
          Optional<Decision> decision = choice(Decision.class, form.value("decision"));
          if (decision.isEmpty()) {
            form.error("decision", r.t("form.error.choose"));
          }
          Optional<String> reason = optionalText(r, form, "reason", CaseService.MAX_TEXT);
          if (!form.hasErrors()
              && attemptRun(
                  r,
                  form,
                  () ->
                      cases.decideOption(r.actor(), id, option, decision.orElseThrow(), reason))) {
            saved(ctx, id, "decision", "options");
            return;
          }
          refused(ctx, r, id, "decide-" + option, form, 422);
        });
  }

  void addReminder(Context ctx) {
    pages.guarded(
        ctx,
        r -> {
          String id = Pages.caseId(ctx);
          Form form = Form.read(ctx, "reminder", "due", "text");
          Optional<LocalDate> due = date(r, form, "due");
          String text = form.value("text");
          requiredText(r, form, "text", text, CaseService.MAX_TEXT);
          if (!form.hasErrors()
              && attemptRun(
                  r, form, () -> cases.addReminder(r.actor(), id, due.orElseThrow(), text))) {
            saved(ctx, id, "reminder", "reminders");
            return;
          }
          refused(ctx, r, id, "reminder", form, 422);
        });
  }

  void completeReminder(Context ctx) {
    pages.guarded(
        ctx,
        r -> {
          String id = Pages.caseId(ctx);
          String reminder = ctx.pathParam("reminder");
          if (!Ids.isId(reminder)) {
            throw new CaseException(CaseException.Reason.NOT_FOUND, "There is no such reminder.");
          }
          cases.completeReminder(r.actor(), id, reminder);
          saved(ctx, id, "reminderDone", "reminders");
        });
  }

  // ---------------------------------------------------------------- retaliation watch

  void addWatch(Context ctx) {
    pages.guarded(
        ctx,
        r -> {
          String id = Pages.caseId(ctx);
          Form form = Form.read(ctx, "watch", "person", "until", "checkin");
          Optional<LocalDate> until = date(r, form, "until");
          List<LocalDate> checkIns = new ArrayList<>();
          for (String day : form.values("checkin")) {
            if (day.isBlank()) {
              continue;
            }
            try {
              checkIns.add(LocalDate.parse(day.strip()));
            } catch (DateTimeParseException e) {
              form.error("checkin", r.t("form.error.date"));
            }
          }
          String person = form.value("person");
          if (person.isBlank()) {
            form.error("person", r.t("watch.error.person_not_of_case"));
          }
          if (!form.hasErrors()) {
            try {
              watches.agree(r.actor(), id, person, new WatchTerms(until.orElseThrow(), checkIns));
              saved(ctx, id, "watch", "watch");
              return;
            } catch (RetaliationException e) {
              String field =
                  e.code().startsWith("until")
                      ? "until"
                      : e.code().startsWith("person") ? "person" : "checkin";
              form.error(field, RetaliationPages.message(r, e));
            }
          }
          refused(ctx, r, id, "watch", form, 422);
        });
  }

  // ---------------------------------------------------------------- closing

  void closeForm(Context ctx) {
    pages.guarded(ctx, r -> renderClose(ctx, r, Pages.caseId(ctx), Form.blank("close"), 200));
  }

  private void renderClose(Context ctx, Reader r, String id, Form form, int status) {
    CaseView c = cases.get(r.actor(), id);
    if (!c.isOpen()) {
      throw new CaseException(CaseException.Reason.CLOSED, "This case is closed.");
    }
    Map<String, Object> params = new HashMap<>();
    params.put("page", r.page());
    params.put("labels", r.labels());
    params.put("c", c);
    params.put("form", form);
    params.put("graceDays", cases.policy().graceDays());
    pages.render(ctx, status, "case-close.jte", params);
  }

  void close(Context ctx) {
    pages.guarded(
        ctx,
        r -> {
          String id = Pages.caseId(ctx);
          Form form = Form.read(ctx, "close", "outcome", "understood");
          Optional<Outcome> outcome = choice(Outcome.class, form.value("outcome"));
          if (outcome.isEmpty()) {
            form.error("outcome", r.t("close.error.outcome"));
          }
          if (!form.has("understood", "yes")) {
            form.error("understood", r.t("close.error.understood"));
          }
          if (!form.hasErrors()) {
            try {
              cases.close(r.actor(), id, outcome.orElseThrow());
              ctx.redirect("/cases?status=all&done=closed", HttpStatus.SEE_OTHER);
              return;
            } catch (CaseException e) {
              if (e.reason() != CaseException.Reason.CONFLICT) {
                throw e;
              }
              form.general(r.t("close.error.conflict"));
            }
          }
          renderClose(ctx, r, id, form, 422);
        });
  }

  // ---------------------------------------------------------------- conflict of interest

  void recuseForm(Context ctx) {
    pages.guarded(ctx, r -> renderRecuse(ctx, r, Pages.caseId(ctx), Form.blank("recuse"), 200));
  }

  /** The other active Ombuds of the office, by username. */
  private Map<String, String> colleagues(String actor) {
    Map<String, String> out = new LinkedHashMap<>();
    accounts.accounts().stream()
        .filter(Account::active)
        .filter(a -> !a.id().equals(actor))
        .sorted(Comparator.comparing(a -> a.username().value()))
        .forEach(a -> out.put(a.id(), a.username().value()));
    return out;
  }

  private void renderRecuse(Context ctx, Reader r, String id, Form form, int status) {
    CaseView c = cases.get(r.actor(), id);
    Map<String, Object> params = new HashMap<>();
    params.put("page", r.page());
    params.put("c", c);
    params.put("colleagues", colleagues(r.actor()));
    params.put("form", form);
    pages.render(ctx, status, "case-recuse.jte", params);
  }

  void recuse(Context ctx) {
    pages.guarded(
        ctx,
        r -> {
          String id = Pages.caseId(ctx);
          // Checked first, so a recused Ombuds learns nothing more from this form than elsewhere.
          cases.get(r.actor(), id);
          Form form = Form.read(ctx, "recuse", "to", "understood");
          String to = form.value("to");
          if (!colleagues(r.actor()).containsKey(to)) {
            form.error("to", r.t("recuse.error.to"));
          }
          if (!form.has("understood", "yes")) {
            form.error("understood", r.t("recuse.error.understood"));
          }
          if (!form.hasErrors()) {
            try {
              cases.recuse(r.actor(), id, to);
              ctx.redirect("/dashboard?done=recused", HttpStatus.SEE_OTHER);
              return;
            } catch (CaseException e) {
              if (e.reason() != CaseException.Reason.INVALID) {
                throw e;
              }
              // The only refusal left: the colleague is recused from this case too.
              form.error("to", r.t("recuse.error.alsoRecused"));
            }
          }
          renderRecuse(ctx, r, id, form, 422);
        });
  }

  // ---------------------------------------------------------------- field checks

  private static <E extends Enum<E>> Optional<E> choice(Class<E> type, String value) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(value)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** A choice that may be left empty: {@code valid} is false for a value not in the list. */
  private record Picked<E>(boolean valid, Optional<E> value) {}

  private static <E extends Enum<E>> Picked<E> optionalChoice(Class<E> type, String value) {
    if (value == null || value.isEmpty()) {
      return new Picked<>(true, Optional.empty());
    }
    Optional<E> e = choice(type, value);
    return new Picked<>(e.isPresent(), e);
  }

  private static void requiredText(Reader r, Form form, String field, String text, int max) {
    if (text.isBlank()) {
      form.error(field, r.t("form.error.required"));
    } else if (text.length() > max) {
      form.error(field, r.t("case.error.tooLong", max));
    }
  }

  private static Optional<String> optionalText(Reader r, Form form, String field, int max) {
    String text = form.value(field);
    if (text.length() > max) {
      form.error(field, r.t("case.error.tooLong", max));
    }
    return Optional.of(text.strip()).filter(t -> !t.isEmpty());
  }

  private static Optional<LocalDate> date(Reader r, Form form, String field) {
    String text = form.value(field).strip();
    if (text.isEmpty()) {
      form.error(field, r.t("form.error.dateRequired"));
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      form.error(field, r.t("form.error.date"));
      return Optional.empty();
    }
  }
}
