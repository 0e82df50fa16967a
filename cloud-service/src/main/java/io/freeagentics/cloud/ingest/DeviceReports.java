package io.freeagentics.cloud.ingest;

import io.freeagentics.wire.CommandAck;
import io.freeagentics.wire.Presence;
import io.freeagentics.wire.Telemetry;

/**
 * Where the MQTT ingest hands what devices report about themselves (everything but their beliefs): the device
 * registry and twins implement it. Called after the message was decoded and deduplicated; an implementation that
 * throws makes the ingest retry the message later (it is not acknowledged to the broker before).
 */
public interface DeviceReports {
  /** A message of any kind arrived from {@code device} of {@code fleet} (first contact registers the device). */
  void seen(String fleet, String device, long receivedAtMillis);

  void telemetry(String fleet, String device, Telemetry telemetry, long receivedAtMillis);

  void presence(String fleet, String device, Presence presence, long receivedAtMillis);

  void commandAck(String fleet, String device, CommandAck ack, long receivedAtMillis);
}
