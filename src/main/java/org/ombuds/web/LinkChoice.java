package org.ombuds.web;

/** One choice of the inbox's link form: a person of an open case ({@code caseId:personId}). */
public record LinkChoice(String value, String label) {}
