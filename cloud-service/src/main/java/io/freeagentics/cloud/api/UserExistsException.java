package io.freeagentics.cloud.api;

/** A user of that name exists; the API answers 409. */
final class UserExistsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UserExistsException(String username) {
    super("user '" + username + "' exists already");
  }
}
