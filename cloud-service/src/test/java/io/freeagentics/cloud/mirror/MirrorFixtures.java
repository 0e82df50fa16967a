package io.freeagentics.cloud.mirror;

import io.freeagentics.cloud.ingest.BeliefsStored;
import io.freeagentics.cloud.twin.AppliedModel;
import io.freeagentics.cloud.twin.AppliedModelSource;
import io.freeagentics.cloud.twin.DeviceKey;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.wire.AgentBeliefs;
import io.freeagentics.wire.BeliefCodes;
import io.freeagentics.wire.BeliefSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Beliefs of one-factor models, expected outcomes, and an in-memory {@link AppliedModelSource} for mirror tests. */
final class MirrorFixtures {
  private MirrorFixtures() {
  }

  /** {@code agents} agents at {@code tick} over {@code states} states, agent a believing in (a + tick) mod states. */
  static BeliefSet beliefs(int states, int agents, long tick) {
    List<AgentBeliefs> list = new ArrayList<>();
    for (int a = 0; a < agents; a++) {
      double[] p = new double[states];
      java.util.Arrays.fill(p, 0.1 / (states - 1));
      p[(int) ((a + tick) % states)] = 0.9;
      list.add(new AgentBeliefs(a, tick, List.of(BeliefCodes.quantize(p))));
    }
    return new BeliefSet(List.of(states), list);
  }

  /** The beliefs as the ingest reports them stored. */
  static BeliefsStored stored(String fleet, String device, long sequence, BeliefSet state) {
    return new BeliefsStored(fleet, device, sequence, 0, state, state.agents().stream().map(AgentBeliefs::agentId)
        .toList());
  }

  /** {@code p(o) = sum_s A[o, s] q(s)} for a one-factor, one-modality model. */
  static double[] expectedOutcomes(GenerativeModel model, float[] q) {
    double[] p = new double[model.numObs(0)];
    for (int o = 0; o < p.length; o++) {
      for (int s = 0; s < q.length; s++) {
        p[o] += model.a(0).get(o, s) * q[s];
      }
    }
    return p;
  }

  /** Applied models and command payloads held in maps; counts the payload reads. */
  static final class Applied implements AppliedModelSource {
    final Map<DeviceKey, AppliedModel> applied = new ConcurrentHashMap<>();
    final Map<Long, String> payloads = new ConcurrentHashMap<>();
    final AtomicInteger payloadReads = new AtomicInteger();

    /** The device applied command {@code commandId} carrying {@code json} as model (name, version). */
    void apply(String fleet, String device, String name, long version, long commandId, String json) {
      payloads.put(commandId, json);
      applied.put(new DeviceKey(fleet, device), new AppliedModel(name, version, commandId));
    }

    @Override
    public java.util.Optional<AppliedModel> applied(DeviceKey device) {
      return java.util.Optional.ofNullable(applied.get(device));
    }

    @Override
    public java.util.Optional<String> modelJson(AppliedModel model) {
      payloadReads.incrementAndGet();
      return java.util.Optional.ofNullable(payloads.get(model.commandId()));
    }
  }
}
