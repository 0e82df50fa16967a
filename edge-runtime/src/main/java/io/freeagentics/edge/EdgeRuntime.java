package io.freeagentics.edge;

import io.freeagentics.edge.internal.AgentEngine;
import io.freeagentics.edge.internal.AgentRestorer;
import io.freeagentics.edge.internal.EdgeBeliefSpooler;
import io.freeagentics.edge.internal.EdgeCommandHandler;
import io.freeagentics.edge.internal.EdgeInboundRouter;
import io.freeagentics.edge.internal.EdgeProfileOverrides;
import io.freeagentics.edge.internal.EdgeTelemetrySource;
import io.freeagentics.edge.internal.JsonText;
import io.freeagentics.edge.internal.JvmClock;
import io.freeagentics.edge.internal.PopulationAgentEngine;
import io.freeagentics.engine.AgentSettings;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.model.ModelInputException;
import io.freeagentics.model.json.ModelJson;
import io.freeagentics.population.KernelPreference;
import io.freeagentics.population.Population;
import io.freeagentics.population.PopulationConfig;
import io.freeagentics.profiles.Engine;
import io.freeagentics.wire.DeviceEvent;
import io.freeagentics.wire.MessageHeader;
import io.freeagentics.wire.WireCodec;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device's tick loop. Each tick: carry out the down-link commands received since the last one, read every
 * agent's sensors, let the agents infer and act, drive the actuators, and commit the tick in one transaction —
 * checkpoints, history, the tick's {@code beliefs} message (every {@code beliefEveryTicks} ticks), telemetry when
 * due, errors, command acknowledgements and sync state; then wait the interval the {@link EdgeTickPolicy} chooses
 * from the power state. On start the agents resume from their checkpoints in the store (with the model and profile
 * overrides earlier commands left in force); a sensor that fails skips that agent's observation for the tick (it
 * does not update), logged and spooled as an error event, never a silent stop.
 *
 * <p>{@link #run()} runs the loop on the calling thread. A host of many simulated devices drives the same ticks
 * from a shared scheduler instead: {@link #begin()}, then {@link #tick()} (which returns the wait before the next
 * tick), then {@link #finish()}. {@link #requestStop()} (from a signal handler or another thread) ends the loop
 * after the tick in progress; the stop event is spooled in a final commit. {@link #inbound()} receives what the
 * sync's subscriptions bring (acknowledgements of belief messages, commands).
 */
public final class EdgeRuntime implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EdgeRuntime.class);
  /** Outbox priorities: telemetry is dropped first, then errors, beliefs, lifecycle events, command acks last. */
  static final int PRIORITY_TELEMETRY = 2;
  static final int PRIORITY_ERROR = 5;
  static final int PRIORITY_BELIEFS = 6;
  static final int PRIORITY_LIFECYCLE = 8;
  static final int PRIORITY_COMMAND_ACK = 9;
  /** The outbox kind of belief messages. */
  public static final String BELIEFS_KIND = EdgeBeliefSpooler.KIND;
  /** The outbox kind of JSON event records (errors, lifecycle). */
  public static final String EVENTS_KIND = "events";
  /** Error messages in events are cut to this many characters (the event body is at most 8 KiB of UTF-8). */
  static final int MAX_EVENT_MESSAGE_CHARS = 1000;
  private static final float BELIEF_SUM_TOLERANCE = 1e-3f;

  private final EdgeRuntimeConfig config;
  private final EdgeStateStore store;
  private final EdgeIo io;
  private final EdgePowerSource power;
  private final PrintStream progress;
  private final int modalities;
  private final int factors;
  private final CountDownLatch stop = new CountDownLatch(1);
  private final long resumedAfter;
  private final EdgeBeliefSpooler beliefs;
  private final EdgeTelemetrySource telemetry;
  private final EdgeCommandHandler commands;
  private final EdgeInboundRouter inbound;
  private final EdgeCommandHandler.Device device = new CommandedDevice();
  private GenerativeModel model;
  private AgentEngine engine;
  private EdgeTickPolicy policy;
  private EdgeUplinkConfig uplink;
  private volatile Runnable afterCommit = () -> { };

  // Loop state: begin(), tick(), finish().
  private int[] observations;
  private int[] actions;
  private boolean begun;
  private boolean finished;
  private long firstTick = -1;
  private long lastTick;
  private long ticks;
  private long sensorErrors;
  private long actuatorErrors;
  private long firstTickMs = -1;
  private long nextProgress;
  private EdgeTickDecision decision;
  private long previousStart = -1;
  private double previousActiveMs;
  private volatile long ticksCommitted;

  /**
   * A runtime with the default uplink settings ({@link EdgeUplinkConfig#defaults}) for profile {@code default}.
   *
   * @throws EdgeStoreException when the checkpoints cannot be read
   * @throws IllegalArgumentException when the stored checkpoints were written for another model
   */
  public EdgeRuntime(EdgeRuntimeConfig config, GenerativeModel model, EdgeStateStore store, EdgeIo io,
      EdgePowerSource power, EdgeTickPolicy policy, PrintStream progress) throws EdgeStoreException {
    this(config, EdgeUplinkConfig.defaults("default"), model, store, io, power, policy, progress);
  }

  /**
   * Builds the agents and resumes them from the store's checkpoints (logged with how closely they were restored).
   * A model that an earlier model update left in force in the store replaces {@code model} when it fits the same
   * sensors and actuators; profile overrides stored by earlier commands are applied to {@code uplink} and
   * {@code policy}'s bounds.
   *
   * @throws EdgeStoreException when the checkpoints or the sync state cannot be read
   * @throws IllegalArgumentException when the stored checkpoints were written for another model
   */
  public EdgeRuntime(EdgeRuntimeConfig config, EdgeUplinkConfig uplink, GenerativeModel model, EdgeStateStore store,
      EdgeIo io, EdgePowerSource power, EdgeTickPolicy policy, PrintStream progress) throws EdgeStoreException {
    if (config == null || uplink == null || model == null || store == null || io == null || power == null
        || policy == null || progress == null) {
      throw new IllegalArgumentException(
          "config, uplink, model, store, io, power, policy and progress must not be null");
    }
    this.config = config;
    this.store = store;
    this.io = io;
    this.power = power;
    this.progress = progress;
    this.modalities = model.numModalities();
    this.factors = model.numFactors();
    this.commands = new EdgeCommandHandler(store, store.file().toAbsolutePath().getParent().resolve("models"),
        PRIORITY_COMMAND_ACK);
    this.model = storedModel(model);
    this.policy = policy;
    this.uplink = uplink;
    applyStoredOverrides();
    this.engine = newEngine(this.model);
    this.resumedAfter = store.lastCommittedTick();
    restore();
    this.beliefs = EdgeBeliefSpooler.load(store, this.uplink, numStates(this.model), PRIORITY_BELIEFS);
    this.telemetry = new EdgeTelemetrySource(store.deviceId(), PRIORITY_TELEMETRY);
    this.inbound = new EdgeInboundRouter(store.deviceId(), beliefs, commands);
  }

  /** Asks the loop to stop after the tick in progress. Safe from any thread; idempotent. */
  public void requestStop() {
    stop.countDown();
  }

  /** Whether a stop was requested. */
  public boolean stopRequested() {
    return stop.getCount() == 0;
  }

  /** Receives the sync's down-link messages (acknowledgements, commands); hand it to {@link EdgeSync#start}. */
  public EdgeSyncInbound inbound() {
    return inbound;
  }

  /** Called on the tick thread after every successful commit (e.g. to wake the sync). */
  public void onCommit(Runnable listener) {
    this.afterCommit = listener == null ? () -> { } : listener;
  }

  /** Ticks committed by this run, readable from any thread. */
  public long ticksCommitted() {
    return ticksCommitted;
  }

  /** Belief messages spooled, acknowledgements and base; readable from any thread. */
  public EdgeBeliefSpooler.Stats beliefStats() {
    return beliefs.stats();
  }

  /** Commands received, applied, rejected, failed, repeated; readable from any thread. */
  public EdgeCommandHandler.Stats commandStats() {
    return commands.stats();
  }

  /**
   * Runs ticks until {@link #requestStop()} or {@code maxTicks}, then commits a stop event.
   *
   * @throws EdgeStoreException when a tick cannot be committed because of a store failure other than a full or
   *     failing storage, or after {@code maxFailedCommits} such failures in a row (the loop stops: the store is
   *     the device's memory)
   */
  public EdgeRunSummary run() throws EdgeStoreException {
    begin();
    for (long wait = tick(); wait >= 0; wait = tick()) {
      if (wait > 0) {
        try {
          stop.await(wait, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          LOG.warn("tick loop interrupted: stopping");
          break;
        }
      }
    }
    return finish();
  }

  /** Starts a run: reads the power state, logs, prints {@code resumed after tick N} / {@code fresh start}. */
  public void begin() throws EdgeStoreException {
    if (begun) {
      throw new IllegalStateException("begin() was already called");
    }
    begun = true;
    observations = new int[config.agents() * modalities];
    actions = new int[config.agents() * factors];
    lastTick = store.lastCommittedTick();
    nextProgress = System.nanoTime();
    decision = policy.initial(power.read(Math.min(store.outboxStats().depth(), store.config().outboxCapacity()),
        store.config().outboxCapacity()));
    LOG.info("device {}: {} agents, {}, {}, {}", store.deviceId(), config.agents(), engine.description(),
        io.description(), power.description());
    if (config.reportCommits()) {
      progress.println(resumedAfter >= 0 ? "resumed after tick " + resumedAfter : "fresh start");
      progress.flush();
    }
  }

  /**
   * Runs one tick and returns the milliseconds to wait before the next one (0: at once), or {@code -1} when the
   * run is over ({@code maxTicks} reached or a stop requested): then call {@link #finish()}.
   *
   * @throws EdgeStoreException as {@link #run()}
   */
  public long tick() throws EdgeStoreException {
    if (!begun || finished) {
      throw new IllegalStateException("tick() needs begin() and no finish()");
    }
    if (stopRequested() || (config.maxTicks() > 0 && ticks >= config.maxTicks())) {
      return -1;
    }
    long started = System.nanoTime();
    if (previousStart >= 0) {
      power.consumed(Math.max(previousActiveMs, (started - previousStart) / 1e6), previousActiveMs);
    }
    long wallMillis = System.currentTimeMillis();
    long tick = lastTick + 1;
    EdgeCommandHandler.Batch commanded = commands.process(tick, wallMillis, device);
    List<EdgeOutgoing> outgoing = new ArrayList<>(commanded.acks());
    List<EdgeAgentUpdate> updates = step(tick, outgoing);
    EdgeStoreConfig storeConfig = store.config();
    EdgeBeliefSpooler.Prepared prepared = beliefs.prepare(tick, wallMillis, updates);
    int beliefIndex = -1;
    if (prepared.message() != null) {
      beliefIndex = outgoing.size();
      outgoing.add(prepared.message());
    }
    if (telemetry.due(wallMillis, uplink.telemetryEverySeconds())) {
      EdgeOutboxStats outbox = store.outboxStats();
      outgoing.add(telemetry.telemetry(wallMillis, uplink.telemetryEverySeconds(),
          power.read(Math.min(outbox.depth(), storeConfig.outboxCapacity()), storeConfig.outboxCapacity()),
          power.hasBattery(), decision.intervalMs(), config.agents(), outbox.depth(), storeConfig.outboxCapacity()));
    }
    List<EdgeStateWrite> writes = new ArrayList<>(commanded.writes());
    writes.addAll(prepared.writes());
    boolean committed = commit(new EdgeTickCommit(tick, updates, outgoing, writes,
        List.copyOf(commanded.records().values()), commanded.resetAgents()), storeConfig.maxFailedCommits());
    if (committed) {
      List<Long> ids = store.lastSpooledIds();
      beliefs.committed(prepared, beliefIndex >= 0 && beliefIndex < ids.size() ? ids.get(beliefIndex) : -1);
      ticksCommitted++;
      afterCommit.run();
    } else {
      beliefs.notCommitted(prepared);
      commands.notCommitted(commanded);
    }
    // The tick happened (the actuators were driven) even when it could not be saved: numbering goes on.
    lastTick = tick;
    ticks++;
    if (committed && firstTick < 0) {
      firstTick = tick;
      firstTickMs = JvmClock.millisSinceStart();
      LOG.info("first tick {} committed {} ms after launch", tick, firstTickMs);
    }
    if (committed && config.reportCommits()) {
      progress.println("committed tick " + tick);
      progress.flush();
    }
    double activeMs = (System.nanoTime() - started) / 1e6;
    EdgeOutboxStats outbox = store.outboxStats();
    decision = policy.decide(power.read(Math.min(outbox.depth(), storeConfig.outboxCapacity()),
        storeConfig.outboxCapacity()), decision);
    if (System.nanoTime() >= nextProgress) {
      progress.printf("tick %d: %d agents updated, %d skipped, %.1f ms busy, outbox %d (dropped %d), %s, next in %d"
          + " ms (%s)%n", tick, updates.size(), config.agents() - updates.size(), activeMs, outbox.depth(),
          outbox.dropped(), decision.mode(), decision.intervalMs(), decision.reason());
      progress.flush();
      nextProgress = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.progressEveryMs());
    }
    previousStart = started;
    previousActiveMs = activeMs;
    if (stopRequested() || (config.maxTicks() > 0 && ticks >= config.maxTicks())) {
      return -1;
    }
    long waitMs = decision.intervalMs() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    return Math.max(0, waitMs);
  }

  /**
   * Ends the run: spools a {@code stopped} event and returns the summary.
   *
   * @throws EdgeStoreException when the stop event cannot be spooled for a reason other than a full or failing
   *     storage
   */
  public EdgeRunSummary finish() throws EdgeStoreException {
    if (!begun || finished) {
      throw new IllegalStateException("finish() needs begin() and is called once");
    }
    finished = true;
    if (previousStart >= 0) {
      double elapsed = (System.nanoTime() - previousStart) / 1e6;
      power.consumed(Math.max(previousActiveMs, elapsed), previousActiveMs);
    }
    if (store.unsavedAgents() > 0) {
      LOG.warn("stopping with the newest checkpoints of {} agents unsaved in {} (the last {} tick commits failed): "
          + "the agents {}", store.unsavedAgents(), store.file(), store.failedCommitsInARow(), resumePoint());
    }
    try {
      store.enqueue(List.of(event("stopped", new JsonText().text("event", "stopped")
          .text("device", store.deviceId()).number("lastTick", lastTick), PRIORITY_LIFECYCLE)));
      afterCommit.run();
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

  /** Sensors, inference, actuators for one tick; returns the agents' updates, adds error events to {@code outgoing}. */
  private List<EdgeAgentUpdate> step(long tick, List<EdgeOutgoing> outgoing) {
    int[] observation = new int[modalities];
    int[] action = new int[factors];
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
    return updates;
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

  private AgentEngine newEngine(GenerativeModel forModel) {
    PopulationConfig populationConfig = new PopulationConfig(config.agents(), store.config().historyLength(),
        config.seed(), config.threads(), KernelPreference.AUTO, AgentSettings.defaults());
    return config.engine() == Engine.INT8 ? PopulationAgentEngine.onInt8(forModel, populationConfig)
        : PopulationAgentEngine.onFloat(forModel, populationConfig);
  }

  /** The model a model update left in force, when it can be read and fits the I/O; otherwise {@code given}. */
  private GenerativeModel storedModel(GenerativeModel given) throws EdgeStoreException {
    Optional<Path> file = EdgeCommandHandler.storedModelFile(store);
    if (file.isEmpty()) {
      return given;
    }
    try {
      GenerativeModel stored = ModelJson.read(file.get());
      String misfit = EdgeCommandHandler.misfit(given, stored);
      if (misfit != null) {
        LOG.error("the model {} set by a model update does not fit this device's I/O any more ({}); running the "
            + "model given at start", file.get(), misfit);
        return given;
      }
      LOG.info("running the model {} set by a model update (instead of the one given at start)", file.get());
      return stored;
    } catch (ModelInputException e) {
      LOG.error("the model {} set by a model update cannot be read, running the model given at start: {}", file.get(),
          e.getMessage());
      return given;
    }
  }

  private void applyStoredOverrides() {
    if (commands.storedOverrides().isEmpty()) {
      return;
    }
    try {
      EdgeProfileOverrides.Settings settings = EdgeProfileOverrides.apply(device.settings(),
          commands.storedOverrides());
      device.applySettings(settings);
      LOG.info("profile overrides from earlier commands in force: {}", commands.storedOverrides());
    } catch (IllegalArgumentException e) {
      LOG.error("stored profile overrides {} are not valid any more, not applied: {}", commands.storedOverrides(),
          e.getMessage());
    }
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

  private static List<Integer> numStates(GenerativeModel model) {
    List<Integer> sizes = new ArrayList<>(model.numFactors());
    for (int f = 0; f < model.numFactors(); f++) {
      sizes.add(model.numStates(f));
    }
    return sizes;
  }

  /** The agent's beliefs per factor, checked: a NaN or a distribution not summing to 1 is an engine defect. */
  private float[][] beliefsOf(int agent, long tick) {
    float[][] result = new float[factors][];
    for (int f = 0; f < factors; f++) {
      result[f] = new float[model.numStates(f)];
      engine.beliefs(agent, f, result[f]);
      float sum = 0;
      for (float p : result[f]) {
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
    return result;
  }

  private EdgeOutgoing error(long tick, String source, int agent, String message) {
    String text = String.valueOf(message);
    if (text.length() > MAX_EVENT_MESSAGE_CHARS) {
      text = text.substring(0, MAX_EVENT_MESSAGE_CHARS) + "...";
    }
    return event("error", new JsonText().text("event", "error").text("device", store.deviceId())
        .number("tick", tick).text("source", source).number("agent", agent).text("message", text), PRIORITY_ERROR);
  }

  /**
   * An {@code events} outbox row: a {@link DeviceEvent} frame around the JSON record (the sync stamps its sequence,
   * so the cloud stores it once).
   */
  private EdgeOutgoing event(String kind, JsonText body, int priority) {
    return new EdgeOutgoing(EVENTS_KIND, WireCodec.encode(new DeviceEvent(new MessageHeader(store.deviceId(), 0,
        System.currentTimeMillis()), kind, body.build())), priority);
  }

  /** The runtime as the command handler sees it; called on the tick thread only. */
  private final class CommandedDevice implements EdgeCommandHandler.Device {
    @Override
    public GenerativeModel model() {
      return model;
    }

    @Override
    public String profileId() {
      return uplink.profileId();
    }

    @Override
    public EdgeProfileOverrides.Settings settings() {
      return new EdgeProfileOverrides.Settings((int) Math.min(Integer.MAX_VALUE, policy.minMs()),
          (int) Math.min(Integer.MAX_VALUE, policy.maxMs()), uplink);
    }

    @Override
    public boolean switchModel(GenerativeModel next) {
      boolean sameStates = numStates(model).equals(numStates(next));
      AgentEngine fresh = newEngine(next);
      if (sameStates) {
        try {
          AgentRestorer.restore(fresh, store.checkpoints());
        } catch (EdgeStoreException | RuntimeException e) {
          fresh.close();
          throw new IllegalStateException("the agents' checkpoints could not be carried over: " + e.getMessage(), e);
        }
      }
      AgentEngine old = engine;
      engine = fresh;
      model = next;
      old.close();
      if (!sameStates) {
        beliefs.reset(numStates(next));
      }
      return sameStates;
    }

    @Override
    public void applySettings(EdgeProfileOverrides.Settings next) {
      policy = new EdgeTickPolicy(next.tickMinMs(), next.tickMaxMs());
      uplink = next.uplink();
      if (beliefs != null) {
        beliefs.configure(uplink);
      }
    }
  }
}
