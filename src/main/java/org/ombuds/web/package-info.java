/**
 * Web adapter: the Javalin server, the JSON API under {@code /api/v1}, the Ombuds' HTML pages (JTE
 * templates, htmx served from this server), security headers, CSRF protection and the mapping of
 * errors to answers.
 *
 * <p>Every route declares a {@link org.ombuds.web.Role}; a route without one is refused. Answers
 * never carry stack traces or internal detail, and nothing here logs a request's address, agent,
 * body or token.
 */
package org.ombuds.web;
