package io.freeagentics.broker.internal;

/**
 * The lines the broker process prints that its launcher reads; shared by both sides so that they cannot drift.
 * JDK-only: the launcher loads it in the parent JVM.
 */
public final class BrokerProtocol {

  /** Start of the line printed once the broker accepts connections, followed by its {@code tcp://host:port}. */
  public static final String READY_PREFIX = "fa-broker ready ";

  /** Start of the line printed when the broker could not start, followed by the reason. */
  public static final String FAILED_PREFIX = "fa-broker failed: ";

  private BrokerProtocol() {}
}
