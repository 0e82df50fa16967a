package io.freeagentics.cloud.ingest.internal;

/**
 * Completes one received MQTT message towards the broker: sends its PUBACK (Paho manual acknowledgement). Until
 * then the broker keeps the message and delivers it again when the session reconnects.
 */
@FunctionalInterface
public interface BrokerAck {
  void complete();
}
