package io.freeagentics.cloud.ingest.internal;

import io.freeagentics.wire.BeliefDelta;
import io.freeagentics.wire.BeliefSnapshot;
import io.freeagentics.wire.CommandAck;
import io.freeagentics.wire.DeviceEvent;
import io.freeagentics.wire.Presence;
import io.freeagentics.wire.Telemetry;
import io.freeagentics.wire.WireCodec;
import io.freeagentics.wire.WireFormatException;
import io.freeagentics.wire.WireMessage;

/**
 * One message taken from the broker, decoded: its topic's parts and wire message, or the reason
 * it cannot be used. Built on the MQTT callback thread ({@link #decode}), consumed by the batch writer.
 *
 * @param address the topic's parts; null when the topic is not an up-link topic
 * @param message the wire message; null for bad frames
 * @param problem why the message cannot be used (topic, frame, kind or device mismatch); null when it can
 * @param payload the received bytes (not copied: nothing writes to them); null for a message that cannot be used
 */
public record Inbound(String topic, TopicAddress address, WireMessage message, String problem,
    long receivedMillis, BrokerAck brokerAck, byte[] payload) {

  /** Decodes a received payload; never throws for bad input (it is recorded in {@link #problem}). */
  public static Inbound decode(String topic, byte[] payload, long receivedMillis, BrokerAck brokerAck) {
    TopicAddress address = TopicAddress.parse(topic);
    if (address == null) {
      return failed(topic, null, TopicAddress.problem(topic), receivedMillis, brokerAck);
    }
    WireMessage message;
    try {
      message = WireCodec.decode(payload);
    } catch (WireFormatException e) {
      return failed(topic, address, e.getMessage(), receivedMillis, brokerAck);
    }
    if (!message.header().deviceId().equals(address.device())) {
      return failed(topic, address, "frame header names device '" + message.header().deviceId()
          + "' but the topic names '" + address.device() + "'", receivedMillis, brokerAck);
    }
    if (!fits(address.kind(), message)) {
      return failed(topic, address, "a " + message.type() + " frame does not belong on the "
          + address.kind().topicLevel() + " topic", receivedMillis, brokerAck);
    }
    return new Inbound(topic, address, message, null, receivedMillis, brokerAck, payload);
  }

  private static boolean fits(IngestKind kind, WireMessage message) {
    return switch (kind) {
      case BELIEFS -> message instanceof BeliefSnapshot || message instanceof BeliefDelta;
      case TELEMETRY -> message instanceof Telemetry;
      case PRESENCE -> message instanceof Presence;
      case COMMAND_ACK -> message instanceof CommandAck;
      case EVENTS -> message instanceof DeviceEvent;
    };
  }

  private static Inbound failed(String topic, TopicAddress address, String problem, long receivedMillis,
      BrokerAck brokerAck) {
    return new Inbound(topic, address, null, problem, receivedMillis, brokerAck, null);
  }

  /** The deduplication key, or null for bad frames. */
  public MessageKey key() {
    return message == null ? null : new MessageKey(address.fleet(), address.device(), message.header().sequence());
  }
}
