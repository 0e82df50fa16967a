package io.freeagentics.cloud.beliefs;

import io.freeagentics.cloud.ingest.BeliefsListener;
import io.freeagentics.cloud.ingest.BeliefsStored;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops the cached latest beliefs of every device of a stored batch ({@link BeliefsListener}), here, in Redis and
 * on every other instance, before the ingest acknowledges the batch. The work runs on a thread of its own, which
 * takes the devices of every batch offered since its last run (from all writer threads) and invalidates them with
 * one Redis round trip and one channel message ({@link CachedBeliefQueries#invalidateDevices}); the writer thread
 * waits for the run that covers its batch, at most {@code fa.cache.beliefs.invalidation-wait}.
 *
 * <p>So normally an acknowledged message is never hidden by a cached latest on this instance, and other instances
 * drop theirs when the channel message arrives. When Redis is slow, the writer acknowledges after the wait and
 * stops waiting altogether until a run finishes in time again: the ingest never stalls on the cache (a run that
 * fails is logged; the cache keeps the devices for replay when Redis is back, see docs/cloud-cache.md).
 */
@Singleton
@Requires(beans = CachedBeliefQueries.class)
public class BeliefCacheInvalidation implements BeliefsListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(BeliefCacheInvalidation.class);

  private final CachedBeliefQueries cache;
  private final long waitNanos;
  private final ExecutorService worker;
  private final Object lock = new Object();
  private Set<DeviceRef> pending = new LinkedHashSet<>();
  private CompletableFuture<Void> pendingDone = new CompletableFuture<>();
  private boolean runScheduled;
  /** A run took longer than the wait: writers do not wait until one finishes in time again. */
  private volatile boolean slow;
  private final LongAdder batches = new LongAdder();
  private final LongAdder runs = new LongAdder();
  private final LongAdder devices = new LongAdder();
  private final LongAdder notWaited = new LongAdder();
  private final LongAdder failures = new LongAdder();
  private final LongAdder runNanos = new LongAdder();

  /** The Micronaut bean; with a registry it reports {@code fa.cache.beliefs.invalidation.*}. */
  @Inject
  BeliefCacheInvalidation(CachedBeliefQueries cache, BeliefCacheConfig config, @Nullable MeterRegistry registry) {
    this(cache, config.invalidationWait());
    if (registry != null) {
      bind(registry);
    }
  }

  /**
   * Invalidates through {@code cache}; writers wait at most {@code wait} for their batch's invalidation (zero:
   * never).
   *
   * @throws IllegalArgumentException when {@code wait} is negative
   */
  public BeliefCacheInvalidation(CachedBeliefQueries cache, Duration wait) {
    this.cache = Objects.requireNonNull(cache, "cache");
    Objects.requireNonNull(wait, "wait");
    if (wait.isNegative()) {
      throw new IllegalArgumentException("wait must not be negative but was " + wait);
    }
    this.waitNanos = wait.toNanos();
    this.worker = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "fa-belief-cache-invalidation");
      thread.setDaemon(true);
      return thread;
    });
  }

  @Override
  public void stored(List<BeliefsStored> batch) {
    if (batch.isEmpty()) {
      return;
    }
    CompletableFuture<Void> done;
    boolean inline = false;
    synchronized (lock) {
      for (BeliefsStored stored : batch) {
        pending.add(DeviceRef.of(stored.fleet(), stored.device()));
      }
      done = pendingDone;
      if (!runScheduled) {
        runScheduled = true;
        try {
          worker.execute(this::run);
        } catch (RejectedExecutionException closed) {
          // Closing while the ingest still stores: invalidate on this thread rather than not at all.
          runScheduled = false;
          inline = true;
        }
      }
    }
    batches.increment();
    if (inline) {
      run();
      return;
    }
    if (slow || waitNanos == 0) {
      notWaited.increment();
      return;
    }
    try {
      done.get(waitNanos, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      slow = true;
      notWaited.increment();
      LOG.warn("belief cache: invalidating a stored batch took longer than {} ms (Redis slow?); acknowledging "
          + "without waiting until an invalidation is fast again", TimeUnit.NANOSECONDS.toMillis(waitNanos));
    } catch (ExecutionException e) {
      // The run logged the failure; the cache remembered the devices for replay.
      LOG.debug("belief cache: the invalidation of this batch failed: {}", e.getCause().toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Invalidates everything offered so far; on the worker thread. */
  private void run() {
    Set<DeviceRef> devicesNow;
    CompletableFuture<Void> done;
    synchronized (lock) {
      devicesNow = pending;
      done = pendingDone;
      pending = new LinkedHashSet<>();
      pendingDone = new CompletableFuture<>();
      runScheduled = false;
    }
    long start = System.nanoTime();
    try {
      cache.invalidateDevices(devicesNow);
      done.complete(null);
    } catch (RuntimeException e) {
      failures.increment();
      LOG.error("belief cache: invalidating the latest beliefs of {} device(s) failed", devicesNow.size(), e);
      done.completeExceptionally(e);
    }
    long took = System.nanoTime() - start;
    runs.increment();
    devices.add(devicesNow.size());
    runNanos.add(took);
    if (slow && took <= waitNanos) {
      slow = false;
      LOG.info("belief cache: invalidations are fast again; the ingest waits for them");
    }
  }

  /** Counters since start. */
  public BeliefCacheInvalidationStats stats() {
    return new BeliefCacheInvalidationStats(batches.sum(), runs.sum(), devices.sum(), notWaited.sum(),
        failures.sum(), TimeUnit.NANOSECONDS.toMicros(runNanos.sum()));
  }

  private void bind(MeterRegistry registry) {
    FunctionCounter.builder("fa.cache.beliefs.invalidation.batches", this, s -> s.stats().batches())
        .description("stored batches whose devices' latest beliefs were invalidated").register(registry);
    FunctionCounter.builder("fa.cache.beliefs.invalidation.runs", this, s -> s.stats().runs())
        .description("invalidation runs (one Redis round trip and one channel message each)").register(registry);
    FunctionCounter.builder("fa.cache.beliefs.invalidation.devices", this, s -> s.stats().devices())
        .description("devices invalidated").register(registry);
    FunctionCounter.builder("fa.cache.beliefs.invalidation.not.waited", this, s -> s.stats().notWaited())
        .description("batches acknowledged before their invalidation finished (Redis slow)").register(registry);
    FunctionCounter.builder("fa.cache.beliefs.invalidation.failures", this, s -> s.stats().failures())
        .description("invalidation runs that failed").register(registry);
  }

  /** Stops the worker after the runs already offered. */
  @PreDestroy
  @Override
  public void close() {
    worker.shutdown();
    try {
      if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
        LOG.warn("belief cache: the invalidation worker did not finish within 5 s; stopping it");
        worker.shutdownNow();
      }
    } catch (InterruptedException e) {
      worker.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
