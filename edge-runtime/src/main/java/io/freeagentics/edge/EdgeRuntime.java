package io.freeagentics.edge;

import io.freeagentics.edge.internal.AgentEngine;
import io.freeagentics.edge.internal.AgentRestorer;
import io.freeagentics.edge.internal.JsonText;
import io.freeagentics.edge.internal.JvmClock;
import io.freeagentics.edge.internal.PopulationAgentEngine;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.population.KernelPreference;
import io.freeagentics.population.Population;
import io.freeagentics.population.PopulationConfig;
import io.freeagentics.engine.AgentSettings;
import io.freeagentics.profiles.Engine;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device's tick loop. Each tick: read every agent's sensors, let the agents infer and act, drive the
 * actuators, and commit the tick (checkpoints, history, outbox messages) in one transaction; then wait the
 * interval the {@link EdgeTickPolicy} chooses from the power state. On start the agents resume from their
 * checkpoints in the store; a sensor that fails skips that agent's observation for the tick (it does not update),
 * logged and spooled as an error message, never a silent stop.
 *
 * <p>{@link #requestStop()} (from a signal handler or another thread) ends the loop after the tick in progress;
 * {@link #run()} then spools a stop event in a final commit and returns.
 */
public final class EdgeRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EdgeRuntime.class);
  /** Outbox priorities: tick summaries are dropped first, errors and lifecycle events last. */
  static final int PRIORITY_SUMMARY = 1;
  static final int PRIORITY_ERROR = 5;
  static final int PRIORITY_LIFECYCLE = 8;
  private static final float BELIEF_SUM_TOLERANCE = 1e-3f;

  private final EdgeRuntimeConfig config;
  private final GenerativeModel model;
  private final EdgeStateStore store;
  private final EdgeIo io;
  private final EdgePowerSource power;
  private final EdgeTickPolicy policy;
  private final PrintStream progress;
  private final AgentEngine engine;
  private final int modalities;
  private final int factors;
  private final CountDownLatch stop = new CountDownLatch(1);
  private final long resumedAfter;

  /**
   * Builds the agents and resumes them from the store's checkpoints (logged with how closely they were restored).
   *
   * @throws EdgeStoreException when the checkpoints cannot be read
   * @throws IllegalArgumentException when the stored checkpoints were written for another model
   */
  public EdgeRuntime(EdgeRuntimeConfig config, GenerativeModel model, EdgeStateStore store, EdgeIo io,
      EdgePowerSource power, EdgeTickPolicy policy, PrintStream progress) throws EdgeStoreException {
    if (config == null || model == null || store == null || io == null || power == null || policy == null
        || progress == null) {
      throw new IllegalArgumentException("config, model, store, io, power, policy and progress must not be null");
    }
    this.config = config;
    this.model = model;
    this.store = store;
    this.io = io;
    this.power = power;
    this.policy = policy;
    this.progress = progress;
    this.modalities = model.numModalities();
    this.factors = model.numFactors();
    PopulationConfig populationConfig = new PopulationConfig(config.agents(), store.config().historyLength(),
        config.seed(), config.threads(), KernelPreference.AUTO, AgentSettings.defaults());
    this.engine = config.engine() == Engine.INT8 ? PopulationAgentEngine.onInt8(model, populationConfig)
        : PopulationAgentEngine.onFloat(model, populationConfig);
    this.resumedAfter = store.lastCommittedTick();
    restore();
  }

  /** Asks the loop to stop after the tick in progress. Safe from any thread; idempotent. */
  public void requestStop() {
    stop.countDown();
  }

  /**
   * Runs ticks until {@link #requestStop()} or {@code maxTicks}, then commits a stop event.
   *
   * @throws EdgeStoreException when a tick cannot be committed because of a store failure other than a full or
   *     failing storage, or after {@code maxFailedCommits} such failures in a row (the loop stops: the store is
   *     the device's memory)
   */
  public EdgeRunSummary run() throws EdgeStoreException {
    int[] observations = new int[config.agents() * modalities];
    int[] actions = new int[config.agents() * factors];
    int[] observation = new int[modalities];
    int[] action = new int[factors];
    long firstTick = -1;
    long lastTick = store.lastCommittedTick();
    long ticks = 0;
    long sensorErrors = 0;
    long actuatorErrors = 0;
    long firstTickMs = -1;
    long nextProgress = System.nanoTime();
    EdgeStoreConfig storeConfig = store.config();
    EdgeTickDecision decision = policy.initial(power.read(store.outboxStats().depth(), storeConfig.outboxCapacity()));
    LOG.info("device {}: {} agents, {}, {}, {}", store.deviceId(), config.agents(), engine.description(),
        io.description(), power.description());
    if (config.reportCommits()) {
      progress.println(resumedAfter >= 0 ? "resumed after tick " + resumedAfter : "fresh start");
      progress.flush();
    }
    while (stop.getCount() > 0 && (config.maxTicks() == 0 || ticks < config.maxTicks())) {
      long started = System.nanoTime();
      long tick = lastTick + 1;
      List<EdgeOutgoing> outgoing = new ArrayList<>();
      int skipped = 0;
      try {
        io.beginTick(tick);
      } catch (EdgeIoException e) {
        LOG.error("tick {}: sensors could not be sampled, every agent skips this tick: {}", tick, e.getMessage());
        outgoing.add(error(tick, "sensors", -1, e.getMessage()));
        Arrays.fill(observations, Population.NO_OBSERVATION);
        skipped = config.agents();
        sensorErrors++;
      }
      if (skipped == 0) {
        for (int agent = 0; agent < config.agents(); agent++) {
          try {
            io.read(agent, observation);
            System.arraycopy(observation, 0, observations, agent * modalities, modalities);
          } catch (EdgeIoException e) {
            observations[agent * modalities] = Population.NO_OBSERVATION;
            skipped++;
            sensorErrors++;
            LOG.warn("tick {}: sensor of agent {} failed, its observation is skipped this tick: {}", tick, agent,
                e.getMessage());
            outgoing.add(error(tick, "sensor", agent, e.getMessage()));
          }
        }
      }
      engine.step(observations, actions);
      List<EdgeAgentUpdate> updates = new ArrayList<>(config.agents());
      for (int agent = 0; agent < config.agents(); agent++) {
        if (observations[agent * modalities] == Population.NO_OBSERVATION) {
          continue;
        }
        System.arraycopy(actions, agent * factors, action, 0, factors);
        try {
          io.write(agent, action);
        } catch (EdgeIoException e) {
          actuatorErrors++;
          LOG.warn("tick {}: actuator of agent {} failed: {}", tick, agent, e.getMessage());
          outgoing.add(error(tick, "actuator", agent, e.getMessage()));
        }
        updates.add(new EdgeAgentUpdate(agent, Arrays.copyOfRange(observations, agent * modalities,
            (agent + 1) * modalities), beliefsOf(agent, tick), action.clone()));
      }
      try {
        io.endTick(tick);
      } catch (EdgeIoException e) {
        actuatorErrors++;
        LOG.error("tick {}: actuators could not be applied: {}", tick, e.getMessage());
        outgoing.add(error(tick, "actuators", -1, e.getMessage()));
      }
      outgoing.add(new EdgeOutgoing("tick", new JsonText().text("device", store.deviceId()).number("tick", tick)
          .number("agents", updates.size()).number("skipped", skipped).text("mode", decision.mode().name())
          .build().getBytes(StandardCharsets.UTF_8), PRIORITY_SUMMARY));
      boolean committed = commit(new EdgeTickCommit(tick, updates, outgoing), storeConfig.maxFailedCommits());
      // The tick happened (the actuators were driven) even when it could not be saved: numbering goes on.
      lastTick = tick;
      ticks++;
      if (committed && firstTick < 0) {
        firstTick = tick;
        firstTickMs = millisSinceJvmStart();
        LOG.info("first tick {} committed {} ms after launch", tick, firstTickMs);
      }
      if (committed && config.reportCommits()) {
        progress.println("committed tick " + tick);
        progress.flush();
      }
      double activeMs = (System.nanoTime() - started) / 1e6;
      EdgeOutboxStats outbox = store.outboxStats();
      decision = policy.decide(power.read(outbox.depth(), storeConfig.outboxCapacity()), decision);
      if (System.nanoTime() >= nextProgress) {
        progress.printf("tick %d: %d agents updated, %d skipped, %.1f ms busy, outbox %d (dropped %d), %s, next in %d"
            + " ms (%s)%n", tick, updates.size(), skipped, activeMs, outbox.depth(), outbox.dropped(),
            decision.mode(), decision.intervalMs(), decision.reason());
        progress.flush();
        nextProgress = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.progressEveryMs());
      }
      long waitNanos = TimeUnit.MILLISECONDS.toNanos(decision.intervalMs()) - (System.nanoTime() - started);
      if (waitNanos > 0 && (config.maxTicks() == 0 || ticks < config.maxTicks())) {
        try {
          stop.await(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          LOG.warn("tick loop interrupted: stopping");
          break;
        }
      }
      power.consumed(Math.max(activeMs, (System.nanoTime() - started) / 1e6), activeMs);
    }
    if (store.unsavedAgents() > 0) {
      LOG.warn("stopping with the newest checkpoints of {} agents unsaved in {} (the last {} tick commits failed): "
          + "the agents {}", store.unsavedAgents(), store.file(), store.failedCommitsInARow(), resumePoint());
    }
    try {
      store.enqueue(List.of(new EdgeOutgoing("lifecycle", new JsonText().text("device", store.deviceId())
          .text("event", "stopped").number("lastTick", lastTick).build().getBytes(StandardCharsets.UTF_8),
          PRIORITY_LIFECYCLE)));
    } catch (EdgeStoreException e) {
      if (!e.isTransient()) {
        throw e;
      }
      LOG.warn("the stop event could not be spooled, it is not sent: {}", e.getMessage());
    }
    LOG.info("stopped after tick {} ({} ticks this run, {} sensor errors, {} actuator errors)", lastTick, ticks,
        sensorErrors, actuatorErrors);
    return new EdgeRunSummary(firstTick, ticks == 0 ? -1 : lastTick, ticks, sensorErrors, actuatorErrors,
        firstTickMs, resumedAfter);
  }

  /**
   * Commits a tick; returns whether it was saved. A full or failing storage ({@link EdgeStoreException#isTransient})
   * is logged and ridden out: the agents keep their state in memory and the store writes their newest checkpoints
   * with the next commit that succeeds, until {@code maxFailedCommits} commits in a row have failed.
   *
   * @throws EdgeStoreException on any other store failure, or after {@code maxFailedCommits} failed commits
   */
  private boolean commit(EdgeTickCommit commit, int maxFailedCommits) throws EdgeStoreException {
    try {
      store.commitTick(commit);
      return true;
    } catch (EdgeStoreException e) {
      if (!e.isTransient()) {
        throw e;
      }
      int failed = store.failedCommitsInARow();
      if (failed >= maxFailedCommits) {
        LOG.error("tick {}: {} tick commits in a row failed ({}), stopping the runtime: the device cannot save its "
            + "state. Free space on the data disk or replace it, then restart: the agents {}. Last failure: {}",
            commit.tick(), failed, e.kind(), resumePoint(), e.getMessage());
        throw new EdgeStoreException("stopped after " + failed + " failed tick commits in a row (" + e.kind()
            + ") in " + store.file() + ": " + e.getMessage(), e, e.kind());
      }
      LOG.warn("tick {} not saved ({}, failure {} of {} before the runtime stops): {}; the agents keep their state in "
          + "memory and the next tick retries the commit", commit.tick(), e.kind(), failed, maxFailedCommits,
          e.getMessage());
      return false;
    }
  }

  private String resumePoint() {
    return store.lastCommittedTick() < 0 ? "start again from their prior D (no tick was committed)"
        : "resume from the last committed tick " + store.lastCommittedTick();
  }

  /** Stops the population's threads and closes the I/O; the store belongs to the caller. */
  @Override
  public void close() {
    engine.close();
    io.close();
  }

  private void restore() throws EdgeStoreException {
    List<EdgeCheckpoint> checkpoints = store.checkpoints();
    if (resumedAfter < 0 && checkpoints.isEmpty()) {
      LOG.info("fresh start: every agent begins at its prior D");
      return;
    }
    AgentRestorer.Result result = AgentRestorer.restore(engine, checkpoints);
    LOG.info("resumed after tick {}: {} agents restored exactly from their checkpoints (largest belief difference "
        + "{}), {} without a checkpoint start at D", resumedAfter, result.agents(),
        String.format("%.2e", result.maxBeliefDeviation()), config.agents() - result.agents());
  }

  /** The agent's beliefs per factor, checked: a NaN or a distribution not summing to 1 is an engine defect. */
  private float[][] beliefsOf(int agent, long tick) {
    float[][] beliefs = new float[factors][];
    for (int f = 0; f < factors; f++) {
      beliefs[f] = new float[model.numStates(f)];
      engine.beliefs(agent, f, beliefs[f]);
      float sum = 0;
      for (float p : beliefs[f]) {
        if (!(p >= 0)) {
          throw new IllegalStateException("tick " + tick + ": agent " + agent + " has belief " + p + " in factor " + f);
        }
        sum += p;
      }
      if (Math.abs(sum - 1) > BELIEF_SUM_TOLERANCE) {
        throw new IllegalStateException("tick " + tick + ": beliefs of agent " + agent + " in factor " + f
            + " sum to " + sum);
      }
    }
    return beliefs;
  }

  private EdgeOutgoing error(long tick, String source, int agent, String message) {
    return new EdgeOutgoing("error", new JsonText().text("device", store.deviceId()).number("tick", tick)
        .text("source", source).number("agent", agent).text("message", String.valueOf(message)).build()
        .getBytes(StandardCharsets.UTF_8), PRIORITY_ERROR);
  }

  private static long millisSinceJvmStart() {
    return JvmClock.millisSinceStart();
  }
}
