package io.freeagentics.cloud.mirror;

import io.freeagentics.cloud.ingest.BeliefsListener;
import io.freeagentics.cloud.ingest.BeliefsStored;
import io.freeagentics.cloud.mirror.internal.ModelMirror;
import io.freeagentics.cloud.mirror.internal.OutcomePrediction;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.wire.AgentBeliefs;
import io.freeagentics.wire.BeliefCodes;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The full-precision mirror of every edge agent. The ingest tells it about each stored beliefs message
 * ({@link BeliefsListener}); its own thread then sets, in a float population of the device's model
 * ({@link MirrorModels}), every agent whose tick is newer than the mirrored one. Updates of a device that arrive
 * faster than the thread applies them are coalesced to the newest state (each message carries the device's whole
 * belief set), so the ingest never waits for the mirror and the pending work is bounded by the number of devices.
 *
 * <p>Each instance mirrors what it stored: with several ingest instances in one shared group, an instance's mirror
 * of a device is as fresh as the last message of that device this instance stored. Memory: the population's
 * per-agent arrays plus {@link ModelMirror#INDEX_BYTES_PER_AGENT} per agent ({@link MirrorStats#bytesPerAgent()}),
 * for at most {@code fa.mirror.max-agents} agents per model. Disabled with {@code fa.mirror.enabled=false}.
 */
@Singleton
@Requires(property = "fa.mirror.enabled", notEquals = "false")
public class PopulationMirror implements BeliefsListener, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PopulationMirror.class);

  private final MirrorModels models;
  private final int chunkSize;
  private final long maxAgents;
  private final Map<GenerativeModel, ModelMirror> mirrors = new IdentityHashMap<>();
  private final Map<String, BeliefsStored> pending = new LinkedHashMap<>();
  private final Thread thread;
  private final AtomicLong updates = new AtomicLong();
  private final AtomicLong shapeMismatches = new AtomicLong();
  private final AtomicLong full = new AtomicLong();
  private final AtomicLong unknownModel = new AtomicLong();
  private boolean busy;
  private volatile boolean closed;

  public PopulationMirror(MirrorModels models, @Value("${fa.mirror.chunk-size:4096}") int chunkSize,
      @Value("${fa.mirror.max-agents:1000000}") long maxAgents) {
    if (chunkSize < 1) {
      throw new IllegalArgumentException("fa.mirror.chunk-size must be positive but was " + chunkSize);
    }
    if (maxAgents < 1) {
      throw new IllegalArgumentException("fa.mirror.max-agents must be positive but was " + maxAgents);
    }
    this.models = models;
    this.chunkSize = chunkSize;
    this.maxAgents = maxAgents;
    this.thread = new Thread(this::run, "fa-mirror");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void stored(List<BeliefsStored> batch) {
    synchronized (pending) {
      for (BeliefsStored stored : batch) {
        String device = stored.fleet() + "/" + stored.device();
        BeliefsStored previous = pending.get(device);
        if (previous == null || previous.sequence() < stored.sequence()) {
          pending.put(device, stored);
        }
      }
      pending.notifyAll();
    }
  }

  private void run() {
    while (!closed) {
      List<BeliefsStored> work;
      synchronized (pending) {
        while (pending.isEmpty() && !closed) {
          try {
            pending.wait();
          } catch (InterruptedException e) {
            return;
          }
        }
        work = new ArrayList<>(pending.values());
        pending.clear();
        busy = true;
      }
      for (BeliefsStored stored : work) {
        try {
          apply(stored);
        } catch (RuntimeException e) {
          LOG.error("mirroring {}/{} message {} failed", stored.fleet(), stored.device(), stored.sequence(), e);
        }
      }
      synchronized (pending) {
        busy = false;
        pending.notifyAll();
      }
    }
  }

  private void apply(BeliefsStored stored) {
    Optional<GenerativeModel> model = models.model(stored.fleet(), stored.device());
    if (model.isEmpty()) {
      unknownModel.incrementAndGet();
      return;
    }
    ModelMirror mirror;
    synchronized (mirrors) {
      mirror = mirrors.computeIfAbsent(model.get(), m -> new ModelMirror(m, chunkSize, maxAgents));
    }
    if (!mirror.fits(stored.state().numStates())) {
      if (shapeMismatches.incrementAndGet() == 1) {
        LOG.warn("beliefs of {}/{} have factor sizes {} but its model {} has {}: not mirrored", stored.fleet(),
            stored.device(), stored.state().numStates(), model.get().name(),
            Arrays.toString(model.get().numStates()));
      }
      return;
    }
    for (AgentBeliefs agent : stored.state().agents()) {
      float[][] beliefs = new float[agent.factors().size()][];
      for (int f = 0; f < beliefs.length; f++) {
        BeliefCodes codes = agent.factors().get(f);
        double[] p = codes.probabilities();
        beliefs[f] = new float[p.length];
        for (int s = 0; s < p.length; s++) {
          beliefs[f][s] = (float) p[s];
        }
      }
      switch (mirror.set(stored.fleet(), stored.device(), agent.agentId(), agent.tick(), stored.sequence(),
          beliefs)) {
        case UPDATED -> updates.incrementAndGet();
        case FULL -> full.incrementAndGet();
        case STALE -> {
        }
      }
    }
  }

  /**
   * Waits until every update offered so far was applied (for tests and the demo); false on timeout. The ingest
   * offers a message before acknowledging it, so after a device's ack this waits for that message too.
   */
  public boolean awaitIdle(long timeoutMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    synchronized (pending) {
      while (busy || !pending.isEmpty()) {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) {
          return false;
        }
        pending.wait(left);
      }
      return true;
    }
  }

  /** The mirrored beliefs of one agent, or empty when it is not mirrored. */
  public Optional<MirroredAgent> agent(String fleet, String device, int agent) {
    return locate(fleet, device, agent).map(found -> new MirroredAgent(fleet, device, agent,
        found.mirror().model().name(), found.mirrored().tick(), found.mirrored().sequence(),
        Arrays.asList(found.mirrored().beliefs())));
  }

  /** The mirrored agents of a device, by agent id. */
  public List<MirroredAgent> agents(String fleet, String device) {
    ModelMirror mirror = mirrorOf(fleet, device);
    if (mirror == null) {
      return List.of();
    }
    List<MirroredAgent> agents = new ArrayList<>();
    for (int id : mirror.agents(fleet, device)) {
      agent(fleet, device, id).ifPresent(agents::add);
    }
    return agents;
  }

  /** What the mirrored agent expects to observe next ({@link MirrorPrediction}), or empty when not mirrored. */
  public Optional<MirrorPrediction> predict(String fleet, String device, int agent) {
    return locate(fleet, device, agent).map(found -> new MirrorPrediction(fleet, device, agent,
        found.mirrored().tick(),
        Arrays.asList(OutcomePrediction.predict(found.mirror().model(), found.mirrored().beliefs()))));
  }

  /** A mirrored agent and the mirror of its model. */
  private record Located(ModelMirror mirror, ModelMirror.Mirrored mirrored) {}

  /** The mirrored agent with its mirror, or empty when its device's model or the agent is not mirrored. */
  private Optional<Located> locate(String fleet, String device, int agent) {
    ModelMirror mirror = mirrorOf(fleet, device);
    if (mirror == null) {
      return Optional.empty();
    }
    ModelMirror.Mirrored mirrored = mirror.read(fleet, device, agent);
    return mirrored == null ? Optional.empty() : Optional.of(new Located(mirror, mirrored));
  }

  private ModelMirror mirrorOf(String fleet, String device) {
    Optional<GenerativeModel> model = models.model(fleet, device);
    if (model.isEmpty()) {
      return null;
    }
    synchronized (mirrors) {
      return mirrors.get(model.get());
    }
  }

  public MirrorStats stats() {
    long devices = 0;
    long agents = 0;
    long capacity = 0;
    long bytes = 0;
    synchronized (mirrors) {
      for (ModelMirror mirror : mirrors.values()) {
        devices += mirror.devices();
        agents += mirror.agents();
        capacity += mirror.capacity();
        bytes += mirror.stateBytes();
      }
    }
    long perAgent = capacity == 0 ? 0 : bytes / capacity + ModelMirror.INDEX_BYTES_PER_AGENT;
    return new MirrorStats(devices, agents, capacity, bytes, perAgent, updates.get(), shapeMismatches.get(),
        full.get(), unknownModel.get());
  }

  @PreDestroy
  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    synchronized (mirrors) {
      mirrors.values().forEach(ModelMirror::close);
      mirrors.clear();
    }
  }
}
