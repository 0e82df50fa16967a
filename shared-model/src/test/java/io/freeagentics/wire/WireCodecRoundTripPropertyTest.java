package io.freeagentics.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.freeagentics.quant.LogCodec;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every message type survives encode then decode unchanged; beliefs lose no more than the documented error. */
class WireCodecRoundTripPropertyTest {

  private static <T extends WireMessage> void assertRoundTrip(T message) throws WireFormatException {
    byte[] frame = WireCodec.encode(message);
    WireMessage decoded = WireCodec.decode(frame);
    assertThat(decoded).isEqualTo(message);
    assertThat(decoded.type()).isEqualTo(message.type());
    assertThat(WireCodec.encode(decoded)).isEqualTo(frame);
  }

  @Property(tries = 300)
  void beliefSnapshotsRoundTrip(@ForAll("snapshots") BeliefSnapshot message) throws WireFormatException {
    assertRoundTrip(message);
  }

  @Property(tries = 300)
  void beliefDeltasRoundTrip(@ForAll("deltas") BeliefDelta message) throws WireFormatException {
    assertRoundTrip(message);
  }

  @Property
  void telemetryRoundTrips(@ForAll("telemetry") Telemetry message) throws WireFormatException {
    assertRoundTrip(message);
  }

  @Property
  void presenceRoundTrips(@ForAll("presence") Presence message) throws WireFormatException {
    assertRoundTrip(message);
  }

  @Property
  void acknowledgementsRoundTrip(@ForAll("acknowledgements") Acknowledgement message) throws WireFormatException {
    assertRoundTrip(message);
  }

  @Property
  void commandsRoundTrip(@ForAll("commands") Command message) throws WireFormatException {
    assertRoundTrip(message);
  }

  @Property
  void commandAcksRoundTrip(@ForAll("commandAcks") CommandAck message) throws WireFormatException {
    assertRoundTrip(message);
  }

  @Property
  void deviceEventsRoundTrip(@ForAll("deviceEvents") DeviceEvent message) throws WireFormatException {
    assertRoundTrip(message);
  }

  @Property
  void decodedBeliefsAreWithinTheDocumentedErrorOfTheOriginal(@ForAll("weights") double[] weights) {
    int size = weights.length;
    double total = Arrays.stream(weights).sum();
    BeliefCodes codes = BeliefCodes.quantize(weights);
    double[] decoded = codes.probabilities();
    double l1 = 0;
    double sum = 0;
    for (int i = 0; i < size; i++) {
      l1 += Math.abs(decoded[i] - weights[i] / total);
      sum += decoded[i];
    }
    assertThat(sum).isCloseTo(1.0, offset(1e-5));
    assertThat(l1).isLessThanOrEqualTo(codes.l1ErrorBound() + 1e-5);
  }

  @Property
  void theLargestEntryHasCodeZeroAndEveryCodeRoundTripsThroughTheIntEightEngineCodec(
      @ForAll("weights") double[] weights) {
    BeliefCodes codes = BeliefCodes.quantize(weights);
    assertThat(codes.codes()).isEqualTo(LogCodec.encodeDistribution(weights));
    assertThat(BeliefCodes.ofCodes(codes.codes())).isEqualTo(codes);
  }

  @Provide
  Arbitrary<double[]> weights() {
    return Arbitraries.integers().between(1, 64).flatMap(WireArbitraries::weights);
  }

  @Provide
  Arbitrary<BeliefSnapshot> snapshots() {
    return WireArbitraries.snapshots();
  }

  @Provide
  Arbitrary<BeliefDelta> deltas() {
    return WireArbitraries.deltas();
  }

  @Provide
  Arbitrary<Telemetry> telemetry() {
    return WireArbitraries.telemetry();
  }

  @Provide
  Arbitrary<Presence> presence() {
    return WireArbitraries.presence();
  }

  @Provide
  Arbitrary<Acknowledgement> acknowledgements() {
    return WireArbitraries.acknowledgements();
  }

  @Provide
  Arbitrary<Command> commands() {
    return WireArbitraries.commands();
  }

  @Provide
  Arbitrary<CommandAck> commandAcks() {
    return WireArbitraries.commandAcks();
  }

  @Provide
  Arbitrary<DeviceEvent> deviceEvents() {
    return WireArbitraries.deviceEvents();
  }
}
