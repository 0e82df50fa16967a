package io.freeagentics.edge;

/**
 * Receives the messages arriving on the sync's subscriptions (the device's command and acknowledgement topics).
 * Called on the MQTT client's callback thread: it must return quickly and must not call back into the client.
 */
@FunctionalInterface
public interface EdgeSyncInbound {
  void arrived(String topic, byte[] payload);
}
