/**
 * Rendering of the annual report: JSON, CSV, PDF (OpenPDF) and charts (XChart). Every public method
 * takes a {@link org.ombuds.records.PublishedReport}, the capability only suppression mints, so no
 * renderer can be handed raw figures (checked by an architecture rule). Nothing here counts or
 * decides what to hide: it prints what the published report holds, with hidden cells as labels.
 */
package org.ombuds.reporting;
