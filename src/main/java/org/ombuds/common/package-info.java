/**
 * Small abstractions shared by the domain packages: the transaction port. Pure Java; nothing here
 * knows about storage, the web or keys.
 */
package org.ombuds.common;
