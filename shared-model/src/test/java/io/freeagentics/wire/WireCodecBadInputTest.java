package io.freeagentics.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.freeagentics.model.ModelInputException;
import io.freeagentics.wire.internal.FrameWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Specific bad frames are rejected with the field and byte offset named. */
class WireCodecBadInputTest {
  private static final MessageHeader HEADER = new MessageHeader("dev", 1, 2);

  private static WireFormatException rejected(ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    assertThat(thrown).isInstanceOf(WireFormatException.class).isInstanceOf(ModelInputException.class);
    return (WireFormatException) thrown;
  }

  /** A frame with the header of {@link #HEADER}, type {@code type} and {@code body}, with a correct checksum. */
  private static byte[] frame(MessageType type, byte[] body) {
    FrameWriter out = new FrameWriter();
    out.writeByte(WireCodec.MAGIC);
    out.writeByte(WireCodec.VERSION);
    out.writeByte(type.code());
    out.writeToken(HEADER.deviceId());
    out.writeVarLong(HEADER.sequence());
    out.writeVarLong(HEADER.timestampMillis());
    out.writeBytes(body);
    return WireFuzzPropertyTest.withChecksum(out.toByteArray());
  }

  private static final int BODY_START = 3 + 1 + 3 + 1 + 1;

  @Test
  void aWrongMagicVersionOrChecksumIsNamed() {
    byte[] good = WireCodec.encode(new Presence(HEADER, true));
    byte[] magic = good.clone();
    magic[0] = 0x00;
    assertThat(rejected(() -> WireCodec.decode(magic))).extracting(WireFormatException::field,
        WireFormatException::offset).containsExactly("magic", 0);
    byte[] version = good.clone();
    version[1] = 2;
    assertThat(rejected(() -> WireCodec.decode(version))).hasMessageContaining("version 2 is not supported")
        .extracting(WireFormatException::field).isEqualTo("version");
    byte[] corrupt = good.clone();
    corrupt[BODY_START] ^= 1;
    assertThat(rejected(() -> WireCodec.decode(corrupt))).extracting(WireFormatException::field,
        WireFormatException::offset).containsExactly("checksum", good.length - 4);
  }

  @Test
  void tooShortTooLongAndTrailingBytesAreRejected() {
    assertThat(rejected(() -> WireCodec.decode(new byte[3])).field()).isEqualTo("frame");
    assertThat(rejected(() -> WireCodec.decode(new byte[WireCodec.MAX_FRAME_BYTES + 1])).field())
        .isEqualTo("frame");
    WireFormatException trailing = rejected(() -> WireCodec.decode(frame(MessageType.PRESENCE, new byte[] {1, 0})));
    assertThat(trailing.field()).isEqualTo("body");
    assertThat(trailing.offset()).isEqualTo(BODY_START + 1);
  }

  @Test
  void aDeviceEventWithABadKindOrAnOversizedBodyIsNamed() {
    FrameWriter badKind = new FrameWriter();
    badKind.writeByte(3);
    badKind.writeBytes("a b".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    badKind.writeVarLong(2);
    badKind.writeBytes("{}".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertThat(rejected(() -> WireCodec.decode(frame(MessageType.DEVICE_EVENT, badKind.toByteArray()))).field())
        .isEqualTo("kind");
    FrameWriter oversized = new FrameWriter();
    oversized.writeToken("error");
    oversized.writeVarLong(DeviceEvent.MAX_BODY_BYTES + 1);
    oversized.writeBytes(new byte[DeviceEvent.MAX_BODY_BYTES + 1]);
    WireFormatException e = rejected(() -> WireCodec.decode(frame(MessageType.DEVICE_EVENT,
        oversized.toByteArray())));
    assertThat(e.field()).isEqualTo("body.length");
    assertThat(e.offset()).isEqualTo(BODY_START + 6);
  }

  @Test
  void aHostileAgentCountIsRejectedBeforeAnythingIsAllocated() {
    FrameWriter body = new FrameWriter();
    body.writeByte(1);
    body.writeVarLong(25);
    body.writeVarLong(Integer.MAX_VALUE);
    WireFormatException e = rejected(() -> WireCodec.decode(frame(MessageType.BELIEF_SNAPSHOT,
        body.toByteArray())));
    assertThat(e.field()).isEqualTo("agentCount");
    assertThat(e.offset()).isEqualTo(BODY_START + 2);

    FrameWriter many = new FrameWriter();
    many.writeByte(1);
    many.writeVarLong(BeliefCodes.MAX_STATES);
    many.writeVarLong(100);
    byte[] rows = new byte[100 * 6];
    for (int a = 0; a < 100; a++) {
      rows[a * 6 + 2] = 2;
    }
    many.writeBytes(rows);
    assertThat(rejected(() -> WireCodec.decode(frame(MessageType.BELIEF_SNAPSHOT, many.toByteArray()))).field())
        .isEqualTo("agentCount");
  }

  @Test
  void aDistributionWithoutItsLargestEntryIsRejected() {
    FrameWriter body = new FrameWriter();
    body.writeByte(1);
    body.writeVarLong(3);
    body.writeVarLong(1);
    body.writeVarLong(0);
    body.writeZigZag(5);
    body.writeBytes(new byte[] {0, 4, 9, 9});
    WireFormatException e = rejected(() -> WireCodec.decode(frame(MessageType.BELIEF_SNAPSHOT,
        body.toByteArray())));
    assertThat(e.field()).isEqualTo("agents[0].factors[0]");
    assertThat(e).hasMessageContaining("no code 0");
  }

  @Test
  void listIndicesBeyondTheFactorAndNonZeroPaddingBitsAreRejected() {
    FrameWriter list = new FrameWriter();
    list.writeByte(1);
    list.writeVarLong(4);
    list.writeVarLong(1);
    list.writeVarLong(0);
    list.writeZigZag(0);
    list.writeBytes(new byte[] {2, 0, 1, 4, 7});
    assertThat(rejected(() -> WireCodec.decode(frame(MessageType.BELIEF_SNAPSHOT, list.toByteArray()))).field())
        .isEqualTo("agents[0].factors[0].entries");

    FrameWriter bitmap = new FrameWriter();
    bitmap.writeByte(1);
    bitmap.writeVarLong(4);
    bitmap.writeVarLong(1);
    bitmap.writeVarLong(0);
    bitmap.writeZigZag(0);
    bitmap.writeBytes(new byte[] {1, 0, (byte) 0x11, 3});
    assertThat(rejected(() -> WireCodec.decode(frame(MessageType.BELIEF_SNAPSHOT, bitmap.toByteArray()))).field())
        .isEqualTo("agents[0].factors[0].bitmap");
  }

  @Test
  void overlongVarintsUnknownTypesAndBadTextAreRejected() {
    byte[] overlong = frame(MessageType.ACKNOWLEDGEMENT, new byte[] {(byte) 0x85, 0x00});
    assertThat(rejected(() -> WireCodec.decode(overlong))).hasMessageContaining("shortest form")
        .extracting(WireFormatException::field).isEqualTo("acknowledgedSequence");
    byte[] tooBig = frame(MessageType.ACKNOWLEDGEMENT, new byte[] {-1, -1, -1, -1, -1, -1, -1, -1, -1, 0x01});
    assertThat(rejected(() -> WireCodec.decode(tooBig)).field()).isEqualTo("acknowledgedSequence");
    byte[] unknownType = frame(MessageType.PRESENCE, new byte[] {1});
    unknownType[2] = 99;
    assertThat(rejected(() -> WireCodec.decode(WireFuzzPropertyTest.withChecksum(
        WireFuzzPropertyTest.withoutChecksum(unknownType)))).field()).isEqualTo("type");
    byte[] badUtf8 = frame(MessageType.COMMAND_ACK, new byte[] {7, 2, 2, (byte) 0xC3, 0x28});
    assertThat(rejected(() -> WireCodec.decode(badUtf8))).hasMessageContaining("UTF-8")
        .extracting(WireFormatException::field).isEqualTo("detail");
    byte[] badStatus = frame(MessageType.COMMAND_ACK, new byte[] {7, 9, 0});
    assertThat(rejected(() -> WireCodec.decode(badStatus)).field()).isEqualTo("status");
  }

  @Test
  void telemetryOutOfRangeAndUnsortedSettingsAreRejected() {
    byte[] battery = frame(MessageType.TELEMETRY, new byte[] {1, (byte) 0xE9, 0x07, 0, 0, 0, 0, 0, 0});
    assertThat(rejected(() -> WireCodec.decode(battery)).field()).isEqualTo("batteryPerMille");
    byte[] flags = frame(MessageType.TELEMETRY, new byte[] {8, 0, 0, 0, 0, 0, 0});
    assertThat(rejected(() -> WireCodec.decode(flags)).field()).isEqualTo("flags");
    FrameWriter command = new FrameWriter();
    command.writeVarLong(3);
    command.writeByte(2);
    command.writeToken("pi4");
    command.writeVarLong(2);
    command.writeToken("tickMinMs");
    command.writeUtf8("v", "500", 10);
    command.writeToken("agents");
    command.writeUtf8("v", "50", 10);
    assertThat(rejected(() -> WireCodec.decode(frame(MessageType.COMMAND, command.toByteArray()))).field())
        .isEqualTo("profileOverride.settings[1].key");
  }

  @Test
  void aDeltaThatLeavesANewAgentIncompleteCannotBeApplied() {
    BeliefSet base = new BeliefSet(List.of(3), List.of());
    BeliefDelta delta = new BeliefDelta(HEADER, 0, List.of(3), List.of(new AgentBeliefChange(4, 1,
        List.of(CodeChanges.of(new int[] {0}, new byte[] {0})))));
    assertThatThrownBy(() -> delta.applyTo(0, base)).isInstanceOf(BeliefDeltaException.class)
        .hasMessageContaining("agent 4 is not in base snapshot 0");
  }

  @Test
  void recordsRejectBadArgumentsNamingThem() {
    assertThatThrownBy(() -> new MessageHeader("a/b", 0, 0)).hasMessageContaining("deviceId")
        .hasMessageContaining("'/'");
    assertThatThrownBy(() -> new MessageHeader("a", -1, 0)).hasMessageContaining("sequence");
    assertThatThrownBy(() -> BeliefCodes.ofCodes(new byte[] {3, 4})).hasMessageContaining("no code 0");
    assertThatThrownBy(() -> BeliefCodes.quantize(new double[] {0.5, Double.NaN}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BeliefSet(List.of(2), List.of(
        new AgentBeliefs(2, 0, List.of(BeliefCodes.quantize(new double[] {1, 0}))),
        new AgentBeliefs(1, 0, List.of(BeliefCodes.quantize(new double[] {1, 0}))))))
        .hasMessageContaining("strictly increasing");
    assertThatThrownBy(() -> new Telemetry(HEADER, OptionalInt.of(1001), false, OptionalInt.empty(), 0, 0, 0, 0, 0,
        0)).hasMessageContaining("batteryPerMille");
    assertThatThrownBy(() -> new CommandAck(HEADER, 1, CommandStatus.FAILED, "\uD800"))
        .hasMessageContaining("detail");
    assertThatThrownBy(() -> new DeviceEvent(HEADER, "not a token", "{}")).hasMessageContaining("kind");
    assertThatThrownBy(() -> new DeviceEvent(HEADER, "error", "x".repeat(DeviceEvent.MAX_BODY_BYTES + 1)))
        .hasMessageContaining("body").hasMessageContaining("8193");
    assertThatThrownBy(() -> new ProfileOverride("pi4", new TreeMap<>(Map.of("a b", "1"))))
        .hasMessageContaining("settings key");
    assertThatThrownBy(() -> BeliefSync.encode(HEADER, new BeliefSet(List.of(1), List.of()), Optional.empty(), 99))
        .hasMessageContaining("thresholdCodes");
  }

  @Test
  void modelUpdatesCopyTheirBytes() throws WireFormatException {
    byte[] model = "{\"name\":\"m\"}".getBytes(StandardCharsets.UTF_8);
    ModelUpdate update = new ModelUpdate("m", model);
    model[0] = 'x';
    assertThat(update.model()[0]).isEqualTo((byte) '{');
    Command decoded = (Command) WireCodec.decode(WireCodec.encode(new Command(HEADER, 5, update)));
    assertThat(Arrays.equals(((ModelUpdate) decoded.action()).model(), update.model())).isTrue();
    Command largest = new Command(HEADER, 6, new ModelUpdate("big", new byte[ModelUpdate.MAX_MODEL_BYTES]));
    assertThat(WireCodec.decode(WireCodec.encode(largest))).isEqualTo(largest);
  }
}
