package org.ombuds.mandate;

/** On what ground a release is asked for. */
public enum Basis {
  /** Every person concerned consented to the current version. */
  CONSENT,
  /** The Ombuds determined an imminent threat of serious harm to a person or property. */
  IMMINENT_HARM
}
