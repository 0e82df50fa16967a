package io.freeagentics.wire.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freeagentics.wire.WireFormatException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Varints, zig-zag varints, tokens and text read back what was written, and reject what is malformed. */
class FramePrimitivesPropertyTest {

  @Property
  void varintsRoundTripInTheirPredictedLength(@ForAll long raw, @ForAll long signed) throws WireFormatException {
    FrameWriter out = new FrameWriter();
    out.writeVarLong(raw);
    assertThat(out.size()).isEqualTo(FrameWriter.varLongLength(raw));
    out.writeZigZag(signed);
    byte[] bytes = out.toByteArray();
    FrameReader in = new FrameReader(bytes, 0, bytes.length);
    assertThat(in.readRawVarLong("raw")).isEqualTo(raw);
    assertThat(in.readZigZag("signed")).isEqualTo(signed);
    in.expectEnd("end");
  }

  @Property
  void textRoundTripsWhenItHasAUtf8Form(@ForAll @Size(max = 40) String text) throws WireFormatException {
    byte[] utf8 = WireText.utf8(text);
    if (utf8 == null) {
      FrameWriter rejecting = new FrameWriter();
      assertThatThrownBy(() -> rejecting.writeUtf8("text", text, 1000))
          .isInstanceOf(IllegalArgumentException.class);
      return;
    }
    FrameWriter out = new FrameWriter();
    out.writeUtf8("text", text, 1000);
    byte[] bytes = out.toByteArray();
    assertThat(new FrameReader(bytes, 0, bytes.length).readUtf8("text", 1000)).isEqualTo(text);
  }

  @Test
  void aSmallCountTooLargeForTheBytesLeftIsRejected() {
    byte[] bytes = {5, 1, 2, 3};
    FrameReader in = new FrameReader(bytes, 0, bytes.length);
    assertThatThrownBy(() -> in.readCount("items", 100, 1)).isInstanceOf(WireFormatException.class)
        .hasMessageContaining("'items' at byte 0").hasMessageContaining("5 items need at least 5 bytes but 3");
  }

  @Test
  void tokensRejectCharactersOutsideTheirAlphabet() {
    byte[] bytes = {2, 'a', '/'};
    FrameReader in = new FrameReader(bytes, 0, bytes.length);
    assertThatThrownBy(() -> in.readToken("deviceId")).isInstanceOf(WireFormatException.class)
        .hasMessageContaining("'deviceId' at byte 2");
  }

  @Test
  void aVarintCutByTheEndOfTheFrameIsRejected() {
    byte[] bytes = {(byte) 0x80, (byte) 0x80};
    FrameReader in = new FrameReader(bytes, 0, bytes.length);
    assertThatThrownBy(() -> in.readRawVarLong("sequence")).isInstanceOf(WireFormatException.class)
        .hasMessageContaining("ends inside this varint");
  }
}
