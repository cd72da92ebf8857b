package org.ombuds.casefile;

import java.util.Map;

/** The office's own settings for the case file (implemented by the storage adapter). */
public interface OfficePolicy {
  /** The longest grace period the office may set between closing a case and destroying it. */
  int MAX_GRACE_DAYS = 90;

  /** Days between closing a case and destroying its content (0: at once). */
  int graceDays();

  void setGraceDays(int days);

  /** The office's own category codes with their labels, by code. */
  Map<String, String> officeCategories();

  void putOfficeCategory(String code, String label);

  /** True when {@code accountId} is an active Ombuds of this office (a case can go only to one). */
  boolean isActiveOmbuds(String accountId);
}
