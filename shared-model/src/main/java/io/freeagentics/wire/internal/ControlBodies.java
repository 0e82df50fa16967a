package io.freeagentics.wire.internal;

import io.freeagentics.wire.Acknowledgement;
import io.freeagentics.wire.Command;
import io.freeagentics.wire.CommandAck;
import io.freeagentics.wire.CommandStatus;
import io.freeagentics.wire.DeviceEvent;
import io.freeagentics.wire.MessageHeader;
import io.freeagentics.wire.ModelUpdate;
import io.freeagentics.wire.Presence;
import io.freeagentics.wire.ProfileOverride;
import io.freeagentics.wire.Telemetry;
import io.freeagentics.wire.WireFormatException;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The bodies of the small messages: telemetry, presence, acknowledgement, command, command acknowledgement and
 * device event
 * (layouts in docs/wire-format.md). Reading checks every constraint of the record before building it, so a bad
 * value is reported with its field and offset.
 */
public final class ControlBodies {
  private static final int HAS_BATTERY = 1;
  private static final int CHARGING = 2;
  private static final int HAS_TEMPERATURE = 4;
  private static final int KNOWN_FLAGS = HAS_BATTERY | CHARGING | HAS_TEMPERATURE;
  private static final int ACTION_MODEL_UPDATE = 1;
  private static final int ACTION_PROFILE_OVERRIDE = 2;

  private ControlBodies() {}

  public static void writeTelemetry(FrameWriter out, Telemetry t) {
    int flags = (t.batteryPerMille().isPresent() ? HAS_BATTERY : 0) | (t.charging() ? CHARGING : 0)
        | (t.temperatureDeciCelsius().isPresent() ? HAS_TEMPERATURE : 0);
    out.writeByte(flags);
    if (t.batteryPerMille().isPresent()) {
      out.writeVarLong(t.batteryPerMille().getAsInt());
    }
    if (t.temperatureDeciCelsius().isPresent()) {
      out.writeZigZag(t.temperatureDeciCelsius().getAsInt());
    }
    out.writeVarLong(t.tickIntervalMillis());
    out.writeVarLong(t.agents());
    out.writeVarLong(t.spoolDepth());
    out.writeVarLong(t.spoolCapacity() - t.spoolDepth());
    out.writeVarLong(t.memoryUsedBytes());
    out.writeVarLong(t.memoryMaxBytes() - t.memoryUsedBytes());
  }

  public static Telemetry readTelemetry(FrameReader in, MessageHeader header) throws WireFormatException {
    int start = in.position();
    int flags = in.readByte("flags");
    if ((flags & ~KNOWN_FLAGS) != 0) {
      throw in.error("flags", start, "unknown flag bits " + (flags & ~KNOWN_FLAGS));
    }
    OptionalInt battery = (flags & HAS_BATTERY) != 0
        ? OptionalInt.of(in.readVarInt("batteryPerMille", 0, 1000)) : OptionalInt.empty();
    OptionalInt temperature = OptionalInt.empty();
    if ((flags & HAS_TEMPERATURE) != 0) {
      int at = in.position();
      long value = in.readZigZag("temperatureDeciCelsius");
      if (value < Telemetry.MIN_TEMPERATURE_DECI_CELSIUS || value > Telemetry.MAX_TEMPERATURE_DECI_CELSIUS) {
        throw in.error("temperatureDeciCelsius", at, "must be " + Telemetry.MIN_TEMPERATURE_DECI_CELSIUS + " to "
            + Telemetry.MAX_TEMPERATURE_DECI_CELSIUS + " but is " + value);
      }
      temperature = OptionalInt.of((int) value);
    }
    int interval = in.readVarInt("tickIntervalMillis", 0, Integer.MAX_VALUE);
    int agents = in.readVarInt("agents", 0, Integer.MAX_VALUE);
    int depth = in.readVarInt("spoolDepth", 0, Integer.MAX_VALUE);
    int capacity = depth + in.readVarInt("spoolFree", 0, Integer.MAX_VALUE - depth);
    long used = in.readVarLong("memoryUsedBytes", 0, Long.MAX_VALUE);
    long max = used + in.readVarLong("memoryFreeBytes", 0, Long.MAX_VALUE - used);
    return new Telemetry(header, battery, (flags & CHARGING) != 0, temperature, interval, agents, depth, capacity,
        used, max);
  }

  public static void writePresence(FrameWriter out, Presence p) {
    out.writeByte(p.online() ? 1 : 0);
  }

  public static Presence readPresence(FrameReader in, MessageHeader header) throws WireFormatException {
    return new Presence(header, in.readByte("online", 1) == 1);
  }

  public static void writeAcknowledgement(FrameWriter out, Acknowledgement a) {
    out.writeVarLong(a.acknowledgedSequence());
  }

  public static Acknowledgement readAcknowledgement(FrameReader in, MessageHeader header)
      throws WireFormatException {
    return new Acknowledgement(header, in.readVarLong("acknowledgedSequence", 0, Long.MAX_VALUE));
  }

  public static void writeCommand(FrameWriter out, Command c) {
    out.writeVarLong(c.commandId());
    if (c.action() instanceof ModelUpdate update) {
      out.writeByte(ACTION_MODEL_UPDATE);
      out.writeUtf8("modelName", update.modelName(), ModelUpdate.MAX_NAME_BYTES);
      byte[] model = update.model();
      out.writeVarLong(model.length);
      out.writeBytes(model);
    } else if (c.action() instanceof ProfileOverride override) {
      out.writeByte(ACTION_PROFILE_OVERRIDE);
      out.writeToken(override.profileId());
      out.writeVarLong(override.settings().size());
      override.settings().forEach((key, value) -> {
        out.writeToken(key);
        out.writeUtf8("settings value", value, ProfileOverride.MAX_VALUE_BYTES);
      });
    } else {
      throw new IllegalStateException("no layout for command action " + c.action());
    }
  }

  public static Command readCommand(FrameReader in, MessageHeader header) throws WireFormatException {
    long id = in.readVarLong("commandId", 0, Long.MAX_VALUE);
    int start = in.position();
    int action = in.readByte("action");
    if (action == ACTION_MODEL_UPDATE) {
      String name = in.readUtf8("modelUpdate.modelName", ModelUpdate.MAX_NAME_BYTES);
      if (name.isEmpty()) {
        throw in.error("modelUpdate.modelName", start + 1, "must not be empty");
      }
      int length = in.readVarInt("modelUpdate.model.length", 0, ModelUpdate.MAX_MODEL_BYTES);
      return new Command(header, id, new ModelUpdate(name, in.readBytes("modelUpdate.model", length)));
    }
    if (action == ACTION_PROFILE_OVERRIDE) {
      String profile = in.readToken("profileOverride.profileId");
      int count = in.readCount("profileOverride.settingCount", ProfileOverride.MAX_SETTINGS, 3);
      TreeMap<String, String> settings = new TreeMap<>();
      String previous = null;
      for (int i = 0; i < count; i++) {
        int at = in.position();
        String key = in.readToken("profileOverride.settings[" + i + "].key");
        if (previous != null && key.compareTo(previous) <= 0) {
          throw in.error("profileOverride.settings[" + i + "].key", at, "keys must be strictly increasing but '"
              + key + "' follows '" + previous + "'");
        }
        settings.put(key, in.readUtf8("profileOverride.settings[" + i + "].value", ProfileOverride.MAX_VALUE_BYTES));
        previous = key;
      }
      return new Command(header, id, new ProfileOverride(profile, settings));
    }
    throw in.error("action", start, "unknown command action " + action);
  }

  public static void writeCommandAck(FrameWriter out, CommandAck a) {
    out.writeVarLong(a.commandId());
    out.writeByte(a.status().code());
    out.writeUtf8("detail", a.detail(), CommandAck.MAX_DETAIL_BYTES);
  }

  public static CommandAck readCommandAck(FrameReader in, MessageHeader header) throws WireFormatException {
    long id = in.readVarLong("commandId", 0, Long.MAX_VALUE);
    int start = in.position();
    int code = in.readByte("status");
    CommandStatus status = CommandStatus.ofCode(code);
    if (status == null) {
      throw in.error("status", start, "unknown command status " + code);
    }
    return new CommandAck(header, id, status, in.readUtf8("detail", CommandAck.MAX_DETAIL_BYTES));
  }

  public static void writeDeviceEvent(FrameWriter out, DeviceEvent e) {
    out.writeToken(e.kind());
    out.writeUtf8("body", e.body(), DeviceEvent.MAX_BODY_BYTES);
  }

  public static DeviceEvent readDeviceEvent(FrameReader in, MessageHeader header) throws WireFormatException {
    String kind = in.readToken("kind");
    return new DeviceEvent(header, kind, in.readUtf8("body", DeviceEvent.MAX_BODY_BYTES));
  }
}
