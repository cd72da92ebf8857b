/**
 * The composition root: opens a data directory and wires the domain services to the storage
 * adapter, the vault and the audit log. Used by the command line and the web server; holds no rule
 * of its own.
 */
package org.ombuds.app;
