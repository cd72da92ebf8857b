package org.ombuds.web;

import io.javalin.http.HandlerType;

/** A route as registered, kept so tests can check each is documented and guarded. */
record Route(HandlerType method, String path, Role role) {}
