package io.freeagentics.cloud.ingest.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The sequences this instance recently stored or handed over, per device: the fast path of deduplication, so a
 * broker redelivery is dropped without a database round trip. Only a hint that a key is known: a miss does not
 * mean new (another instance may have stored it, or it is older than the window), which the primary key of
 * {@code belief_message} settles. Memory: about {@code 8 * window + 100} bytes per device, for at most
 * {@code maxDevices} devices (least recently used evicted).
 */
public final class DedupeWindow {
  private final int window;
  private final Cache<DeviceKey, Ring> devices;

  public DedupeWindow(int window, long maxDevices) {
    if (window < 1 || window > 65_536) {
      throw new IllegalArgumentException("dedupe window must be 1..65536 sequences but was " + window);
    }
    if (maxDevices < 1) {
      throw new IllegalArgumentException("dedupe maxDevices must be positive but was " + maxDevices);
    }
    this.window = window;
    this.devices = Caffeine.newBuilder().maximumSize(maxDevices).build();
  }

  /** Whether this instance recently recorded {@code key}. */
  public boolean contains(MessageKey key) {
    Ring ring = devices.getIfPresent(key.deviceKey());
    return ring != null && ring.contains(key.sequence());
  }

  /** Records {@code key} as stored or handed over. */
  public void add(MessageKey key) {
    devices.get(key.deviceKey(), k -> new Ring(window)).add(key.sequence());
  }

  /** The last {@code capacity} sequences added, in a ring (a linear scan is faster than hashing at this size). */
  private static final class Ring {
    private final long[] sequences;
    private int next;
    private int size;

    Ring(int capacity) {
      sequences = new long[capacity];
    }

    synchronized boolean contains(long sequence) {
      for (int i = 0; i < size; i++) {
        if (sequences[i] == sequence) {
          return true;
        }
      }
      return false;
    }

    synchronized void add(long sequence) {
      sequences[next] = sequence;
      next = (next + 1) % sequences.length;
      size = Math.min(size + 1, sequences.length);
    }
  }
}
