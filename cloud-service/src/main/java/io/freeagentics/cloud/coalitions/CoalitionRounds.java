package io.freeagentics.cloud.coalitions;

import com.uber.h3core.H3Core;
import io.freeagentics.cloud.mirror.MirrorPrediction;
import io.freeagentics.cloud.mirror.MirroredAgent;
import io.freeagentics.cloud.mirror.PopulationMirror;
import io.freeagentics.coalitions.Agent;
import io.freeagentics.coalitions.CoalitionStructure;
import io.freeagentics.model.GenerativeModel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs coalition formation rounds, one {@link io.freeagentics.coalitions.CoalitionFormation} per fleet: every
 * {@code fa.coalitions.round-interval} (when {@code fa.coalitions.enabled}) over every fleet with placed devices,
 * and on demand ({@link #round(String)}).
 *
 * <p>A round builds one {@link Agent} per mirrored agent of every placed device of the fleet: id from
 * {@link AgentIds}, cell = the H3 cell of the device's latitude and longitude at the configured resolution,
 * capabilities = the device's (bits from {@link CapabilityBits}), preferred outcomes from the agent's model and
 * mirrored beliefs ({@link PreferredOutcomes}). The first round of a fleet forms from scratch, later ones repair
 * around the agents that changed ({@link FleetFormation}). Each round is timed by the Micrometer timer
 * {@code fa.coalitions.round} (tag {@code fleet}); the gauges {@code fa.coalitions.count} and
 * {@code fa.coalitions.agents} show the latest round's coalitions of two or more agents and its agents. The latest
 * result of each fleet is published as an immutable {@link FleetCoalitions} ({@link #latest(String)}), safe to read
 * from any thread; rounds of one fleet run one at a time.
 */
@Singleton
public class CoalitionRounds {
  private static final Logger LOG = LoggerFactory.getLogger(CoalitionRounds.class);

  private final CoalitionsConfig config;
  private final DevicePlacements placements;
  private final PopulationMirror mirror;
  private final MeterRegistry registry;
  private final H3Core h3;
  private final Map<String, FleetState> fleets = new ConcurrentHashMap<>();

  /** A fleet's formation, its meters and its latest published round. */
  private static final class FleetState {
    final FleetFormation formation;
    final Timer timer;
    volatile FleetCoalitions latest;

    FleetState(FleetFormation formation, Timer timer) {
      this.formation = formation;
      this.timer = timer;
    }
  }

  public CoalitionRounds(CoalitionsConfig config, Validator validator, DevicePlacements placements,
      @Nullable PopulationMirror mirror, @Nullable MeterRegistry registry) {
    config.check(validator);
    config.formation(); // the coalitions module's own checks, before the first round
    this.config = config;
    this.placements = placements;
    this.mirror = mirror;
    this.registry = registry;
    try {
      this.h3 = H3Core.newInstance();
    } catch (IOException e) {
      throw new UncheckedIOException("the H3 native library could not be loaded", e);
    }
    if (mirror == null) {
      LOG.warn("the population mirror is disabled (fa.mirror.enabled=false): coalition rounds will have no agents");
    }
  }

  /** The scheduled rounds: every fleet with placed devices, one after the other. */
  @Scheduled(fixedDelay = "${fa.coalitions.round-interval:10s}", initialDelay = "${fa.coalitions.round-interval:10s}")
  void scheduledRounds() {
    if (!config.enabled()) {
      return;
    }
    Set<String> names = new LinkedHashSet<>(placements.fleets());
    names.addAll(fleets.keySet());
    for (String fleet : names) {
      try {
        round(fleet);
      } catch (RuntimeException e) {
        LOG.error("coalition round of fleet {} failed", fleet, e);
        if (registry != null) {
          Counter.builder("fa.coalitions.round.failures").description("Coalition rounds that failed, by fleet")
              .tag("fleet", fleet).register(registry).increment();
        }
      }
    }
  }

  /**
   * One round of {@code fleet} now (after the one running, if any).
   *
   * @return the published result
   */
  public FleetCoalitions round(String fleet) {
    FleetState state = fleets.computeIfAbsent(fleet, this::newState);
    synchronized (state) {
      long start = System.nanoTime();
      List<DevicePlacement> placed = placements.list(fleet);
      List<String> names = new ArrayList<>();
      placed.forEach(p -> names.addAll(p.capabilities()));
      boolean bitsKept = state.formation.capabilities().assign(names);

      Map<Long, String> devices = new HashMap<>();
      List<Agent> candidates = new ArrayList<>();
      int skipped = 0;
      for (DevicePlacement placement : placed) {
        devices.put(placement.deviceNumber(), placement.device());
        long cell = h3.latLngToCell(placement.lat(), placement.lng(), config.resolution());
        long mask = state.formation.capabilities().mask(placement.capabilities());
        skipped += agentsOf(placement, cell, mask, candidates);
      }
      int outcomes = commonOutcomeCount(candidates);
      List<Agent> agents = new ArrayList<>(candidates.size());
      for (Agent agent : candidates) {
        if (agent.outcomes() == outcomes) {
          agents.add(agent);
        } else {
          skipped++;
        }
      }
      CoalitionStructure structure = state.formation.round(agents, outcomes, bitsKept);
      long nanos = System.nanoTime() - start;
      state.timer.record(nanos, TimeUnit.NANOSECONDS);
      FleetCoalitions result = new FleetCoalitions(fleet, Instant.now(), structure, structure.round(), nanos,
          devices, skipped);
      state.latest = result;
      LOG.debug("coalition round of fleet {}: {} ({} skipped) in {} ms", fleet, structure, skipped, nanos / 1e6);
      return result;
    }
  }

  /** The latest round of a fleet, or empty before its first. */
  public Optional<FleetCoalitions> latest(String fleet) {
    FleetState state = fleets.get(fleet);
    return state == null ? Optional.empty() : Optional.ofNullable(state.latest);
  }

  /** Adds the agents of a placed device; returns how many of its mirrored agents were left out. */
  private int agentsOf(DevicePlacement placement, long cell, long mask, List<Agent> into) {
    if (mirror == null) {
      return 0;
    }
    // The model the agents are mirrored with, so C and the predictions come from one model across a model change.
    Optional<GenerativeModel> model = mirror.model(placement.fleet(), placement.device());
    if (model.isEmpty()) {
      return 0;
    }
    int skipped = 0;
    for (MirroredAgent mirrored : mirror.agents(placement.fleet(), placement.device())) {
      Optional<MirrorPrediction> prediction = mirror.predict(placement.fleet(), placement.device(),
          mirrored.agent());
      Optional<double[]> preferred = prediction.flatMap(p -> PreferredOutcomes.of(model.get().c(0),
          p.outcomes().get(0)));
      if (preferred.isEmpty()) {
        skipped++;
        continue;
      }
      into.add(new Agent(AgentIds.id(placement.deviceNumber(), mirrored.agent()), cell, mask, preferred.get()));
    }
    return skipped;
  }

  /** The outcome count most agents have (ties: the smaller count), or 0 when there are no agents. */
  private static int commonOutcomeCount(List<Agent> agents) {
    Map<Integer, Integer> counts = new HashMap<>();
    agents.forEach(a -> counts.merge(a.outcomes(), 1, Integer::sum));
    int best = 0;
    int bestCount = 0;
    for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
      if (e.getValue() > bestCount || (e.getValue() == bestCount && e.getKey() < best)) {
        best = e.getKey();
        bestCount = e.getValue();
      }
    }
    return best;
  }

  private FleetState newState(String fleet) {
    Timer timer = registry == null
        ? Timer.builder("fa.coalitions.round").register(new io.micrometer.core.instrument.simple.SimpleMeterRegistry())
        : Timer.builder("fa.coalitions.round")
            .description("Coalition formation rounds: reading placements and mirrored agents, and forming")
            .tag("fleet", fleet).register(registry);
    FleetState state = new FleetState(new FleetFormation(config.formation(), config.rebuildEvery()), timer);
    if (registry != null) {
      Gauge.builder("fa.coalitions.count", state, s -> s.latest == null ? 0 : s.latest.structure().coalitionCount())
          .description("Coalitions of two or more agents after the latest round").tag("fleet", fleet)
          .register(registry);
      Gauge.builder("fa.coalitions.agents", state, s -> s.latest == null ? 0 : s.latest.structure().agentCount())
          .description("Agents in the latest coalition round").tag("fleet", fleet).register(registry);
    }
    return state;
  }
}
