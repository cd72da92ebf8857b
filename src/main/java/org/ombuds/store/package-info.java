/**
 * Storage adapter: JDBI repositories over SQLite (the embedded default) or PostgreSQL, the Flyway
 * migrations and the transaction boundary.
 *
 * <p>Lives here: SQL, and the mapping between rows and the domain's records. Must not live here:
 * any decision of the mandate, any plaintext of case content (content columns arrive and leave as
 * ciphertexts), or key material. Faults surface as {@link org.ombuds.store.StoreException} with a
 * plain message and no row values.
 */
package org.ombuds.store;
