/**
 * The anonymity estimate: how easily a recipient could guess the source of an "anonymous"
 * communication, with reasons and suggestions. Pure domain code. (Built with the mandate issue;
 * nothing here yet.)
 */
package org.ombuds.anonymity;
