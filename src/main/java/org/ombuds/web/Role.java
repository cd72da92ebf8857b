package org.ombuds.web;

import io.javalin.security.RouteRole;

/** Who may call a route. Every route names at least one; a route with none is refused. */
enum Role implements RouteRole {
  /** Anyone, logged in or not: the login page, health check, static assets. */
  ANYONE,
  /** An Ombuds with a full session. */
  OMBUDS,
  /**
   * An Ombuds, also while the session is restricted because a required second factor is not set up
   * yet: logging out and setting one up.
   */
  OMBUDS_SETUP,
  /**
   * A visitor with an open portal session (opened with a receipt): sees only their own thread. A
   * visitor token is not an Ombuds token and the reverse, so neither opens the other's routes.
   */
  VISITOR
}
