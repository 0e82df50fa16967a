package io.freeagentics.cloud.ingest.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * The last few acknowledged belief states of each device (wire snapshot frames, as stored in
 * {@code belief_message.state}): the bases deltas refer to, kept in memory so a delta is applied without reading
 * the database. Bounded by bytes ({@code maxBytes}, least recently used devices evicted); a miss falls back to the
 * database.
 */
public final class BaseCache {
  private final int perDevice;
  private final Cache<DeviceKey, States> devices;

  public BaseCache(int perDevice, long maxBytes) {
    if (perDevice < 1 || perDevice > 64) {
      throw new IllegalArgumentException("bases per device must be 1..64 but was " + perDevice);
    }
    if (maxBytes < 1) {
      throw new IllegalArgumentException("base cache bytes must be positive but was " + maxBytes);
    }
    this.perDevice = perDevice;
    this.devices = Caffeine.newBuilder().maximumWeight(maxBytes).<DeviceKey, States>weigher((k, v) -> v.weight())
        .build();
  }

  /** The stored state of message {@code key}, or null when it is not in memory. */
  public byte[] get(MessageKey key) {
    States states = devices.getIfPresent(key.deviceKey());
    return states == null ? null : states.get(key.sequence());
  }

  /** Remembers the state after message {@code key} (dropping the device's oldest beyond the limit). */
  public void put(MessageKey key, byte[] state) {
    devices.asMap().compute(key.deviceKey(), (k, states) -> {
      States next = states == null ? new States() : states.copy();
      next.put(key.sequence(), state, perDevice);
      return next;
    });
  }

  /** Immutable-after-publication list of (sequence, state), newest last. */
  private static final class States {
    private final ArrayDeque<Object[]> entries = new ArrayDeque<>();
    private int bytes;

    byte[] get(long sequence) {
      for (Object[] entry : entries) {
        if ((Long) entry[0] == sequence) {
          return (byte[]) entry[1];
        }
      }
      return null;
    }

    States copy() {
      States copy = new States();
      copy.entries.addAll(entries);
      copy.bytes = bytes;
      return copy;
    }

    void put(long sequence, byte[] state, int limit) {
      for (Iterator<Object[]> it = entries.iterator(); it.hasNext(); ) {
        Object[] entry = it.next();
        if ((Long) entry[0] == sequence) {
          bytes -= ((byte[]) entry[1]).length;
          it.remove();
        }
      }
      entries.addLast(new Object[] {sequence, state});
      bytes += state.length;
      while (entries.size() > limit) {
        bytes -= ((byte[]) entries.removeFirst()[1]).length;
      }
    }

    int weight() {
      return 64 + bytes + 32 * entries.size();
    }
  }
}
