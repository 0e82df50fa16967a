package io.freeagentics.edge.internal;

/**
 * The MQTT connection as the sync loop uses it: connect with a last will, QoS 1 publishes whose broker
 * acknowledgement can be awaited, subscriptions. {@link PahoSyncLink} is the real one; tests use a fake. Called from
 * one thread (the sync thread), except {@link #close()}.
 */
public interface SyncLink {

  /** Connects (clean session) with a retained QoS 1 last will; blocks until connected or failed. */
  void connect(String willTopic, byte[] willPayload) throws SyncLinkException;

  boolean isConnected();

  /** Starts a QoS 1 publish; the returned handle completes when the broker acknowledged it (PUBACK). */
  Delivery publish(String topic, byte[] payload, boolean retained) throws SyncLinkException;

  /** Subscribes at QoS 1; blocks until the broker granted it. */
  void subscribe(String filter) throws SyncLinkException;

  /** Drops the connection and every in-flight publish (their messages stay in the outbox). */
  void reset();

  /** Disconnects cleanly (the broker does not send the will) and releases the client. Idempotent. */
  void close();

  /** A publish on its way to the broker. */
  interface Delivery {
    /** Waits for the broker's acknowledgement; a timeout is a {@link SyncLinkException#connectionFault()}. */
    void await(long timeoutMillis) throws SyncLinkException;
  }
}
