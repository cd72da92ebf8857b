/**
 * Command-line adapter (picocli): {@code init}, {@code serve}, {@code demo}, {@code audit verify},
 * {@code user add|list} and {@code recover}. Exit codes: 0 success, 1 fault, 2 bad input, 3 audit
 * log tampered. Passphrases come from the environment or a terminal prompt, never from arguments
 * (which other users of the machine can read).
 */
package org.ombuds.cli;
