/**
 * The retaliation watch: agreed check-ins and the visitor's urgent way back. Pure domain code.
 * (Built with the portal issue; nothing here yet.)
 */
package org.ombuds.retaliation;
