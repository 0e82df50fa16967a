package io.freeagentics.edge;

import io.freeagentics.wire.BeliefSync;
import io.freeagentics.wire.MessageHeader;

/**
 * What the runtime sends up and how: the running profile's id (a profile override must name it), a
 * {@code beliefs} message every {@code beliefEveryTicks} committed ticks, a full snapshot at least every
 * {@code snapshotEveryMessages} belief messages (so a cloud that lost a delta's base recovers), a
 * {@code telemetry} message every {@code telemetryEverySeconds}, the delta threshold in code steps
 * ({@link BeliefSync}), and how many recently spooled belief messages are remembered so that the cloud's
 * acknowledgement of one can make it the base of the next deltas.
 */
public record EdgeUplinkConfig(String profileId, int beliefEveryTicks, int snapshotEveryMessages,
    int telemetryEverySeconds, int deltaThresholdCodes, int recentBeliefs) {
  /** Largest {@code beliefEveryTicks}, {@code snapshotEveryMessages} and {@code telemetryEverySeconds}. */
  public static final int MAX_EVERY = 1_000_000;

  public EdgeUplinkConfig {
    String problem = MessageHeader.deviceIdProblem(profileId);
    if (problem != null) {
      throw new IllegalArgumentException("profileId '" + profileId + "' is not an identifier token: it " + problem);
    }
    check("beliefEveryTicks", beliefEveryTicks, 1, MAX_EVERY);
    check("snapshotEveryMessages", snapshotEveryMessages, 1, MAX_EVERY);
    check("telemetryEverySeconds", telemetryEverySeconds, 1, MAX_EVERY);
    check("deltaThresholdCodes", deltaThresholdCodes, 0, BeliefSync.MAX_THRESHOLD_CODES);
    check("recentBeliefs", recentBeliefs, 1, 100_000);
  }

  /** Beliefs every tick, a snapshot at least every 50 messages, telemetry every 10 s, threshold 2, 32 remembered. */
  public static EdgeUplinkConfig defaults(String profileId) {
    return new EdgeUplinkConfig(profileId, 1, 50, 10, BeliefSync.DEFAULT_THRESHOLD_CODES, 32);
  }

  public EdgeUplinkConfig withBeliefEveryTicks(int value) {
    return new EdgeUplinkConfig(profileId, value, snapshotEveryMessages, telemetryEverySeconds, deltaThresholdCodes,
        recentBeliefs);
  }

  public EdgeUplinkConfig withSnapshotEveryMessages(int value) {
    return new EdgeUplinkConfig(profileId, beliefEveryTicks, value, telemetryEverySeconds, deltaThresholdCodes,
        recentBeliefs);
  }

  public EdgeUplinkConfig withTelemetryEverySeconds(int value) {
    return new EdgeUplinkConfig(profileId, beliefEveryTicks, snapshotEveryMessages, value, deltaThresholdCodes,
        recentBeliefs);
  }

  public EdgeUplinkConfig withDeltaThresholdCodes(int value) {
    return new EdgeUplinkConfig(profileId, beliefEveryTicks, snapshotEveryMessages, telemetryEverySeconds, value,
        recentBeliefs);
  }

  public EdgeUplinkConfig withRecentBeliefs(int value) {
    return new EdgeUplinkConfig(profileId, beliefEveryTicks, snapshotEveryMessages, telemetryEverySeconds,
        deltaThresholdCodes, value);
  }

  private static void check(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be " + min + " to " + max + " but was " + value);
    }
  }
}
