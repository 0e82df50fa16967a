package io.freeagentics.cloud.cache;

import io.freeagentics.cloud.cache.internal.L2Store;
import io.freeagentics.cloud.cache.internal.L2UnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An in-memory L2 for unit tests: one {@link Server} (values, generations, channel) shared by the stores of
 * several cache instances; each store can be cut off (Redis down for it) and its channel muted (messages lost).
 * Broadcasts are delivered on a thread of their own ({@link Server#awaitDeliveries()}); availability changes on
 * the caller's thread.
 */
final class FakeL2Store implements L2Store {

  /** The shared "Redis". */
  static final class Server {
    final Map<String, byte[]> values = new ConcurrentHashMap<>();
    final Map<String, Long> generations = new ConcurrentHashMap<>();
    final List<FakeL2Store> stores = new CopyOnWriteArrayList<>();
    final List<String> published = new CopyOnWriteArrayList<>();
    final List<Duration> ttls = new CopyOnWriteArrayList<>();
    /** Broadcasts are delivered on their own thread, in order, as Lettuce's events thread does. */
    private final ExecutorService deliveries = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "fake-redis-pubsub");
      thread.setDaemon(true);
      return thread;
    });

    /** Waits until every broadcast published so far was delivered. */
    void awaitDeliveries() {
      try {
        deliveries.submit(() -> { }).get(30, TimeUnit.SECONDS);
      } catch (InterruptedException | ExecutionException | TimeoutException e) {
        throw new AssertionError("fake pub/sub delivery did not finish", e);
      }
    }
  }

  private final Server server;
  private volatile boolean down;
  private volatile boolean muted;
  private volatile Listener listener;
  final List<String> operations = new CopyOnWriteArrayList<>();

  FakeL2Store(Server server) {
    this.server = server;
    server.stores.add(this);
  }

  /** Cuts this store off from the server, as a Redis outage does, and tells the listener. */
  void goDown() {
    down = true;
    listener.onUnavailable("fake outage");
  }

  /** Reconnects, and tells the listener. */
  void comeBack() {
    down = false;
    listener.onAvailable();
  }

  /** Drops every broadcast to this store from now on (the others still get them). */
  void mute() {
    muted = true;
  }

  private void check(String operation) throws L2UnavailableException {
    operations.add(operation);
    if (down) {
      throw new L2UnavailableException(operation + ": fake Redis is down", null);
    }
  }

  @Override
  public byte[] get(String key) throws L2UnavailableException {
    check("get " + key);
    return server.values.get(key);
  }

  @Override
  public long generation(String key) throws L2UnavailableException {
    check("generation " + key);
    return server.generations.getOrDefault(key, 0L);
  }

  @Override
  public boolean putIfGeneration(String key, long generation, byte[] value, Duration ttl)
      throws L2UnavailableException {
    check("put " + key);
    synchronized (server) {
      if (server.generations.getOrDefault(key, 0L) != generation) {
        return false;
      }
      server.values.put(key, value);
      server.ttls.add(ttl);
      return true;
    }
  }

  @Override
  public void invalidate(String key, Duration generationTtl) throws L2UnavailableException {
    check("invalidate " + key);
    synchronized (server) {
      server.generations.merge(key, 1L, Long::sum);
      server.values.remove(key);
    }
  }

  @Override
  public void invalidatePrefix(String prefix) throws L2UnavailableException {
    check("invalidatePrefix " + prefix);
    server.values.keySet().removeIf(key -> key.startsWith(prefix));
  }

  @Override
  public void publish(String message) throws L2UnavailableException {
    check("publish");
    server.published.add(message);
    for (FakeL2Store store : new ArrayList<>(server.stores)) {
      if (!store.down && !store.muted && store.listener != null) {
        Listener target = store.listener;
        server.deliveries.execute(() -> target.onMessage(message));
      }
    }
  }

  @Override
  public boolean available() {
    return !down;
  }

  @Override
  public void listen(Listener newListener) {
    this.listener = newListener;
  }

  @Override
  public void close() {
    server.stores.remove(this);
  }
}
