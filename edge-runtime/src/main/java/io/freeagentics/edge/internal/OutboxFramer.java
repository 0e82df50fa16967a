package io.freeagentics.edge.internal;

import io.freeagentics.edge.EdgeOutboxMessage;
import io.freeagentics.wire.Acknowledgement;
import io.freeagentics.wire.BeliefDelta;
import io.freeagentics.wire.BeliefSnapshot;
import io.freeagentics.wire.Command;
import io.freeagentics.wire.CommandAck;
import io.freeagentics.wire.DeviceEvent;
import io.freeagentics.wire.MessageHeader;
import io.freeagentics.wire.Presence;
import io.freeagentics.wire.Telemetry;
import io.freeagentics.wire.WireCodec;
import io.freeagentics.wire.WireFormatException;
import io.freeagentics.wire.WireMessage;

/**
 * Turns an outbox row into an MQTT publish: topic {@code fa/v1/{fleet}/{device}/{kind}} (the row's topic is the
 * kind) and payload. A payload that is a wire frame gets the header {@code (device, row id, its own timestamp)}: the
 * row id is the message's sequence (the outbox id is AUTOINCREMENT, so it never repeats, also after a restart), and a
 * message sent again after a crash carries the same sequence, so the cloud drops the duplicate. Re-framing the same
 * row always gives the same bytes. Other payloads (the runtime's JSON records) travel unchanged.
 *
 * <p>A row that can never be published is a {@link PoisonMessage}: a kind that is not a topic token, a payload
 * over the size limit, or a payload that starts like a wire frame but does not decode.
 */
public final class OutboxFramer {
  /** Kind of presence messages; they are published retained. */
  public static final String PRESENCE_KIND = "presence";

  private final String prefix;
  private final String deviceId;
  private final int maxPayloadBytes;

  public OutboxFramer(String fleet, String deviceId, int maxPayloadBytes) {
    requireToken("fleet", fleet);
    requireToken("deviceId", deviceId);
    if (maxPayloadBytes < 1) {
      throw new IllegalArgumentException("maxPayloadBytes must be at least 1 but was " + maxPayloadBytes);
    }
    this.prefix = "fa/v1/" + fleet + "/" + deviceId + "/";
    this.deviceId = deviceId;
    this.maxPayloadBytes = maxPayloadBytes;
  }

  /** The publish of one outbox row. */
  public Outbound frame(EdgeOutboxMessage message) throws PoisonMessage {
    String problem = MessageHeader.deviceIdProblem(message.topic());
    if (problem != null) {
      throw new PoisonMessage("kind '" + message.topic() + "' is not a topic token: " + problem);
    }
    byte[] payload = message.payload();
    if (payload.length > maxPayloadBytes) {
      throw new PoisonMessage("payload of " + payload.length + " bytes exceeds the limit of " + maxPayloadBytes);
    }
    if (payload.length > 0 && (payload[0] & 0xff) == WireCodec.MAGIC) {
      WireMessage decoded;
      try {
        decoded = WireCodec.decode(payload);
      } catch (WireFormatException e) {
        throw new PoisonMessage("corrupt wire frame: " + e.getMessage());
      }
      payload = WireCodec.encode(restamp(decoded,
          new MessageHeader(deviceId, message.id(), decoded.header().timestampMillis())));
    }
    return new Outbound(topic(message.topic()), payload, PRESENCE_KIND.equals(message.topic()));
  }

  /** {@code fa/v1/{fleet}/{device}/{kind}}. */
  public String topic(String kind) {
    return prefix + kind;
  }

  public String deviceId() {
    return deviceId;
  }

  /** The same message with another header. */
  static WireMessage restamp(WireMessage message, MessageHeader header) {
    if (message instanceof BeliefSnapshot m) {
      return new BeliefSnapshot(header, m.beliefs());
    } else if (message instanceof BeliefDelta m) {
      return new BeliefDelta(header, m.baseSequence(), m.numStates(), m.changes());
    } else if (message instanceof Telemetry m) {
      return new Telemetry(header, m.batteryPerMille(), m.charging(), m.temperatureDeciCelsius(),
          m.tickIntervalMillis(), m.agents(), m.spoolDepth(), m.spoolCapacity(), m.memoryUsedBytes(),
          m.memoryMaxBytes());
    } else if (message instanceof Presence m) {
      return new Presence(header, m.online());
    } else if (message instanceof Acknowledgement m) {
      return new Acknowledgement(header, m.acknowledgedSequence());
    } else if (message instanceof Command m) {
      return new Command(header, m.commandId(), m.action());
    } else if (message instanceof CommandAck m) {
      return new CommandAck(header, m.commandId(), m.status(), m.detail());
    } else if (message instanceof DeviceEvent m) {
      return new DeviceEvent(header, m.kind(), m.body());
    }
    throw new IllegalStateException("unknown wire message type " + message.getClass().getName());
  }

  private static void requireToken(String name, String value) {
    String problem = value == null ? "it is null" : MessageHeader.deviceIdProblem(value);
    if (problem != null) {
      throw new IllegalArgumentException(name + " '" + value + "' is not a topic token: " + problem);
    }
  }

  /** Topic, payload and retain flag of one publish. */
  public record Outbound(String topic, byte[] payload, boolean retained) {}

  /** An outbox row that can never be published; the reason goes to its dead letter. */
  public static final class PoisonMessage extends Exception {
    private static final long serialVersionUID = 1L;

    public PoisonMessage(String reason) {
      super(reason);
    }
  }
}
