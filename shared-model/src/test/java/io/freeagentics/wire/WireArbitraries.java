package io.freeagentics.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of valid wire messages, shared by the round-trip, delta and fuzz properties. */
final class WireArbitraries {
  private WireArbitraries() {}

  static Arbitrary<String> tokens() {
    return Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9')
        .withChars('.', '_', '-').ofMinLength(1).ofMaxLength(MessageHeader.MAX_DEVICE_ID_LENGTH);
  }

  static Arbitrary<Long> naturals() {
    return Arbitraries.oneOf(Arbitraries.longs().between(0, 300), Arbitraries.longs().between(0, Long.MAX_VALUE),
        Arbitraries.of(0L, 127L, 128L, 16_383L, 16_384L, Long.MAX_VALUE));
  }

  static Arbitrary<MessageHeader> headers() {
    return Combinators.combine(tokens(), naturals(), naturals()).as(MessageHeader::new);
  }

  /** Non-negative weights over {@code size} states spanning many orders of magnitude, some zero, one positive. */
  static Arbitrary<double[]> weights(int size) {
    Arbitrary<Double> entry = Arbitraries.oneOf(
        Arbitraries.doubles().between(0.0, 1.0),
        Arbitraries.doubles().between(0.0, 50.0).map(nats -> Math.exp(-nats)),
        Arbitraries.just(0.0));
    return Combinators.combine(entry.array(double[].class).ofSize(size), Arbitraries.integers().between(0, size - 1))
        .as((w, peak) -> {
          w[peak] = Math.max(w[peak], 1e-3);
          return w;
        });
  }

  static Arbitrary<BeliefCodes> beliefCodes(int size) {
    return weights(size).map(BeliefCodes::quantize);
  }

  static Arbitrary<List<Integer>> shapes() {
    return Arbitraries.integers().between(1, 40).list().ofMinSize(1).ofMaxSize(3);
  }

  static Arbitrary<BeliefSet> beliefSets() {
    return shapes().flatMap(WireArbitraries::beliefSets);
  }

  static Arbitrary<BeliefSet> beliefSets(List<Integer> numStates) {
    Arbitrary<AgentBeliefs> agent = Combinators.combine(
        Arbitraries.integers().between(0, 1_000),
        naturals(),
        Combinators.combine(numStates.stream().map(WireArbitraries::beliefCodes).toList()).as(List::copyOf))
        .as(AgentBeliefs::new);
    return agent.list().ofMaxSize(12).uniqueElements(AgentBeliefs::agentId).map(agents -> {
      List<AgentBeliefs> sorted = new ArrayList<>(agents);
      sorted.sort((a, b) -> Integer.compare(a.agentId(), b.agentId()));
      return new BeliefSet(numStates, sorted);
    });
  }

  static Arbitrary<BeliefSnapshot> snapshots() {
    return Combinators.combine(headers(), beliefSets()).as(BeliefSnapshot::new);
  }

  /** A delta between two belief sets of one shape (the later may add agents) at a random threshold. */
  static Arbitrary<BeliefDelta> deltas() {
    return shapes().flatMap(shape -> Combinators.combine(headers(), naturals(), beliefSets(shape), beliefSets(shape),
        Arbitraries.integers().between(0, BeliefSync.MAX_THRESHOLD_CODES)).as((header, base, before, after, t) -> {
          BeliefSet current = union(before, after);
          return new BeliefDelta(header, base, shape, BeliefSync.changes(before, current, t).orElseThrow());
        }));
  }

  /** {@code later}'s agents plus those only {@code earlier} has: a successor of {@code earlier} a delta can reach. */
  static BeliefSet union(BeliefSet earlier, BeliefSet later) {
    TreeMap<Integer, AgentBeliefs> agents = new TreeMap<>();
    earlier.agents().forEach(a -> agents.put(a.agentId(), a));
    later.agents().forEach(a -> agents.put(a.agentId(), a));
    return new BeliefSet(earlier.numStates(), new ArrayList<>(agents.values()));
  }

  static Arbitrary<Telemetry> telemetry() {
    Arbitrary<OptionalInt> battery = Arbitraries.integers().between(0, 1000).map(OptionalInt::of)
        .injectNull(0.3).map(o -> o == null ? OptionalInt.empty() : o);
    Arbitrary<OptionalInt> temperature = Arbitraries.integers()
        .between(Telemetry.MIN_TEMPERATURE_DECI_CELSIUS, Telemetry.MAX_TEMPERATURE_DECI_CELSIUS)
        .map(OptionalInt::of).injectNull(0.3).map(o -> o == null ? OptionalInt.empty() : o);
    Arbitrary<int[]> counts = Arbitraries.integers().greaterOrEqual(0).array(int[].class).ofSize(4);
    Arbitrary<long[]> memory = Arbitraries.longs().greaterOrEqual(0).array(long[].class).ofSize(2);
    return Combinators.combine(headers(), battery, Arbitraries.of(true, false), temperature, counts, memory)
        .as((header, b, charging, temp, c, m) -> new Telemetry(header, b, charging, temp, c[0], c[1],
            Math.min(c[2], c[3]), Math.max(c[2], c[3]), Math.min(m[0], m[1]), Math.max(m[0], m[1])));
  }

  static Arbitrary<Presence> presence() {
    return Combinators.combine(headers(), Arbitraries.of(true, false)).as(Presence::new);
  }

  static Arbitrary<Acknowledgement> acknowledgements() {
    return Combinators.combine(headers(), naturals()).as(Acknowledgement::new);
  }

  static Arbitrary<String> texts(int maxChars) {
    return Arbitraries.strings().all().ofMaxLength(maxChars)
        .filter(s -> io.freeagentics.wire.internal.WireText.utf8(s) != null);
  }

  static Arbitrary<CommandAction> actions() {
    Arbitrary<CommandAction> update = Combinators.combine(
        texts(30).filter(s -> !s.isEmpty()), Arbitraries.bytes().array(byte[].class).ofMaxSize(300))
        .as(ModelUpdate::new);
    Arbitrary<CommandAction> override = Combinators.combine(tokens(),
        Arbitraries.maps(tokens(), texts(60)).ofMaxSize(6))
        .as((id, settings) -> new ProfileOverride(id, new TreeMap<>(settings)));
    return Arbitraries.oneOf(update, override);
  }

  static Arbitrary<Command> commands() {
    return Combinators.combine(headers(), naturals(), actions()).as(Command::new);
  }

  static Arbitrary<CommandAck> commandAcks() {
    return Combinators.combine(headers(), naturals(), Arbitraries.of(CommandStatus.class), texts(100))
        .as(CommandAck::new);
  }

  static Arbitrary<DeviceEvent> deviceEvents() {
    return Combinators.combine(headers(), tokens(), texts(200)).as(DeviceEvent::new);
  }

  static Arbitrary<WireMessage> messages() {
    return Arbitraries.oneOf(snapshots(), deltas(), telemetry(), presence(), acknowledgements(), commands(),
        commandAcks(), deviceEvents());
  }
}
