package io.freeagentics.cloud.ingest.internal;

import io.freeagentics.wire.AcknowledgedBeliefs;
import io.freeagentics.wire.AgentBeliefs;
import io.freeagentics.wire.BeliefCodes;
import io.freeagentics.wire.BeliefSet;
import io.freeagentics.wire.BeliefSync;
import io.freeagentics.wire.EncodedBeliefs;
import io.freeagentics.wire.MessageHeader;
import io.freeagentics.wire.WireCodec;
import io.freeagentics.wire.WireMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** Belief sets and frames like a grid:5 device sends: each agent sure of one cell, with a little spread. */
public final class BeliefFixtures {
  private BeliefFixtures() {
  }

  /** {@code agents} agents at {@code tick}, agent a believing in cell (a + tick) mod 25 with probability ~0.9. */
  public static BeliefSet grid(int agents, long tick) {
    List<AgentBeliefs> list = new ArrayList<>();
    for (int a = 0; a < agents; a++) {
      list.add(new AgentBeliefs(a, tick, List.of(BeliefCodes.quantize(cell(25, (int) ((a + tick) % 25))))));
    }
    return new BeliefSet(List.of(25), list);
  }

  /** {@code base} with agents {@code moved} now at {@code tick} and believing in another cell: a small delta. */
  public static BeliefSet move(BeliefSet base, long tick, int... moved) {
    List<AgentBeliefs> list = new ArrayList<>();
    for (AgentBeliefs agent : base.agents()) {
      boolean moves = java.util.Arrays.stream(moved).anyMatch(m -> m == agent.agentId());
      list.add(moves ? new AgentBeliefs(agent.agentId(), tick,
          List.of(BeliefCodes.quantize(cell(25, (int) ((agent.agentId() * 7 + tick) % 25))))) : agent);
    }
    return new BeliefSet(base.numStates(), list);
  }

  /** A random distribution over {@code states}, peaked or spread. */
  public static double[] random(Random random, int states) {
    double[] p = new double[states];
    for (int i = 0; i < states; i++) {
      p[i] = random.nextBoolean() ? random.nextDouble() : Math.exp(-30 * random.nextDouble());
    }
    return p;
  }

  static double[] cell(int states, int cell) {
    double[] p = new double[states];
    java.util.Arrays.fill(p, 0.1 / (states - 1));
    p[cell] = 0.9;
    return p;
  }

  /** The frame of a snapshot. */
  public static byte[] snapshot(String device, long sequence, long millis, BeliefSet beliefs) {
    return WireCodec.encode(new io.freeagentics.wire.BeliefSnapshot(new MessageHeader(device, sequence, millis),
        beliefs));
  }

  /** The frame the device sends for {@code current} relative to the acknowledged {@code base} (snapshot or delta). */
  public static EncodedBeliefs sync(String device, long sequence, long millis, BeliefSet current,
      AcknowledgedBeliefs base) {
    return BeliefSync.encode(new MessageHeader(device, sequence, millis), current, Optional.ofNullable(base),
        BeliefSync.DEFAULT_THRESHOLD_CODES);
  }

  public static Inbound inbound(String fleet, String device, String kind, byte[] payload, List<String> acks) {
    String topic = "fa/v1/" + fleet + "/" + device + "/" + kind;
    return Inbound.decode(topic, payload, System.currentTimeMillis(), () -> acks.add(topic + "#" + payload.length));
  }

  public static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  public static WireMessage decode(byte[] frame) throws Exception {
    return WireCodec.decode(frame);
  }
}
