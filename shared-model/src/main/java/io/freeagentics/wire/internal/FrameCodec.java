package io.freeagentics.wire.internal;

import io.freeagentics.wire.Acknowledgement;
import io.freeagentics.wire.BeliefDelta;
import io.freeagentics.wire.BeliefSnapshot;
import io.freeagentics.wire.Command;
import io.freeagentics.wire.CommandAck;
import io.freeagentics.wire.DeviceEvent;
import io.freeagentics.wire.MessageHeader;
import io.freeagentics.wire.MessageType;
import io.freeagentics.wire.Presence;
import io.freeagentics.wire.Telemetry;
import io.freeagentics.wire.WireFormatException;
import io.freeagentics.wire.WireMessage;
import java.util.zip.CRC32C;

/**
 * The frame around every body:
 *
 * <pre>
 * byte magic 0xFA, byte version, byte type, token deviceId, varint sequence, varint timestampMillis,
 * body..., 4 bytes CRC32C (big-endian) of every byte before it
 * </pre>
 * Decoding checks, in order: size limits, magic, version, checksum, type, header, body, and that the body ends
 * exactly at the checksum.
 */
public final class FrameCodec {
  public static final int MAGIC = 0xFA;
  public static final int VERSION = 1;
  public static final int CHECKSUM_BYTES = 4;
  /** magic, version, type, a one-character device id, sequence, timestamp, no body, checksum. */
  public static final int MIN_FRAME_BYTES = 3 + 2 + 1 + 1 + CHECKSUM_BYTES;
  public static final int MAX_FRAME_BYTES = 1 << 20;

  private FrameCodec() {}

  public static byte[] encode(WireMessage message) {
    if (message == null) {
      throw new IllegalArgumentException("message must not be null");
    }
    FrameWriter out = new FrameWriter();
    out.writeByte(MAGIC);
    out.writeByte(VERSION);
    out.writeByte(message.type().code());
    MessageHeader header = message.header();
    out.writeToken(header.deviceId());
    out.writeVarLong(header.sequence());
    out.writeVarLong(header.timestampMillis());
    writeBody(out, message);
    CRC32C crc = new CRC32C();
    crc.update(out.array(), 0, out.size());
    out.writeInt32((int) crc.getValue());
    if (out.size() > MAX_FRAME_BYTES) {
      throw new IllegalArgumentException("the " + message.type() + " frame would take " + out.size()
          + " bytes, more than the limit of " + MAX_FRAME_BYTES + "; split the batch or the model");
    }
    return out.toByteArray();
  }

  private static void writeBody(FrameWriter out, WireMessage message) {
    if (message instanceof BeliefSnapshot m) {
      BeliefBodies.writeSnapshot(out, m);
    } else if (message instanceof BeliefDelta m) {
      BeliefBodies.writeDelta(out, m);
    } else if (message instanceof Telemetry m) {
      ControlBodies.writeTelemetry(out, m);
    } else if (message instanceof Presence m) {
      ControlBodies.writePresence(out, m);
    } else if (message instanceof Acknowledgement m) {
      ControlBodies.writeAcknowledgement(out, m);
    } else if (message instanceof Command m) {
      ControlBodies.writeCommand(out, m);
    } else if (message instanceof CommandAck m) {
      ControlBodies.writeCommandAck(out, m);
    } else if (message instanceof DeviceEvent m) {
      ControlBodies.writeDeviceEvent(out, m);
    } else {
      throw new IllegalStateException("no layout for " + message.getClass());
    }
  }

  public static WireMessage decode(byte[] frame) throws WireFormatException {
    if (frame == null) {
      throw new IllegalArgumentException("frame must not be null");
    }
    if (frame.length < MIN_FRAME_BYTES) {
      throw new WireFormatException("frame", 0, "a frame has at least " + MIN_FRAME_BYTES + " bytes but this has "
          + frame.length);
    }
    if (frame.length > MAX_FRAME_BYTES) {
      throw new WireFormatException("frame", 0, "a frame has at most " + MAX_FRAME_BYTES + " bytes but this has "
          + frame.length);
    }
    int bodyEnd = frame.length - CHECKSUM_BYTES;
    FrameReader in = new FrameReader(frame, 0, bodyEnd);
    int magic = in.readByte("magic");
    if (magic != MAGIC) {
      throw in.error("magic", 0, "must be 0xFA but is 0x" + Integer.toHexString(magic));
    }
    int version = in.readByte("version");
    if (version != VERSION) {
      throw in.error("version", 1, "version " + version + " is not supported; this decoder reads version "
          + VERSION);
    }
    checkChecksum(frame, bodyEnd);
    int typeCode = in.readByte("type");
    MessageType type = MessageType.ofCode(typeCode);
    if (type == null) {
      throw in.error("type", 2, "unknown message type " + typeCode);
    }
    String deviceId = in.readToken("deviceId");
    long sequence = in.readVarLong("sequence", 0, Long.MAX_VALUE);
    long timestamp = in.readVarLong("timestampMillis", 0, Long.MAX_VALUE);
    MessageHeader header = new MessageHeader(deviceId, sequence, timestamp);
    WireMessage message = switch (type) {
      case BELIEF_SNAPSHOT -> BeliefBodies.readSnapshot(in, header);
      case BELIEF_DELTA -> BeliefBodies.readDelta(in, header);
      case TELEMETRY -> ControlBodies.readTelemetry(in, header);
      case PRESENCE -> ControlBodies.readPresence(in, header);
      case ACKNOWLEDGEMENT -> ControlBodies.readAcknowledgement(in, header);
      case COMMAND -> ControlBodies.readCommand(in, header);
      case COMMAND_ACK -> ControlBodies.readCommandAck(in, header);
      case DEVICE_EVENT -> ControlBodies.readDeviceEvent(in, header);
    };
    in.expectEnd("body");
    return message;
  }

  private static void checkChecksum(byte[] frame, int bodyEnd) throws WireFormatException {
    CRC32C crc = new CRC32C();
    crc.update(frame, 0, bodyEnd);
    int expected = (int) crc.getValue();
    int stored = ((frame[bodyEnd] & 0xFF) << 24) | ((frame[bodyEnd + 1] & 0xFF) << 16)
        | ((frame[bodyEnd + 2] & 0xFF) << 8) | (frame[bodyEnd + 3] & 0xFF);
    if (stored != expected) {
      throw new WireFormatException("checksum", bodyEnd, "CRC32C is 0x" + Integer.toHexString(stored)
          + " but the frame's bytes give 0x" + Integer.toHexString(expected));
    }
  }
}
