package org.ombuds.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.HandlerType;

/** The routes of the publication series' stories: pages and API, all for an Ombuds. */
final class StoryRoutes {
  private StoryRoutes() {}

  static void register(WebServer.Router r, JavalinConfig c, StoryApi api, StoryPages pages) {
    HandlerType get = HandlerType.GET;
    HandlerType post = HandlerType.POST;
    String v1 = "/api/v1/stories";
    r.route(c, post, v1, api::create, Role.OMBUDS);
    r.route(c, get, v1, api::list, Role.OMBUDS);
    r.route(c, get, v1 + "/{s}", api::get, Role.OMBUDS);
    r.route(c, HandlerType.PUT, v1 + "/{s}", api::edit, Role.OMBUDS);
    r.route(c, post, v1 + "/{s}/consent-request", api::sendForConsent, Role.OMBUDS);
    r.route(c, post, v1 + "/{s}/check", api::check, Role.OMBUDS);
    r.route(c, get, v1 + "/{s}/export", api::export, Role.OMBUDS);

    r.route(c, get, "/stories", pages::list, Role.OMBUDS);
    r.route(c, post, "/stories", pages::create, Role.OMBUDS);
    r.route(c, get, "/stories/{s}", pages::show, Role.OMBUDS);
    r.route(c, post, "/stories/{s}", pages::save, Role.OMBUDS);
    r.route(c, post, "/stories/{s}/preview", pages::preview, Role.OMBUDS);
    r.route(c, post, "/stories/{s}/consent", pages::sendForConsent, Role.OMBUDS);
    r.route(c, post, "/stories/{s}/check", pages::check, Role.OMBUDS);
    r.route(c, get, "/stories/{s}/export/{format}", pages::export, Role.OMBUDS);
  }
}
