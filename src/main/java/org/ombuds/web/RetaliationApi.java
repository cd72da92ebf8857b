package org.ombuds.web;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ombuds.retaliation.Alert;
import org.ombuds.retaliation.Alerts;

/** {@code /api/v1/alerts} and the retaliation watches. */
final class RetaliationApi {
  private final Alerts alerts;

  RetaliationApi(Alerts alerts) {
    this.alerts = alerts;
  }

  private static String actor(Context ctx) {
    return Auth.caller(ctx).session().accountId();
  }

  void alerts(Context ctx) {
    ctx.json(alerts.open(actor(ctx)).stream().map(RetaliationApi::alert).toList());
  }

  void acknowledge(Context ctx) {
    String id = ctx.pathParam("alert");
    alerts.acknowledge(actor(ctx), id);
    ctx.json(Map.of("id", id, "acknowledged", true));
  }

  static Map<String, Object> alert(Alert a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", a.id());
    m.put("kind", a.kind().name());
    m.put("urgent", a.urgent());
    m.put("caseId", a.caseId().orElse(null));
    m.put("watchId", a.watchId().orElse(null));
    m.put("raisedOn", a.raisedOn().toString());
    return m;
  }
}
