package io.freeagentics.edge;

import io.freeagentics.edge.internal.EdgeBeliefSpooler;
import io.freeagentics.edge.internal.EdgeCommandHandler;
import io.freeagentics.edge.internal.EdgeFleetDevice;
import io.freeagentics.model.GenerativeModel;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs many independent simulated edge devices in one JVM, for fleet simulations: each device is a real
 * {@link EdgeRuntime} (sim profile, simulated world, own SQLite database under {@code dataDir/<id>}, own
 * {@link EdgeSync} with its own Paho client), so killing the host and starting it again resumes every device from
 * its database. The devices' ticks run on a small shared scheduler ({@code tickThreads} threads) through
 * {@link EdgeRuntime#tick()}, not on a thread per device; each device's first tick is placed at random within one
 * interval so that their commits spread out. The MQTT keep-alive pings of all clients share one thread.
 *
 * <p>Threads per device: its sync thread and Paho's three (receiver, sender, callback).
 */
public final class EdgeFleetHost {
  private static final Logger LOG = LoggerFactory.getLogger(EdgeFleetHost.class);

  private final EdgeFleetConfig config;
  private final GenerativeModel model;
  private final EdgeProfileSettings profile;
  private final ScheduledThreadPoolExecutor ticks;
  private final ScheduledThreadPoolExecutor pings;
  private final List<EdgeFleetDevice> devices = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
  private final AtomicInteger running = new AtomicInteger();
  private final CountDownLatch opened = new CountDownLatch(1);
  private final AtomicLong lagSumMicros = new AtomicLong();
  private final AtomicLong lagCount = new AtomicLong();
  private final AtomicLong lagMaxMicros = new AtomicLong();
  private final AtomicLong windowLagMaxMicros = new AtomicLong();
  private final long startedNanos = System.nanoTime();
  private final long startedCpuNanos = processCpuNanos();
  private volatile boolean stopping;
  private CountDownLatch done;

  private EdgeFleetHost(EdgeFleetConfig config, GenerativeModel model, EdgeProfileSettings profile) {
    this.config = config;
    this.model = model;
    this.profile = profile;
    this.ticks = new ScheduledThreadPoolExecutor(config.tickThreads(), daemon("fleet-tick"));
    this.ticks.setRemoveOnCancelPolicy(true);
    this.pings = new ScheduledThreadPoolExecutor(1, daemon("fleet-mqtt-ping"));
  }

  /**
   * A host for {@code config}'s devices; nothing is opened yet ({@link #open}). {@link #requestStop()} may be
   * called from now on (a signal during a long start stops the opening).
   *
   * @throws IOException when the data folder cannot be created
   */
  public static EdgeFleetHost create(EdgeFleetConfig config, GenerativeModel model, EdgeProfileSettings profile)
      throws IOException {
    if (config == null || model == null || profile == null) {
      throw new IllegalArgumentException("config, model and profile must not be null");
    }
    Files.createDirectories(config.dataDir());
    return new EdgeFleetHost(config, model, profile);
  }

  /**
   * Opens every device (resuming those whose database exists) and starts their ticks and syncs, with a progress line
   * every {@code progressSeconds}. Devices that cannot be opened are logged and counted as failed; the others run.
   * After {@link #requestStop()} no further device is opened.
   */
  public void open(PrintStream progress) throws InterruptedException {
    if (progress == null) {
      throw new IllegalArgumentException("progress must not be null");
    }
    if (done != null) {
      throw new IllegalStateException("open() was already called");
    }
    openAll(progress);
  }

  private void openAll(PrintStream progress) throws InterruptedException {
    int workers = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    ExecutorService openers = Executors.newFixedThreadPool(workers, daemon("fleet-open"));
    AtomicInteger openedCount = new AtomicInteger();
    long reportEvery = TimeUnit.SECONDS.toNanos(config.progressSeconds());
    AtomicLong nextReport = new AtomicLong(System.nanoTime() + reportEvery);
    for (int i = 0; i < config.devices(); i++) {
      int index = i;
      openers.execute(() -> {
        String id = config.deviceId(index);
        if (stopping) {
          openedCount.incrementAndGet();
          return;
        }
        try {
          EdgeFleetDevice device = EdgeFleetDevice.open(id, config.dataDir().resolve(id), model, profile,
              config.agents(), config.tickMs(), config.seed() + config.firstIndex() + index, config.store(),
              config.uplink(), config.mqtt(), pings);
          device.runtime().begin();
          devices.add(device);
          running.incrementAndGet();
          if (stopping) {
            device.runtime().requestStop();
          }
          long first = ThreadLocalRandom.current().nextLong(config.tickMs());
          device.dueAt(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(first));
          ticks.schedule(() -> tick(device), first, TimeUnit.MILLISECONDS);
        } catch (EdgeStoreException e) {
          failures.add(id);
          LOG.error("device {} could not start: {}", id, e.getMessage());
        } catch (RuntimeException e) {
          failures.add(id);
          LOG.error("device {} could not start: {}", id, e.getMessage(), e);
        }
        int count = openedCount.incrementAndGet();
        long now = System.nanoTime();
        long due = nextReport.get();
        if (now >= due && nextReport.compareAndSet(due, now + reportEvery)) {
          progress.printf("fleet host: %d of %d devices started%n", count, config.devices());
          progress.flush();
        }
      });
    }
    openers.shutdown();
    openers.awaitTermination(Long.MAX_VALUE, TimeUnit.DAYS);
    done = new CountDownLatch(devices.size());
    opened.countDown();
    LOG.info("fleet host: {} devices running ({} failed to start), ticks on {} threads", devices.size(),
        failures.size(), config.tickThreads());
  }

  /** One tick of one device, then its next one scheduled (or its end). */
  private void tick(EdgeFleetDevice device) {
    long lateMicros = Math.max(0, (System.nanoTime() - device.dueNanos()) / 1000);
    lagSumMicros.addAndGet(lateMicros);
    lagCount.incrementAndGet();
    lagMaxMicros.accumulateAndGet(lateMicros, Math::max);
    windowLagMaxMicros.accumulateAndGet(lateMicros, Math::max);
    long wait;
    try {
      wait = stopping ? -1 : device.runtime().tick();
    } catch (EdgeStoreException | RuntimeException e) {
      LOG.error("device {} stopped: {}", device.id(), e.getMessage(), e);
      failures.add(device.id());
      wait = -1;
    }
    if (wait >= 0) {
      device.dueAt(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(wait));
      ticks.schedule(() -> tick(device), wait, TimeUnit.MILLISECONDS);
      return;
    }
    try {
      device.runtime().finish();
    } catch (EdgeStoreException | RuntimeException e) {
      LOG.error("device {}: the stop event could not be spooled: {}", device.id(), e.getMessage());
    } finally {
      running.decrementAndGet();
      awaitOpened();
      done.countDown();
    }
  }

  private void awaitOpened() {
    try {
      opened.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Asks every device to stop after its tick in progress. Any thread; idempotent. */
  public void requestStop() {
    stopping = true;
    for (EdgeFleetDevice device : devices) {
      device.runtime().requestStop();
    }
  }

  /** Ticks committed by the running devices so far; any thread. */
  public long ticksCommitted() {
    long sum = 0;
    for (EdgeFleetDevice device : devices) {
      sum += device.runtime().ticksCommitted();
    }
    return sum;
  }

  /** A progress line: devices, connected, ticks and deliveries, tick lateness since the last line, CPU, RSS. */
  public String progressLine() {
    long ticksCommitted = 0;
    long beliefs = 0;
    long delivered = 0;
    int connected = 0;
    for (EdgeFleetDevice device : devices) {
      ticksCommitted += device.runtime().ticksCommitted();
      EdgeBeliefSpooler.Stats stats = device.runtime().beliefStats();
      beliefs += stats.snapshots() + stats.deltas();
      EdgeSyncStats sync = device.syncStats().orElse(null);
      if (sync != null) {
        delivered += sync.delivered();
        connected += sync.connected() ? 1 : 0;
      }
    }
    double seconds = (System.nanoTime() - startedNanos) / 1e9;
    double cpu = (processCpuNanos() - startedCpuNanos) / 1e9;
    return String.format("fleet host: %d devices running, %d connected, %d ticks, %d belief messages, %d delivered,"
        + " tick lateness max %.1f ms (since last line), CPU %.0f%% of a core, RSS %d MB", running.get(), connected,
        ticksCommitted, beliefs, delivered, windowLagMaxMicros.getAndSet(0) / 1000.0,
        seconds > 0 ? 100 * cpu / seconds : 0.0, rssKb() / 1024);
  }

  /**
   * Stops every device (the tick in progress is committed, then a stop event), stops the syncs (each sends what is
   * left for at most its operation timeout and announces offline), reads the ledgers, closes everything.
   */
  public EdgeFleetSummary stop() throws InterruptedException {
    requestStop();
    awaitOpened();
    if (!done.await(config.tickMs() + 60_000, TimeUnit.MILLISECONDS)) {
      LOG.warn("fleet host: {} devices did not finish their last tick within {} ms", done.getCount(),
          config.tickMs() + 60_000);
    }
    ticks.shutdownNow();
    ExecutorService closers = Executors.newFixedThreadPool(32, daemon("fleet-close"));
    for (EdgeFleetDevice device : devices) {
      closers.execute(() -> {
        try {
          device.stopSync();
        } catch (EdgeStoreException | RuntimeException e) {
          LOG.warn("device {}: stopping its sync failed: {}", device.id(), e.getMessage());
        }
      });
    }
    closers.shutdown();
    closers.awaitTermination(5, TimeUnit.MINUTES);
    pings.shutdownNow();
    long ticksCommitted = 0;
    long snapshots = 0;
    long deltas = 0;
    long bytes = 0;
    long acks = 0;
    long delivered = 0;
    long connects = 0;
    long connectFailures = 0;
    long[] commands = new long[4];
    EdgeLedgerEntry beliefs = new EdgeLedgerEntry(EdgeRuntime.BELIEFS_KIND, 0, 0, 0, 0, 0);
    EdgeLedgerEntry all = new EdgeLedgerEntry("all", 0, 0, 0, 0, 0);
    for (EdgeFleetDevice device : devices) {
      ticksCommitted += device.runtime().ticksCommitted();
      EdgeBeliefSpooler.Stats stats = device.runtime().beliefStats();
      snapshots += stats.snapshots();
      deltas += stats.deltas();
      bytes += stats.bytes();
      acks += stats.acknowledgements();
      EdgeCommandHandler.Stats c = device.runtime().commandStats();
      commands[0] += c.received();
      commands[1] += c.applied();
      commands[2] += c.rejected();
      commands[3] += c.failed();
      EdgeSyncStats sync = device.syncStats().orElse(null);
      if (sync != null) {
        delivered += sync.delivered();
        connects += sync.connects();
        connectFailures += sync.connectFailures();
      }
      try {
        EdgeLedger ledger = device.ledger();
        beliefs = beliefs.plus(ledger.kind(EdgeRuntime.BELIEFS_KIND));
        EdgeLedgerEntry total = ledger.total();
        all = all.plus(total);
      } catch (EdgeStoreException e) {
        LOG.warn("device {}: its ledger cannot be read: {}", device.id(), e.getMessage());
      }
      try {
        device.close();
      } catch (EdgeStoreException | RuntimeException e) {
        LOG.warn("device {}: closing failed: {}", device.id(), e.getMessage());
      }
    }
    double seconds = (System.nanoTime() - startedNanos) / 1e9;
    double cpu = (processCpuNanos() - startedCpuNanos) / 1e9;
    long lagCountNow = Math.max(1, lagCount.get());
    return new EdgeFleetSummary(config.devices(), (int) failures.stream().distinct().count(), ticksCommitted, snapshots + deltas, snapshots, deltas, bytes,
        acks, commands[0], commands[1], commands[2], commands[3], delivered, connects, connectFailures,
        lagSumMicros.get() / 1000.0 / lagCountNow, lagMaxMicros.get() / 1000.0, seconds, cpu, rssKb(),
        beliefs.spooled(), beliefs.delivered(), all.delivered(), all.pending(), all.dropped(), all.deadLettered());
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }

  /** VmRSS of this process in kB, from /proc (0 where there is none). */
  static long rssKb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      LOG.debug("cannot read /proc/self/status: {}", e.toString());
    }
    return 0;
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
