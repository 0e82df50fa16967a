package io.freeagentics.wire;

/** One message of the wire format: a header and a typed, immutable body. */
public sealed interface WireMessage
    permits BeliefSnapshot, BeliefDelta, Telemetry, Presence, Acknowledgement, Command, CommandAck, DeviceEvent {

  MessageHeader header();

  MessageType type();
}
