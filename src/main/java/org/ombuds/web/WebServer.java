package org.ombuds.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson3;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.ombuds.app.Office;

/**
 * The HTTP server: pages, the JSON API and the OpenAPI document, bound to one address. Every route
 * is registered through {@link #route}, which requires a role.
 */
public final class WebServer {
  /** Largest request body accepted, in bytes. */
  public static final long MAX_REQUEST_BYTES = 1_048_576;

  /** How the server is reached. */
  public record Options(boolean behindTls) {
    public static Options plain() {
      return new Options(false);
    }
  }

  private final Javalin app;
  private final List<Route> routes = new ArrayList<>();
  private final ScheduledExecutorService sweeper =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "session-sweeper");
            t.setDaemon(true);
            return t;
          });
  private final Office office;
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(WebServer.class);
  private List<java.util.concurrent.ScheduledFuture<?>> scheduled = List.of();

  public WebServer(Office office, Options options) {
    this(office, options, config -> {});
  }

  /** As above, with {@code extra} configuration applied last (tests add routes through it). */
  WebServer(Office office, Options options, java.util.function.Consumer<JavalinConfig> extra) {
    this.office = office;
    Templates templates = new Templates();
    Auth auth = new Auth(office.sessions(), office.portal().sessions(), options.behindTls());
    SecurityHeaders headers = new SecurityHeaders(options.behindTls());
    ErrorMapper errors = new ErrorMapper(templates);
    Assets assets = new Assets(htmxVersion());
    byte[] openApi = openApiDocument();
    SessionApi sessionApi = new SessionApi(office.accounts());
    AccountApi accountApi =
        new AccountApi(office.accounts(), office.cases(), office.mandate(), office.safeguards());
    CaseApi caseApi = new CaseApi(office.cases());
    MandateApi mandateApi = new MandateApi(office.mandate());
    ReportApi reportApi = new ReportApi(office.reports(), office.mandate(), office.safeguards());
    StoryApi storyApi = new StoryApi(office.stories());
    RetaliationApi retaliationApi =
        new RetaliationApi(
            office.alerts(), office.watches(), office.notifications(), office.notifier());
    Pages pages =
        new Pages(
            templates,
            auth,
            office.accounts(),
            office.cases(),
            office.mandate(),
            office.stories(),
            new RetaliationPages.Services(
                office.alerts(), office.watches(), office.notifications(), office.notifier()),
            office.safeguards());
    PortalApi portalApi = new PortalApi(office.portal());
    PortalPages portalPages =
        new PortalPages(templates, auth, office.portal(), new FormNonces(office.clock()));
    InboxPages inboxPages = new InboxPages(pages, office.cases(), office.portal());

    this.app =
        Javalin.create(
            config -> {
              configure(config);
              config.routes.before(headers::apply);
              config.routes.beforeMatched(auth::check);
              errors.register(config.routes);

              route(
                  config,
                  HandlerType.GET,
                  "/healthz",
                  ctx -> ctx.json(Map.of("status", "ok")),
                  Role.ANYONE);
              route(config, HandlerType.GET, "/assets/{name}", assets::serve, Role.ANYONE);
              route(
                  config,
                  HandlerType.GET,
                  "/api/openapi.json",
                  ctx -> ctx.contentType("application/json").result(openApi),
                  Role.ANYONE);

              route(config, HandlerType.GET, "/", pages::root, Role.ANYONE);
              route(config, HandlerType.GET, "/login", pages::loginForm, Role.ANYONE);
              route(config, HandlerType.POST, "/login", pages::login, Role.ANYONE);
              route(config, HandlerType.POST, "/logout", pages::logout, Role.OMBUDS_SETUP);
              route(config, HandlerType.GET, "/dashboard", pages::dashboard, Role.OMBUDS);
              route(
                  config,
                  HandlerType.POST,
                  "/changes/{change}/confirm",
                  pages.changePages()::confirm,
                  Role.OMBUDS);
              route(
                  config,
                  HandlerType.POST,
                  "/changes/{change}/decline",
                  pages.changePages()::decline,
                  Role.OMBUDS);
              // The language form checks its own token: the login page offers it too.
              route(config, HandlerType.POST, "/language", pages::language, Role.ANYONE);
              CasePages cp = pages.casePages();
              route(config, HandlerType.GET, "/cases", cp::list, Role.OMBUDS);
              route(config, HandlerType.POST, "/cases/search", cp::list, Role.OMBUDS);
              route(config, HandlerType.POST, "/cases", cp::create, Role.OMBUDS);
              route(config, HandlerType.GET, "/cases/new", cp::newForm, Role.OMBUDS);
              route(config, HandlerType.GET, "/cases/{id}", cp::show, Role.OMBUDS);
              route(config, HandlerType.POST, "/cases/{id}", cp::update, Role.OMBUDS);
              route(config, HandlerType.POST, "/cases/{id}/persons", cp::addPerson, Role.OMBUDS);
              route(
                  config,
                  HandlerType.POST,
                  "/cases/{id}/persons/{p}/confidant",
                  cp::markConfidant,
                  Role.OMBUDS);
              route(config, HandlerType.POST, "/cases/{id}/notes", cp::addNote, Role.OMBUDS);
              route(config, HandlerType.POST, "/cases/{id}/contacts", cp::addContact, Role.OMBUDS);
              route(config, HandlerType.POST, "/cases/{id}/options", cp::addOption, Role.OMBUDS);
              route(
                  config,
                  HandlerType.POST,
                  "/cases/{id}/options/{option}",
                  cp::decideOption,
                  Role.OMBUDS);
              route(
                  config, HandlerType.POST, "/cases/{id}/reminders", cp::addReminder, Role.OMBUDS);
              route(
                  config,
                  HandlerType.POST,
                  "/cases/{id}/reminders/{reminder}/done",
                  cp::completeReminder,
                  Role.OMBUDS);
              route(config, HandlerType.GET, "/cases/{id}/close", cp::closeForm, Role.OMBUDS);
              route(config, HandlerType.POST, "/cases/{id}/close", cp::close, Role.OMBUDS);
              route(config, HandlerType.GET, "/cases/{id}/recuse", cp::recuseForm, Role.OMBUDS);
              route(config, HandlerType.POST, "/cases/{id}/recuse", cp::recuse, Role.OMBUDS);
              // The mandate's pages. "new" and "preview" come before {d}: the first match wins.
              DisclosurePages dp = pages.disclosurePages();
              String dc = "/cases/{id}/disclosures";
              route(config, HandlerType.GET, dc + "/new", dp::newForm, Role.OMBUDS);
              route(config, HandlerType.POST, dc + "/preview", dp::preview, Role.OMBUDS);
              route(config, HandlerType.POST, dc, dp::create, Role.OMBUDS);
              route(config, HandlerType.GET, dc + "/{d}", dp::show, Role.OMBUDS);
              route(config, HandlerType.POST, dc + "/{d}", dp::edit, Role.OMBUDS);
              route(config, HandlerType.GET, dc + "/{d}/consent", dp::consentForm, Role.OMBUDS);
              route(config, HandlerType.POST, dc + "/{d}/consent", dp::consent, Role.OMBUDS);
              route(
                  config,
                  HandlerType.POST,
                  dc + "/{d}/consents/{c}/revoke",
                  dp::revoke,
                  Role.OMBUDS);
              route(config, HandlerType.POST, dc + "/{d}/release", dp::release, Role.OMBUDS);
              route(config, HandlerType.GET, dc + "/{d}/exception", dp::exceptionForm, Role.OMBUDS);
              route(config, HandlerType.POST, dc + "/{d}/exception", dp::exception, Role.OMBUDS);
              route(config, HandlerType.POST, dc + "/{d}/withdraw", dp::withdraw, Role.OMBUDS);
              route(config, HandlerType.GET, dc + "/{d}/letter.pdf", dp::letterPdf, Role.OMBUDS);
              route(config, HandlerType.GET, dc + "/{d}/letter.txt", dp::letterText, Role.OMBUDS);

              RetaliationPages rp = pages.retaliationPages();
              route(config, HandlerType.POST, "/cases/{id}/watches", cp::addWatch, Role.OMBUDS);
              route(
                  config,
                  HandlerType.POST,
                  "/alerts/{alert}/acknowledge",
                  rp::acknowledge,
                  Role.OMBUDS);
              route(
                  config,
                  HandlerType.POST,
                  "/watches/{watch}/check-ins/{date}/done",
                  rp::checkInDone,
                  Role.OMBUDS);
              route(config, HandlerType.POST, "/watches/{watch}/end", rp::end, Role.OMBUDS);
              route(
                  config,
                  HandlerType.GET,
                  "/settings/notifications",
                  rp::settingsForm,
                  Role.OMBUDS);
              route(
                  config,
                  HandlerType.POST,
                  "/settings/notifications",
                  rp::saveSettings,
                  Role.OMBUDS);

              portal(config, portalApi, portalPages, inboxPages);
              api(config, sessionApi, accountApi, caseApi);
              mandateApi(config, mandateApi);
              StoryRoutes.register(this::route, config, storyApi, pages.storyPages());
              retaliationApi(config, retaliationApi);
              reports(
                  config,
                  reportApi,
                  new ReportPages(pages, office.reports(), office.mandate(), office.safeguards()));
              extra.accept(config);
            });
  }

  private void api(JavalinConfig config, SessionApi session, AccountApi accounts, CaseApi cases) {
    String v1 = "/api/v1";
    HandlerType get = HandlerType.GET;
    HandlerType post = HandlerType.POST;
    HandlerType put = HandlerType.PUT;
    route(config, post, v1 + "/session", session::login, Role.ANYONE);
    route(config, HandlerType.DELETE, v1 + "/session", session::logout, Role.OMBUDS_SETUP);
    route(config, post, v1 + "/recovery", accounts::recover, Role.ANYONE);

    route(config, get, v1 + "/accounts", accounts::list, Role.OMBUDS);
    route(config, post, v1 + "/accounts", accounts::add, Role.OMBUDS);
    route(config, post, v1 + "/accounts/{account}/handover", accounts::handOver, Role.OMBUDS);
    route(config, post, v1 + "/account/totp", accounts::beginTotp, Role.OMBUDS_SETUP);
    route(config, post, v1 + "/account/totp/confirm", accounts::confirmTotp, Role.OMBUDS_SETUP);
    route(config, put, v1 + "/account/language", accounts::language, Role.OMBUDS);
    route(config, get, v1 + "/office/settings", accounts::getSettings, Role.OMBUDS);
    route(config, put, v1 + "/office/settings", accounts::settings, Role.OMBUDS);
    route(config, get, v1 + "/office/changes", accounts::changes, Role.OMBUDS);
    route(
        config,
        post,
        v1 + "/office/changes/{change}/confirm",
        accounts::confirmChange,
        Role.OMBUDS);
    route(
        config,
        post,
        v1 + "/office/changes/{change}/decline",
        accounts::declineChange,
        Role.OMBUDS);
    route(config, post, v1 + "/office/categories", cases::addOfficeCategory, Role.OMBUDS);
    route(config, get, v1 + "/categories", cases::categories, Role.OMBUDS);

    route(config, post, v1 + "/cases", cases::create, Role.OMBUDS);
    route(config, get, v1 + "/cases", cases::list, Role.OMBUDS);
    route(config, post, v1 + "/cases/search", cases::search, Role.OMBUDS);
    route(config, get, v1 + "/cases/{id}", cases::get, Role.OMBUDS);
    route(config, put, v1 + "/cases/{id}", cases::update, Role.OMBUDS);
    route(config, post, v1 + "/cases/{id}/notes", cases::addNote, Role.OMBUDS);
    route(config, post, v1 + "/cases/{id}/persons", cases::addPerson, Role.OMBUDS);
    route(
        config, post, v1 + "/cases/{id}/persons/{p}/confidant", cases::markConfidant, Role.OMBUDS);
    route(config, post, v1 + "/cases/{id}/contacts", cases::addContact, Role.OMBUDS);
    route(config, post, v1 + "/cases/{id}/options", cases::addOption, Role.OMBUDS);
    route(config, put, v1 + "/cases/{id}/options/{option}", cases::decideOption, Role.OMBUDS);
    route(config, post, v1 + "/cases/{id}/reminders", cases::addReminder, Role.OMBUDS);
    route(
        config,
        post,
        v1 + "/cases/{id}/reminders/{reminder}/done",
        cases::completeReminder,
        Role.OMBUDS);
    route(config, post, v1 + "/cases/{id}/recuse", cases::recuse, Role.OMBUDS);
    route(config, post, v1 + "/cases/{id}/close", cases::close, Role.OMBUDS);
    route(config, get, v1 + "/reminders", cases::remindersDue, Role.OMBUDS);
  }

  private void portal(JavalinConfig config, PortalApi api, PortalPages pp, InboxPages inbox) {
    HandlerType get = HandlerType.GET;
    HandlerType post = HandlerType.POST;
    // The visitor's JSON (contract): no Ombuds session, a portal token where it says VISITOR.
    route(config, post, "/portal/contact", api::contact, Role.ANYONE);
    route(config, post, "/portal/session", api::session, Role.ANYONE);
    route(config, HandlerType.DELETE, "/portal/session", api::endSession, Role.VISITOR);
    route(config, get, "/portal/thread", api::thread, Role.VISITOR);
    route(config, post, "/portal/messages", api::write, Role.VISITOR);
    route(config, get, "/portal/consent-requests", api::consentRequests, Role.VISITOR);
    route(config, post, "/portal/consent-requests/{d}/grant", api::grant, Role.VISITOR);
    route(config, post, "/portal/consent-requests/{d}/decline", api::decline, Role.VISITOR);
    route(config, post, "/portal/consent-requests/{d}/revoke", api::revoke, Role.VISITOR);
    route(config, post, "/portal/retaliation", api::retaliation, Role.VISITOR);
    // The visitor's pages (PortalPages.isPage lists them).
    route(config, get, "/portal", pp::home, Role.ANYONE);
    route(config, post, "/portal/write", pp::write, Role.ANYONE);
    route(config, get, "/portal/receipt", pp::receipt, Role.VISITOR);
    route(config, get, "/portal/return", pp::returnForm, Role.ANYONE);
    route(config, post, "/portal/return", pp::open, Role.ANYONE);
    route(config, get, "/portal/me", pp::mine, Role.VISITOR);
    route(config, post, "/portal/me/messages", pp::writeMore, Role.VISITOR);
    route(config, post, "/portal/me/retaliation", pp::report, Role.VISITOR);
    route(config, post, "/portal/me/consent/{d}/grant", pp::grant, Role.VISITOR);
    route(config, post, "/portal/me/consent/{d}/decline", pp::decline, Role.VISITOR);
    route(config, post, "/portal/me/consent/{d}/revoke", pp::revoke, Role.VISITOR);
    route(config, post, "/portal/leave", pp::leave, Role.VISITOR);
    // The Ombuds' side: JSON and pages.
    String v1 = "/api/v1";
    route(config, get, v1 + "/portal/threads", api::inbox, Role.OMBUDS);
    route(config, get, v1 + "/portal/threads/{t}", api::read, Role.OMBUDS);
    route(config, post, v1 + "/portal/threads/{t}/replies", api::reply, Role.OMBUDS);
    route(config, post, v1 + "/portal/threads/{t}/link", api::link, Role.OMBUDS);
    route(config, post, v1 + "/portal/threads/{t}/case", api::openCase, Role.OMBUDS);
    route(config, post, v1 + "/cases/{id}/persons/{p}/portal-access", api::access, Role.OMBUDS);
    route(
        config,
        post,
        v1 + "/cases/{id}/disclosures/{d}/portal-consent",
        api::requestConsent,
        Role.OMBUDS);
    route(config, get, "/inbox", inbox::list, Role.OMBUDS);
    route(config, get, "/inbox/{t}", inbox::show, Role.OMBUDS);
    route(config, post, "/inbox/{t}/reply", inbox::reply, Role.OMBUDS);
    route(config, post, "/inbox/{t}/link", inbox::link, Role.OMBUDS);
    route(config, post, "/inbox/{t}/case", inbox::openCase, Role.OMBUDS);
    route(config, post, "/cases/{id}/persons/{p}/portal-access", inbox::access, Role.OMBUDS);
    route(
        config,
        post,
        "/cases/{id}/disclosures/{d}/portal-consent",
        inbox::requestConsent,
        Role.OMBUDS);
  }

  private void mandateApi(JavalinConfig config, MandateApi m) {
    String c = "/api/v1/cases/{id}";
    route(config, HandlerType.POST, c + "/disclosures", m::draft, Role.OMBUDS);
    route(config, HandlerType.GET, c + "/disclosures", m::list, Role.OMBUDS);
    route(config, HandlerType.GET, c + "/disclosures/{d}", m::get, Role.OMBUDS);
    route(config, HandlerType.PUT, c + "/disclosures/{d}", m::edit, Role.OMBUDS);
    route(config, HandlerType.POST, c + "/disclosures/{d}/withdraw", m::withdraw, Role.OMBUDS);
    route(config, HandlerType.POST, c + "/disclosures/{d}/consents", m::consent, Role.OMBUDS);
    route(config, HandlerType.POST, c + "/consents/{c}/revoke", m::revoke, Role.OMBUDS);
    route(config, HandlerType.POST, c + "/disclosures/{d}/release", m::release, Role.OMBUDS);
    route(config, HandlerType.GET, c + "/disclosures/{d}/letter", m::letter, Role.OMBUDS);
  }

  /** How feature route sets (e.g. {@link StoryRoutes}) register through {@link #route}. */
  interface Router {
    void route(JavalinConfig config, HandlerType method, String path, Handler h, Role role);
  }

  private void retaliationApi(JavalinConfig config, RetaliationApi r) {
    String v1 = "/api/v1";
    route(config, HandlerType.GET, v1 + "/alerts", r::alerts, Role.OMBUDS);
    route(
        config, HandlerType.POST, v1 + "/alerts/{alert}/acknowledge", r::acknowledge, Role.OMBUDS);
    route(config, HandlerType.POST, v1 + "/cases/{id}/retaliation-watch", r::agree, Role.OMBUDS);
    route(config, HandlerType.GET, v1 + "/cases/{id}/retaliation-watch", r::forCase, Role.OMBUDS);
    String w = v1 + "/retaliation-watches";
    route(config, HandlerType.GET, w, r::watches, Role.OMBUDS);
    route(config, HandlerType.GET, w + "/{watch}", r::watch, Role.OMBUDS);
    route(config, HandlerType.POST, w + "/{watch}/check-ins/{date}/done", r::done, Role.OMBUDS);
    route(config, HandlerType.POST, w + "/{watch}/end", r::end, Role.OMBUDS);
    String n = v1 + "/office/notifications";
    route(config, HandlerType.GET, n, r::getNotifications, Role.OMBUDS);
    route(config, HandlerType.PUT, n, r::putNotifications, Role.OMBUDS);
    route(config, HandlerType.POST, n + "/test", r::testNotification, Role.OMBUDS);
  }

  private void reports(JavalinConfig config, ReportApi api, ReportPages pages) {
    String r = "/api/v1/reports";
    route(config, HandlerType.GET, r + "/annual", api::annual, Role.OMBUDS);
    route(config, HandlerType.GET, r + "/settings", api::getSettings, Role.OMBUDS);
    route(config, HandlerType.PUT, r + "/settings", api::putSettings, Role.OMBUDS);
    route(config, HandlerType.GET, r + "/years/{year}", api::getYear, Role.OMBUDS);
    route(config, HandlerType.PUT, r + "/years/{year}", api::putYear, Role.OMBUDS);
    route(config, HandlerType.GET, "/reports", pages::show, Role.OMBUDS);
    route(config, HandlerType.POST, "/reports/settings", pages::saveSettings, Role.OMBUDS);
    route(config, HandlerType.POST, "/reports/{year}", pages::saveYear, Role.OMBUDS);
    route(config, HandlerType.GET, "/reports/{year}/charts/{name}", pages::chart, Role.OMBUDS);
    route(config, HandlerType.GET, "/reports/{year}/report.pdf", pages::pdf, Role.OMBUDS);
    route(config, HandlerType.GET, "/reports/{year}/report.csv", pages::csv, Role.OMBUDS);
  }

  private void route(JavalinConfig config, HandlerType method, String path, Handler h, Role role) {
    config.routes.addHttpHandler(method, path, h, role);
    routes.add(new Route(method, path, role));
  }

  private static void configure(JavalinConfig config) {
    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    config.http.maxRequestSize = MAX_REQUEST_BYTES;
    config.http.defaultContentType = "application/json";
    config.jsonMapper(new JavalinJackson3(Json.MAPPER, false));
    config.jetty.modifyHttpConfiguration(
        http -> {
          http.setSendServerVersion(false);
          http.setSendXPoweredBy(false);
        });
  }

  private static String htmxVersion() {
    return "2.0.10";
  }

  private static byte[] openApiDocument() {
    try (InputStream in = WebServer.class.getResourceAsStream("/openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("openapi.json missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts listening on {@code host:port} (port 0 picks a free one). */
  public WebServer start(String host, int port) {
    app.start(host, port);
    var sessions =
        sweeper.scheduleAtFixedRate(
            () -> {
              guarded("session expiry", office.sessions()::expireIdle);
              guarded("portal session expiry", office.portal().sessions()::expireIdle);
            },
            1,
            1,
            TimeUnit.MINUTES);
    // Closed cases whose grace period ended are destroyed by this job: at start, then hourly.
    var destruction =
        sweeper.scheduleAtFixedRate(
            () -> guarded("case destruction", office.cases()::destroyDue), 0, 1, TimeUnit.HOURS);
    // Due check-ins of retaliation watches raise their alert: at start, then hourly (idempotent).
    var checkIns =
        sweeper.scheduleAtFixedRate(
            () -> guarded("check-in", office.watches()::raiseDue), 0, 1, TimeUnit.HOURS);
    scheduled = List.of(sessions, destruction, checkIns);
    return this;
  }

  private static void guarded(String what, Runnable job) {
    try {
      job.run();
    } catch (RuntimeException e) {
      // Keep the schedule alive; say what failed without any detail that could carry data.
      LOG.error("The {} job failed ({}); it will run again", what, e.getClass().getSimpleName());
    }
  }

  /** The port listened on. */
  public int port() {
    return app.port();
  }

  /** Every route with its role. */
  public List<Route> routes() {
    return List.copyOf(routes);
  }

  /** Stops listening. */
  public void stop() {
    scheduled.forEach(f -> f.cancel(false));
    sweeper.shutdownNow();
    app.stop();
  }
}
