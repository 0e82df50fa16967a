package io.freeagentics.cloud.ingest.internal;

/** (fleet, device, sequence): the identity of a device's message, the deduplication key. */
public record MessageKey(String fleet, String device, long sequence) implements Comparable<MessageKey> {

  public DeviceKey deviceKey() {
    return new DeviceKey(fleet, device);
  }

  @Override
  public int compareTo(MessageKey other) {
    int c = fleet.compareTo(other.fleet);
    if (c == 0) {
      c = device.compareTo(other.device);
    }
    return c != 0 ? c : Long.compare(sequence, other.sequence);
  }
}
