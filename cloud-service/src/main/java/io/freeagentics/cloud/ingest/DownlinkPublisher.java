package io.freeagentics.cloud.ingest;

import io.freeagentics.wire.CommandAction;

/**
 * Sends a command to one device over MQTT ({@code fa/v1/{fleet}/{device}/command}, QoS 1). The device answers on
 * {@code command-ack}, which arrives through {@link DeviceReports#commandAck}.
 */
public interface DownlinkPublisher {
  /**
   * Publishes command {@code commandId} and returns once the broker accepted it.
   *
   * @throws DownlinkUnavailableException when the broker cannot be reached or did not accept it in time
   */
  void send(String fleet, String device, long commandId, CommandAction action);
}
