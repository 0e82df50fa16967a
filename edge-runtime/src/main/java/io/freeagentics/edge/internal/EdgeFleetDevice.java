package io.freeagentics.edge.internal;

import io.freeagentics.edge.EdgeLedger;
import io.freeagentics.edge.EdgePowerSource;
import io.freeagentics.edge.EdgeProfileSettings;
import io.freeagentics.edge.EdgeRuntime;
import io.freeagentics.edge.EdgeRuntimeConfig;
import io.freeagentics.edge.EdgeSimulatedBattery;
import io.freeagentics.edge.EdgeSimulatedIo;
import io.freeagentics.edge.EdgeStateStore;
import io.freeagentics.edge.EdgeStoreConfig;
import io.freeagentics.edge.EdgeStoreException;
import io.freeagentics.edge.EdgeSync;
import io.freeagentics.edge.EdgeSyncStats;
import io.freeagentics.edge.EdgeSystemPower;
import io.freeagentics.edge.EdgeTickPolicy;
import io.freeagentics.edge.EdgeUplinkConfig;
import io.freeagentics.edge.EdgeMqttConfig;
import io.freeagentics.model.GenerativeModel;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One simulated device of a fleet host: its own state database, a real {@link EdgeRuntime} on a simulated world
 * ({@link EdgeSimulatedIo}) and simulated battery, and its own {@link EdgeSync} (own Paho client and sync thread).
 * The host's scheduler drives its ticks ({@link #tick()}); the device itself holds no thread for them.
 */
public final class EdgeFleetDevice implements AutoCloseable {
  private static final PrintStream SILENT = new PrintStream(OutputStream.nullOutputStream());

  private final String id;
  private final EdgeStateStore store;
  private final EdgeRuntime runtime;
  private EdgeSync sync;
  private EdgeSyncStats finalSyncStats;
  /** When the next tick is due (System.nanoTime), for the host's lateness figures. */
  private volatile long dueNanos;

  private EdgeFleetDevice(String id, EdgeStateStore store, EdgeRuntime runtime) {
    this.id = id;
    this.store = store;
    this.runtime = runtime;
  }

  /**
   * Opens (or resumes) the device {@code id} in {@code folder} and starts its sync when {@code mqtt} is given.
   *
   * @throws EdgeStoreException when its database cannot be opened, or was made for another device id
   * @throws IllegalArgumentException when the database was written for another model
   */
  public static EdgeFleetDevice open(String id, Path folder, GenerativeModel model, EdgeProfileSettings profile,
      int agents, long tickMs, long seed, EdgeStoreConfig storeConfig, EdgeUplinkConfig uplink,
      Optional<EdgeMqttConfig> mqtt, ScheduledExecutorService pingScheduler) throws EdgeStoreException {
    Path database = folder.resolve("edge.db");
    EdgeStateStore store = EdgeStateStore.open(database, storeConfig, id);
    EdgeRuntime runtime = null;
    try {
      if (!store.deviceId().equals(id)) {
        throw new EdgeStoreException("the database " + database + " belongs to device " + store.deviceId()
            + ", not " + id + ": use another --data folder or --id-prefix");
      }
      EdgePowerSource power = profile.battery().isPresent() && profile.batterySimulated()
          ? new EdgeSimulatedBattery(profile.battery().get(), 1.0) : EdgeSystemPower.ofSystem();
      EdgeTickPolicy policy = new EdgeTickPolicy(tickMs, Math.max(tickMs, profile.tickMaxMs()));
      runtime = new EdgeRuntime(new EdgeRuntimeConfig(agents, 0, profile.engine(), 1, seed, false, 3_600_000L),
          uplink, model, store, new EdgeSimulatedIo(model, agents, seed), power, policy, SILENT);
      EdgeFleetDevice device = new EdgeFleetDevice(id, store, runtime);
      if (mqtt.isPresent()) {
        device.sync = EdgeSync.start(database, storeConfig, mqtt.get(), runtime.inbound(), pingScheduler);
        runtime.onCommit(device.sync::nudge);
      }
      return device;
    } catch (EdgeStoreException | RuntimeException e) {
      if (runtime != null) {
        runtime.close();
      }
      try {
        store.close();
      } catch (EdgeStoreException closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  public String id() {
    return id;
  }

  public EdgeRuntime runtime() {
    return runtime;
  }

  public long dueNanos() {
    return dueNanos;
  }

  public void dueAt(long nanos) {
    this.dueNanos = nanos;
  }

  /** The sync's statistics now (after {@link #stopSync()}: its final ones); empty when offline. */
  public Optional<EdgeSyncStats> syncStats() {
    if (finalSyncStats != null) {
      return Optional.of(finalSyncStats);
    }
    return sync == null ? Optional.empty() : Optional.of(sync.stats());
  }

  /** Stops the sync: the last messages are sent (for at most its operation timeout), presence goes offline. */
  public void stopSync() throws EdgeStoreException {
    if (sync != null) {
      sync.close();
      finalSyncStats = sync.stats();
      sync = null;
    }
  }

  /** The device's ledger; call after its ticks ended (the store is the tick thread's). */
  public EdgeLedger ledger() throws EdgeStoreException {
    return store.ledger();
  }

  /** Closes the sync (if still running), the runtime and the database. */
  @Override
  public void close() throws EdgeStoreException {
    try {
      stopSync();
    } finally {
      runtime.close();
      store.close();
    }
  }
}
