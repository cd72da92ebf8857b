/**
 * Records: retention, destruction, de-identified statistical records and the annual report, which
 * never shows a group below the office's threshold. Pure domain code. (Built with the records
 * issue; nothing here yet.)
 */
package org.ombuds.records;
