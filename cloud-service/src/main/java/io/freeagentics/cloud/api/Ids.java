package io.freeagentics.cloud.api;

/**
 * The form of fleet, device, profile and settings identifiers (wire tokens and MQTT topic levels), for the
 * {@code @Pattern} checks of every controller, so that all of the API takes and refuses ids alike.
 */
public final class Ids {
  /** A fleet, device, profile or settings id. */
  public static final String TOKEN = "[A-Za-z0-9._-]{1,64}";
  /** The problem reported for an id not of the {@link #TOKEN} form. */
  public static final String TOKEN_MESSAGE = "must be 1 to 64 characters from A-Z, a-z, 0-9, '.', '_' and '-'";
  /** A token, or empty (the start of a keyset page). */
  public static final String CURSOR = "[A-Za-z0-9._-]{0,64}";

  private Ids() {}
}
