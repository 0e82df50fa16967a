package io.freeagentics.cloud.ingest.internal;

/** (fleet, device). */
public record DeviceKey(String fleet, String device) implements Comparable<DeviceKey> {

  @Override
  public int compareTo(DeviceKey other) {
    int c = fleet.compareTo(other.fleet);
    return c != 0 ? c : device.compareTo(other.device);
  }
}
