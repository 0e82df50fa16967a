package io.freeagentics.cloud.cache;

import io.freeagentics.cloud.cache.internal.L2Store;
import io.freeagentics.cloud.cache.internal.L2UnavailableException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * For tests of the caches' users in other packages: one in-memory "Redis" ({@link FakeL2Store}) shared by several
 * instances' {@link TwoLevelCaches}, a clock the test moves, outages per instance, and a gate that holds batch
 * invalidations (a slow Redis).
 */
public final class FakeRedisCluster {
  private final FakeL2Store.Server server = new FakeL2Store.Server();
  private final AtomicLong nanos = new AtomicLong();

  /** Moves the clock of every instance's L1 forward. */
  public void advance(Duration by) {
    nanos.addAndGet(by.toNanos());
  }

  /** Waits until every message published so far reached the instances. */
  public void awaitDeliveries() {
    server.awaitDeliveries();
  }

  /** Every message published on the channel so far, in order. */
  public List<String> published() {
    return List.copyOf(server.published);
  }

  /** Whether "Redis" holds a value for the entry {@code cache:key}. */
  public boolean holds(String cache, String key) {
    return server.values.containsKey(cache + ":" + key);
  }

  /** A new instance on this "Redis". */
  public Node node(CacheConfig config) {
    return new Node(new FakeL2Store(server), config);
  }

  /** One instance: its caches and its connection to the shared "Redis". */
  public final class Node {
    private final FakeL2Store store;
    private final Gate gate;
    /** The instance's caches. */
    public final TwoLevelCaches caches;

    private Node(FakeL2Store store, CacheConfig config) {
      this.store = store;
      this.gate = new Gate(store);
      this.caches = new TwoLevelCaches(config, gate, Optional.empty(), nanos::get);
    }

    /** Redis goes away for this instance (the others keep it). */
    public void goDown() {
      store.goDown();
    }

    /** Redis is back for this instance. */
    public void comeBack() {
      store.comeBack();
    }

    /** From now on, batch invalidations of this instance wait until {@link #open()}. */
    public void holdBatchInvalidations() {
      gate.entered = new CountDownLatch(1);
      gate.latch = new CountDownLatch(1);
    }

    /** Waits until a batch invalidation reached the held gate. */
    public void awaitHeld() throws InterruptedException {
      if (!gate.entered.await(30, TimeUnit.SECONDS)) {
        throw new AssertionError("no batch invalidation reached the gate within 30 s");
      }
    }

    /** Lets held batch invalidations through. */
    public void open() {
      gate.latch.countDown();
    }

    /** The batch invalidations this instance sent (one Redis round trip each). */
    public long batchInvalidations() {
      return gate.batches.get();
    }
  }

  /** Delegates to the fake store; batch invalidations can be held. */
  private static final class Gate implements L2Store {
    private final FakeL2Store store;
    private volatile CountDownLatch latch = new CountDownLatch(0);
    private volatile CountDownLatch entered = new CountDownLatch(0);
    private final AtomicLong batches = new AtomicLong();

    Gate(FakeL2Store store) {
      this.store = store;
    }

    @Override
    public byte[] get(String key) throws L2UnavailableException {
      return store.get(key);
    }

    @Override
    public long generation(String key) throws L2UnavailableException {
      return store.generation(key);
    }

    @Override
    public boolean putIfGeneration(String key, long generation, byte[] value, Duration ttl)
        throws L2UnavailableException {
      return store.putIfGeneration(key, generation, value, ttl);
    }

    @Override
    public void invalidate(String key, Duration generationTtl) throws L2UnavailableException {
      store.invalidate(key, generationTtl);
    }

    @Override
    public void invalidateAndPublish(List<String> keys, Duration generationTtl, String message)
        throws L2UnavailableException {
      entered.countDown();
      try {
        if (!latch.await(30, TimeUnit.SECONDS)) {
          throw new L2UnavailableException("held batch invalidation was never let through", null);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new L2UnavailableException("interrupted while held", e);
      }
      batches.incrementAndGet();
      L2Store.super.invalidateAndPublish(keys, generationTtl, message);
    }

    @Override
    public void invalidatePrefix(String prefix) throws L2UnavailableException {
      store.invalidatePrefix(prefix);
    }

    @Override
    public void publish(String message) throws L2UnavailableException {
      store.publish(message);
    }

    @Override
    public boolean available() {
      return store.available();
    }

    @Override
    public void listen(Listener listener) {
      store.listen(listener);
    }

    @Override
    public void close() {
      store.close();
    }
  }
}
