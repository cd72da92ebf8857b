package org.ombuds.web;

import org.ombuds.retaliation.CheckIn;
import org.ombuds.retaliation.Watch;

/** A check-in as the dashboard lists it: upcoming, or overdue. */
public record DueCheckIn(Watch watch, CheckIn checkIn, boolean overdue) {}
