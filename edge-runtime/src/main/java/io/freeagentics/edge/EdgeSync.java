package io.freeagentics.edge;

import io.freeagentics.edge.internal.OutboxFramer;
import io.freeagentics.edge.internal.OutboxPublisher;
import io.freeagentics.edge.internal.PahoSyncLink;
import io.freeagentics.edge.internal.SyncBackoff;
import io.freeagentics.edge.internal.SyncLink;
import io.freeagentics.edge.internal.SyncLinkException;
import io.freeagentics.edge.internal.SyncSequences;
import io.freeagentics.wire.MessageHeader;
import io.freeagentics.wire.Presence;
import io.freeagentics.wire.WireCodec;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Store-and-forward of the outbox to an MQTT broker, on its own thread: every message of the SQLite outbox is
 * published at QoS 1 to {@code fa/v1/{fleet}/{device}/{kind}} and leaves the outbox only once the broker
 * acknowledged it, so nothing is lost when the broker is away or the process is killed — at worst a message is
 * sent twice, with the same wire sequence, and the cloud drops the copy. A message the broker or client refuses
 * counts a failed attempt and goes to the dead letters after the store's {@code maxAttempts}.
 *
 * <p>While connected, the device's presence is retained on {@code .../presence}: online after each connect, offline
 * from the last will when the device vanishes and from {@link #close()} when it stops. After each (re)connect the
 * sync subscribes to {@code .../command} and {@code .../ack} and hands what arrives to an {@link EdgeSyncInbound}.
 * Reconnects back off exponentially with jitter, between {@code backoffInitialMillis/2} and
 * {@code backoffMaxMillis}.
 *
 * <p>The sync uses its own connection to the state database (WAL: it does not block the tick loop's commits).
 */
public final class EdgeSync implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EdgeSync.class);

  private final EdgeStateStore store;
  private final SyncSequences sequences;
  private final SyncLink link;
  private final EdgeMqttConfig config;
  private final OutboxFramer framer;
  private final OutboxPublisher publisher;
  private final SyncBackoff backoff;
  private final Object monitor = new Object();
  private final Thread thread;
  private EdgeSyncStats stats = EdgeSyncStats.initial();
  private boolean stopping;
  private boolean closed;
  private boolean nudged;

  private EdgeSync(EdgeStateStore store, SyncSequences sequences, SyncLink link, EdgeMqttConfig config) {
    this.store = store;
    this.sequences = sequences;
    this.link = link;
    this.config = config;
    this.framer = new OutboxFramer(config.fleet(), store.deviceId(), config.maxPayloadBytes());
    this.publisher = new OutboxPublisher(store, link, framer, config.maxInflight(), config.operationTimeoutMillis());
    this.backoff = new SyncBackoff(config.backoffInitialMillis(), config.backoffMaxMillis(),
        ThreadLocalRandom.current());
    this.thread = new Thread(this::run, "edge-sync");
    this.thread.setDaemon(true);
  }

  /**
   * Opens a second connection to the state database {@code database} (already opened by the runtime, with the same
   * {@code storeConfig}) and starts syncing its outbox to the broker of {@code config}.
   *
   * @throws EdgeStoreException when the database cannot be opened
   */
  public static EdgeSync start(Path database, EdgeStoreConfig storeConfig, EdgeMqttConfig config,
      EdgeSyncInbound inbound) throws EdgeStoreException {
    return start(database, storeConfig, config, inbound, null);
  }

  /**
   * As {@link #start(Path, EdgeStoreConfig, EdgeMqttConfig, EdgeSyncInbound)}, with the MQTT keep-alive pings on
   * {@code pingScheduler} (shared by the devices of one process; {@code null}: a timer thread per client).
   */
  public static EdgeSync start(Path database, EdgeStoreConfig storeConfig, EdgeMqttConfig config,
      EdgeSyncInbound inbound, ScheduledExecutorService pingScheduler) throws EdgeStoreException {
    if (database == null || storeConfig == null || config == null || inbound == null) {
      throw new IllegalArgumentException("database, storeConfig, config and inbound must not be null");
    }
    EdgeStateStore store = EdgeStateStore.open(database, storeConfig);
    SyncSequences sequences;
    try {
      sequences = SyncSequences.open(database);
    } catch (SQLException e) {
      EdgeStoreException failure = new EdgeStoreException("cannot open the sync sequence of " + database + ": "
          + e.getMessage(), e);
      try {
        store.close();
      } catch (EdgeStoreException closing) {
        failure.addSuppressed(closing);
      }
      throw failure;
    }
    SyncLink link = new PahoSyncLink(config.serverUri(), "fa-" + store.deviceId(), config.maxInflight(),
        config.keepAliveSeconds(), config.operationTimeoutMillis(), inbound, pingScheduler);
    return start(store, sequences, link, config);
  }

  /** Starts syncing {@code store} (owned by the sync from now on) over {@code link}. */
  static EdgeSync start(EdgeStateStore store, SyncSequences sequences, SyncLink link, EdgeMqttConfig config) {
    EdgeSync sync = new EdgeSync(store, sequences, link, config);
    sync.thread.start();
    return sync;
  }

  /**
   * Tells the sync that messages were just committed: an idle sync looks at the outbox now instead of after its
   * poll interval. Any thread.
   */
  public void nudge() {
    synchronized (monitor) {
      nudged = true;
      monitor.notifyAll();
    }
  }

  /** The device id in every topic and wire header. */
  public String deviceId() {
    return framer.deviceId();
  }

  public EdgeSyncStats stats() {
    synchronized (monitor) {
      return stats;
    }
  }

  /** Waits until the statistics satisfy {@code condition}; returns false when {@code timeout} passed first. */
  public boolean awaitStats(Predicate<EdgeSyncStats> condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (monitor) {
      while (!condition.test(stats)) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        monitor.wait(Math.max(1, left / 1_000_000));
      }
      return true;
    }
  }

  /**
   * Stops the sync: the pass in progress finishes, what is still waiting is sent while connected (for at most the
   * operation timeout), a retained offline presence is published, the client disconnects cleanly and the sync's database connection closes. Messages not yet acknowledged stay in the
   * outbox for the next run.
   */
  @Override
  public void close() throws EdgeStoreException {
    synchronized (monitor) {
      if (closed) {
        return;
      }
      closed = true;
      stopping = true;
      monitor.notifyAll();
    }
    long wait = 3 * config.operationTimeoutMillis();
    try {
      thread.join(wait);
      if (thread.isAlive()) {
        LOG.warn("the sync thread did not stop within {} ms; dropping its connection", wait);
        link.reset();
        thread.join(wait);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      link.reset();
    }
    if (thread.isAlive()) {
      throw new IllegalStateException("the sync thread did not stop; its database connection stays open");
    }
    try {
      sequences.close();
    } catch (SQLException e) {
      LOG.warn("closing the sync sequence connection failed: {}", e.getMessage(), e);
    }
    store.close();
  }

  private void run() {
    int failures = 0;
    while (!isStopping()) {
      try {
        if (!link.isConnected()) {
          connect();
          failures = 0;
        }
        OutboxPublisher.Pass pass = publisher.publishBatch();
        record(pass);
        if (pass.connectionFault()) {
          LOG.warn("sync connection fault, reconnecting: {}", pass.fault().getMessage());
          link.reset();
          pause(backoff.delayMillis(failures++));
        } else if (pass.taken() == 0) {
          idle(config.pollMillis());
        }
      } catch (SyncLinkException e) {
        link.reset();
        countConnectFailure();
        long delay = backoff.delayMillis(failures++);
        LOG.warn("sync cannot reach {} (failure {}), next try in {} ms: {}", config.serverUri(), failures, delay,
            e.getMessage());
        pause(delay);
      } catch (EdgeStoreException | SQLException e) {
        // Deliveries of an interrupted pass may be outstanding: dropping the connection keeps the in-flight bound.
        link.reset();
        long delay = backoff.delayMillis(failures++);
        LOG.error("sync cannot use the outbox (next try in {} ms): {}", delay, e.getMessage(), e);
        pause(delay);
      } catch (RuntimeException e) {
        LOG.error("sync stopped by an unexpected failure", e);
        link.reset();
        throw e;
      }
    }
    goOffline();
  }

  /** Connects with the offline will, announces online, and subscribes — here, on the sync thread. */
  private void connect() throws SyncLinkException, SQLException {
    String presenceTopic = framer.topic(OutboxFramer.PRESENCE_KIND);
    link.connect(presenceTopic, presence(false));
    link.publish(presenceTopic, presence(true), true).await(config.operationTimeoutMillis());
    link.subscribe(framer.topic("command"));
    link.subscribe(framer.topic("ack"));
    synchronized (monitor) {
      stats = new EdgeSyncStats(stats.delivered(), stats.failedAttempts(), stats.deadLettered(),
          stats.connectFailures(), stats.connects() + 1, true);
      monitor.notifyAll();
    }
    LOG.info("sync connected to {} as device {} of fleet {}", config.serverUri(), framer.deviceId(), config.fleet());
  }

  /** A last drain of what the final tick spooled (bounded by the operation timeout), then presence offline. */
  private void goOffline() {
    long deadline = System.nanoTime() + config.operationTimeoutMillis() * 1_000_000;
    try {
      while (link.isConnected() && System.nanoTime() < deadline) {
        OutboxPublisher.Pass pass = publisher.publishBatch();
        record(pass);
        if (pass.taken() == 0 || pass.connectionFault()) {
          break;
        }
      }
    } catch (EdgeStoreException e) {
      LOG.warn("final drain of the outbox failed, the messages stay for the next run: {}", e.getMessage(), e);
      link.reset();
    }
    if (link.isConnected()) {
      try {
        link.publish(framer.topic(OutboxFramer.PRESENCE_KIND), presence(false), true)
            .await(config.operationTimeoutMillis());
      } catch (SyncLinkException | SQLException e) {
        LOG.warn("could not publish the offline presence (the broker's will covers it): {}", e.getMessage());
      }
    }
    link.close();
    setConnected(false);
  }

  private byte[] presence(boolean online) throws SQLException {
    return WireCodec.encode(new Presence(new MessageHeader(framer.deviceId(), sequences.next(),
        System.currentTimeMillis()), online));
  }

  private void record(OutboxPublisher.Pass pass) {
    synchronized (monitor) {
      stats = new EdgeSyncStats(stats.delivered() + pass.delivered(), stats.failedAttempts() + pass.failed(),
          stats.deadLettered() + pass.deadLettered(), stats.connectFailures(), stats.connects(),
          !pass.connectionFault());
      monitor.notifyAll();
    }
  }

  private void countConnectFailure() {
    synchronized (monitor) {
      stats = new EdgeSyncStats(stats.delivered(), stats.failedAttempts(), stats.deadLettered(),
          stats.connectFailures() + 1, stats.connects(), false);
      monitor.notifyAll();
    }
  }

  private void setConnected(boolean connected) {
    synchronized (monitor) {
      stats = new EdgeSyncStats(stats.delivered(), stats.failedAttempts(), stats.deadLettered(),
          stats.connectFailures(), stats.connects(), connected);
      monitor.notifyAll();
    }
  }

  private boolean isStopping() {
    synchronized (monitor) {
      return stopping;
    }
  }

  /** Waits {@code millis}, until {@link #nudge()} or until {@link #close()}. */
  private void idle(long millis) {
    long deadline = System.nanoTime() + millis * 1_000_000;
    synchronized (monitor) {
      while (!stopping && !nudged) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        try {
          monitor.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          stopping = true;
        }
      }
      nudged = false;
    }
  }

  /** Waits {@code millis} or until {@link #close()}. */
  private void pause(long millis) {
    long deadline = System.nanoTime() + millis * 1_000_000;
    synchronized (monitor) {
      while (!stopping) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return;
        }
        try {
          monitor.wait(Math.max(1, left / 1_000_000));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          stopping = true;
        }
      }
    }
  }
}
