/**
 * Records: what survives a case (the de-identified {@link org.ombuds.records.StatisticalRecord})
 * and, later, retention, the annual report and its suppression of small groups. Pure domain code:
 * nothing here may hold a case id, a name, a date finer than the year or free text.
 */
package org.ombuds.records;
