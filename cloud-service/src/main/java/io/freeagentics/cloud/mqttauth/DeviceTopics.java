package io.freeagentics.cloud.mqttauth;

import java.util.List;

/**
 * The topic kinds of the sync protocol ({@code fa/v1/{fleet}/{device}/{kind}}, docs/wire-format.md) as the ACL
 * grants them: a device writes its up-links and reads its down-links; the cloud the other way round.
 */
public final class DeviceTopics {

  /** Every topic of the protocol starts with this. */
  public static final String ROOT = "fa/v1/";

  /** Kinds a device publishes (device → cloud). */
  public static final List<String> UPLINK_KINDS =
      List.of("beliefs", "telemetry", "presence", "command-ack", "events");

  /** Kinds a device subscribes to (cloud → device). */
  public static final List<String> DOWNLINK_KINDS = List.of("command", "ack");

  private DeviceTopics() {}
}
