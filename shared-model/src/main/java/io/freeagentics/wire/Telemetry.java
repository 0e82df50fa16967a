package io.freeagentics.wire;

import java.util.OptionalInt;

/**
 * A device's health report: battery, tick interval, agents, sync spool (outbox) depth and memory.
 *
 * @param batteryPerMille state of charge in thousandths, 0 to 1000; empty for a mains-powered board
 * @param temperatureDeciCelsius SoC temperature in tenths of a degree, -1000 to 2000; empty when unknown
 * @param spoolDepth messages waiting to be sent, at most {@code spoolCapacity}
 * @param memoryUsedBytes heap in use, at most {@code memoryMaxBytes}
 */
public record Telemetry(MessageHeader header, OptionalInt batteryPerMille, boolean charging,
    OptionalInt temperatureDeciCelsius, int tickIntervalMillis, int agents, int spoolDepth, int spoolCapacity,
    long memoryUsedBytes, long memoryMaxBytes) implements WireMessage {
  public static final int MIN_TEMPERATURE_DECI_CELSIUS = -1000;
  public static final int MAX_TEMPERATURE_DECI_CELSIUS = 2000;

  public Telemetry {
    if (header == null || batteryPerMille == null || temperatureDeciCelsius == null) {
      throw new IllegalArgumentException("header, batteryPerMille and temperatureDeciCelsius must not be null");
    }
    if (batteryPerMille.isPresent() && (batteryPerMille.getAsInt() < 0 || batteryPerMille.getAsInt() > 1000)) {
      throw new IllegalArgumentException("batteryPerMille must be 0 to 1000 but was " + batteryPerMille.getAsInt());
    }
    if (temperatureDeciCelsius.isPresent() && (temperatureDeciCelsius.getAsInt() < MIN_TEMPERATURE_DECI_CELSIUS
        || temperatureDeciCelsius.getAsInt() > MAX_TEMPERATURE_DECI_CELSIUS)) {
      throw new IllegalArgumentException("temperatureDeciCelsius must be " + MIN_TEMPERATURE_DECI_CELSIUS + " to "
          + MAX_TEMPERATURE_DECI_CELSIUS + " but was " + temperatureDeciCelsius.getAsInt());
    }
    if (tickIntervalMillis < 0 || agents < 0 || spoolDepth < 0 || memoryUsedBytes < 0) {
      throw new IllegalArgumentException("tickIntervalMillis, agents, spoolDepth and memoryUsedBytes must not be"
          + " negative but were " + tickIntervalMillis + ", " + agents + ", " + spoolDepth + ", " + memoryUsedBytes);
    }
    if (spoolCapacity < spoolDepth) {
      throw new IllegalArgumentException("spoolCapacity must be at least spoolDepth " + spoolDepth + " but was "
          + spoolCapacity);
    }
    if (memoryMaxBytes < memoryUsedBytes) {
      throw new IllegalArgumentException("memoryMaxBytes must be at least memoryUsedBytes " + memoryUsedBytes
          + " but was " + memoryMaxBytes);
    }
  }

  @Override
  public MessageType type() {
    return MessageType.TELEMETRY;
  }
}
