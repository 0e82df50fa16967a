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
import java.util.HashMap;
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
 * <p>Devices on the same model (the same {@link GenerativeModel} instance from {@link MirrorModels}) share one
 * population ({@link ModelMirror}). A device is mirrored in one population at a time: when its model changes (a
 * model update it applied), its agents leave the old model's population with the next stored beliefs (their slots
 * are freed for reuse, and a population left empty is closed) and are set in the new model's one from those
 * beliefs. Reads ({@link #agent}, {@link #agents}, {@link #predict}, {@link #model}) answer from the population the
 * device is mirrored in, and only while that is still the device's model: between the change and the next beliefs
 * they answer nothing for the device, never a mix of the two models.
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
  /** The population of each model; guards itself and {@link #deviceMirrors}. */
  private final Map<GenerativeModel, ModelMirror> mirrors = new IdentityHashMap<>();
  /** The population each device ("fleet/device") is mirrored in; written by the mirror thread only. */
  private final Map<String, ModelMirror> deviceMirrors = new HashMap<>();
  private final Map<String, BeliefsStored> pending = new LinkedHashMap<>();
  private final Thread thread;
  private final AtomicLong updates = new AtomicLong();
  private final AtomicLong shapeMismatches = new AtomicLong();
  private final AtomicLong full = new AtomicLong();
  private final AtomicLong unknownModel = new AtomicLong();
  private final AtomicLong modelChanges = new AtomicLong();
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
    String device = stored.fleet() + "/" + stored.device();
    Optional<GenerativeModel> model = models.model(stored.fleet(), stored.device());
    ModelMirror mirror;
    synchronized (mirrors) {
      ModelMirror held = deviceMirrors.get(device);
      if (held != null && (model.isEmpty() || held.model() != model.get())) {
        leave(stored.fleet(), stored.device(), held, model);
      }
      if (model.isEmpty()) {
        unknownModel.incrementAndGet();
        return;
      }
      if (!ModelMirror.fits(model.get(), stored.state().numStates())) {
        if (shapeMismatches.incrementAndGet() == 1) {
          LOG.warn("beliefs of {}/{} have factor sizes {} but its model {} has {}: not mirrored", stored.fleet(),
              stored.device(), stored.state().numStates(), model.get().name(),
              Arrays.toString(model.get().numStates()));
        }
        return;
      }
      mirror = mirrors.computeIfAbsent(model.get(), m -> new ModelMirror(m, chunkSize, maxAgents));
      deviceMirrors.put(device, mirror);
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
   * Takes the device's agents out of the population of its previous model (on the mirror thread, holding
   * {@link #mirrors}); closes that population when no agent is left in it.
   */
  private void leave(String fleet, String device, ModelMirror held, Optional<GenerativeModel> now) {
    deviceMirrors.remove(fleet + "/" + device);
    int removed = held.remove(fleet, device);
    modelChanges.incrementAndGet();
    LOG.info("{}/{} now runs {}: its {} mirrored agents left the population of model {}", fleet, device,
        now.map(m -> "model " + m.name()).orElse("no known model"), removed, held.model().name());
    if (held.agents() == 0) {
      mirrors.remove(held.model());
      held.close();
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
    return locate(fleet, device, agent).map(found -> mirroredAgent(fleet, device, agent, found));
  }

  /** The mirrored agents of a device, by agent id, all from the population of one model. */
  public List<MirroredAgent> agents(String fleet, String device) {
    ModelMirror mirror = mirrorOf(fleet, device);
    if (mirror == null) {
      return List.of();
    }
    List<MirroredAgent> agents = new ArrayList<>();
    for (int id : mirror.agents(fleet, device)) {
      // Read from this population, not located again: the device may move to another model meanwhile.
      ModelMirror.Mirrored mirrored = mirror.read(fleet, device, id);
      if (mirrored != null) {
        agents.add(mirroredAgent(fleet, device, id, new Located(mirror, mirrored)));
      }
    }
    return agents;
  }

  private static MirroredAgent mirroredAgent(String fleet, String device, int agent, Located found) {
    return new MirroredAgent(fleet, device, agent, found.mirror().model().name(), found.mirrored().tick(),
        found.mirrored().sequence(), Arrays.asList(found.mirrored().beliefs()));
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

  /**
   * The model the device's agents are mirrored with, or empty when none is mirrored or the device's model changed
   * since (until its next beliefs are mirrored with the new one).
   */
  public Optional<GenerativeModel> model(String fleet, String device) {
    ModelMirror mirror = mirrorOf(fleet, device);
    return mirror == null ? Optional.empty() : Optional.of(mirror.model());
  }

  /** The population the device is mirrored in, or null when none is or it is no longer the device's model. */
  private ModelMirror mirrorOf(String fleet, String device) {
    Optional<GenerativeModel> model = models.model(fleet, device);
    if (model.isEmpty()) {
      return null;
    }
    synchronized (mirrors) {
      ModelMirror held = deviceMirrors.get(fleet + "/" + device);
      return held != null && held.model() == model.get() ? held : null;
    }
  }

  public MirrorStats stats() {
    long devices = 0;
    long agents = 0;
    long capacity = 0;
    long bytes = 0;
    long models;
    synchronized (mirrors) {
      models = mirrors.size();
      for (ModelMirror mirror : mirrors.values()) {
        devices += mirror.devices();
        agents += mirror.agents();
        capacity += mirror.capacity();
        bytes += mirror.stateBytes();
      }
    }
    long perAgent = capacity == 0 ? 0 : bytes / capacity + ModelMirror.INDEX_BYTES_PER_AGENT;
    return new MirrorStats(devices, agents, capacity, bytes, perAgent, updates.get(), shapeMismatches.get(),
        full.get(), unknownModel.get(), models, modelChanges.get());
  }

  @PreDestroy
  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    synchronized (mirrors) {
      mirrors.values().forEach(ModelMirror::close);
      mirrors.clear();
      deviceMirrors.clear();
    }
  }
}
