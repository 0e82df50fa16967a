package io.freeagentics.cloud.api;

/** The form of fleet, device, profile and settings identifiers (wire tokens and MQTT topic levels). */
final class Ids {
  static final String TOKEN = "[A-Za-z0-9._-]{1,64}";
  static final String TOKEN_MESSAGE = "must be 1 to 64 characters from A-Z, a-z, 0-9, '.', '_' and '-'";
  /** A token, or empty (the start of a keyset page). */
  static final String CURSOR = "[A-Za-z0-9._-]{0,64}";

  private Ids() {}
}
