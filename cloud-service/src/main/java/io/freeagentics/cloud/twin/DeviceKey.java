package io.freeagentics.cloud.twin;

import io.freeagentics.wire.MessageHeader;

/**
 * A device's identity: its fleet and its id in the fleet, both identifier tokens (1 to 64 characters from
 * {@code [A-Za-z0-9._-]}, as MQTT topic levels and wire device ids).
 */
public record DeviceKey(String fleet, String device) {

  public DeviceKey {
    String problem = MessageHeader.deviceIdProblem(fleet);
    if (problem != null) {
      throw new IllegalArgumentException("fleet " + problem);
    }
    problem = MessageHeader.deviceIdProblem(device);
    if (problem != null) {
      throw new IllegalArgumentException("device " + problem);
    }
  }

  @Override
  public String toString() {
    return fleet + "/" + device;
  }
}
