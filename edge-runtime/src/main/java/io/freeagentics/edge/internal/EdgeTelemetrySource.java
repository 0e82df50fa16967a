package io.freeagentics.edge.internal;

import io.freeagentics.edge.EdgeOutgoing;
import io.freeagentics.edge.EdgePowerState;
import io.freeagentics.wire.MessageHeader;
import io.freeagentics.wire.Telemetry;
import io.freeagentics.wire.WireCodec;
import java.util.OptionalInt;

/**
 * Makes the periodic {@code telemetry} message: battery (per mille, absent on mains), charging, temperature (tenths
 * of a degree, absent when unknown), the tick interval the policy chose, the agents, the outbox depth and capacity,
 * and the JVM heap in use and its maximum. The first one is due one interval after start; each is spooled with a
 * tick. Not thread-safe: the tick thread drives it.
 */
public final class EdgeTelemetrySource {
  /** The outbox kind (topic level) of telemetry messages. */
  public static final String KIND = "telemetry";

  private final String deviceId;
  private final int priority;
  private long nextDueMillis = -1;

  public EdgeTelemetrySource(String deviceId, int priority) {
    if (MessageHeader.deviceIdProblem(deviceId) != null) {
      throw new IllegalArgumentException("deviceId '" + deviceId + "' " + MessageHeader.deviceIdProblem(deviceId));
    }
    this.deviceId = deviceId;
    this.priority = priority;
  }

  /** Whether a message is due at {@code nowMillis} with an interval of {@code everySeconds}. */
  public boolean due(long nowMillis, int everySeconds) {
    if (nextDueMillis < 0) {
      nextDueMillis = nowMillis + everySeconds * 1000L;
      return false;
    }
    // An interval shortened by an override takes effect at once.
    nextDueMillis = Math.min(nextDueMillis, nowMillis + everySeconds * 1000L);
    return nowMillis >= nextDueMillis;
  }

  /** The message for now; the next one is due {@code everySeconds} later. */
  public EdgeOutgoing telemetry(long nowMillis, int everySeconds, EdgePowerState power, boolean hasBattery,
      long tickIntervalMs, int agents, int spoolDepth, int spoolCapacity) {
    nextDueMillis = nowMillis + everySeconds * 1000L;
    Runtime jvm = Runtime.getRuntime();
    long used = jvm.totalMemory() - jvm.freeMemory();
    long max = Math.max(jvm.maxMemory(), used);
    OptionalInt battery = hasBattery ? OptionalInt.of((int) Math.round(power.stateOfCharge() * 1000))
        : OptionalInt.empty();
    OptionalInt temperature = Double.isNaN(power.temperatureC()) ? OptionalInt.empty()
        : OptionalInt.of((int) Math.max(Telemetry.MIN_TEMPERATURE_DECI_CELSIUS,
            Math.min(Telemetry.MAX_TEMPERATURE_DECI_CELSIUS, Math.round(power.temperatureC() * 10))));
    Telemetry message = new Telemetry(new MessageHeader(deviceId, 0, nowMillis), battery, power.charging(),
        temperature, (int) Math.min(Integer.MAX_VALUE, tickIntervalMs), agents, spoolDepth,
        Math.max(spoolCapacity, spoolDepth), used, max);
    return new EdgeOutgoing(KIND, WireCodec.encode(message), priority);
  }
}
