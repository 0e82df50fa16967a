package io.freeagentics.cloud.beliefs;

/**
 * A device whose beliefs are cached: the key of its latest beliefs ({@code fleet/device}).
 *
 * @param fleet the fleet id (not empty)
 * @param device the device id (not empty)
 */
public record DeviceRef(String fleet, String device) {

  /** Checks the ids. */
  public DeviceRef {
    if (fleet == null || fleet.isEmpty()) {
      throw new IllegalArgumentException("fleet must not be empty but was '" + fleet + "'");
    }
    if (device == null || device.isEmpty()) {
      throw new IllegalArgumentException("device must not be empty but was '" + device + "'");
    }
  }

  /** The device {@code fleet/device}. */
  public static DeviceRef of(String fleet, String device) {
    return new DeviceRef(fleet, device);
  }

  /** The cache key: {@code fleet/device}. */
  String formatted() {
    return fleet + "/" + device;
  }
}
