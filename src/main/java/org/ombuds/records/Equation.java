package org.ombuds.records;

import java.util.List;

/**
 * One published linear relation between cells of a year's report: the {@code total} cell equals the
 * sum of the {@code parts} cells. Suppression and any attacker reason over these.
 */
public record Equation(String total, List<String> parts) {
  public Equation {
    parts = List.copyOf(parts);
  }
}
