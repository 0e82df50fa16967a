package io.freeagentics.edge;

/** A message given up on after too many failed deliveries, with the reason of its last failure. */
public record EdgeDeadLetter(EdgeOutboxMessage message, String reason) {

  public EdgeDeadLetter {
    if (message == null || reason == null) {
      throw new IllegalArgumentException("message and reason must not be null");
    }
  }
}
