package io.freeagentics.broker;

/**
 * Where the embedded broker keeps sessions, queued and retained messages.
 *
 * <p>Measured on this project's 2-core machine (docs/mqtt-broker.md): {@link #FILE} accepts connections after about
 * 7 s and idles at about 180 MB RSS; {@link #MEMORY} after about 2.4 s at about 100 MB.
 */
public enum BrokerPersistence {

  /** On disk under the data folder (HiveMQ's RocksDB/Xodus file persistence): kept across restarts. */
  FILE("file"),

  /** In the broker's heap: lost when it stops; quicker to start and smaller. */
  MEMORY("in-memory");

  private final String hivemqMode;

  BrokerPersistence(String hivemqMode) {
    this.hivemqMode = hivemqMode;
  }

  /** The value of HiveMQ's {@code <persistence><mode>}. */
  public String hivemqMode() {
    return hivemqMode;
  }
}
