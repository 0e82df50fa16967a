package io.freeagentics.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.statistics.Statistics;

/**
 * Damaged and hostile frames: the decoder either rejects them with a {@link WireFormatException} or, when the
 * damage happens to leave a valid frame, returns a message that encodes and decodes like any other. No other
 * exception, and no hang (each decode runs under a generous guard that only trips on a runaway loop).
 */
class WireFuzzPropertyTest {
  private static final Duration HANG_GUARD = Duration.ofSeconds(20);

  /**
   * Decodes under the hang guard; fails the property on anything but success or a WireFormatException, and
   * collects which it was (the rejecting field's name without indices), shown in jqwik's statistics.
   */
  private static void decodeSafely(byte[] frame) {
    String outcome = assertTimeoutPreemptively(HANG_GUARD, () -> {
      WireMessage message;
      try {
        message = WireCodec.decode(frame);
      } catch (WireFormatException e) {
        assertThat(e.getMessage()).contains(e.field()).contains("at byte " + e.offset());
        assertThat(e.offset()).isBetween(0, Math.max(0, frame.length));
        return "rejected at " + e.field().replaceAll("\\[\\d+]", "[]");
      }
      byte[] again = WireCodec.encode(message);
      assertThat(WireCodec.decode(again)).isEqualTo(message);
      return "decoded";
    });
    Statistics.collect(outcome);
  }

  /** {@code body} framed as version 1 with a correct checksum, so the body parser (not the checksum) is tested. */
  static byte[] withChecksum(byte[] body) {
    byte[] frame = Arrays.copyOf(body, body.length + 4);
    CRC32C crc = new CRC32C();
    crc.update(body, 0, body.length);
    int value = (int) crc.getValue();
    for (int i = 0; i < 4; i++) {
      frame[body.length + i] = (byte) (value >>> (24 - 8 * i));
    }
    return frame;
  }

  static byte[] withoutChecksum(byte[] frame) {
    return Arrays.copyOf(frame, frame.length - 4);
  }

  @Property(tries = 500)
  void randomBytesAreRejectedCleanly(@ForAll("randomBytes") byte[] bytes) {
    decodeSafely(bytes);
  }

  @Property(tries = 600)
  void randomBodiesWithAValidChecksumAreRejectedCleanly(@ForAll("randomBytes") byte[] tail,
      @ForAll("typeBytes") int type) {
    byte[] body = new byte[tail.length + 3];
    body[0] = (byte) WireCodec.MAGIC;
    body[1] = (byte) WireCodec.VERSION;
    body[2] = (byte) type;
    System.arraycopy(tail, 0, body, 3, tail.length);
    decodeSafely(withChecksum(body));
  }

  @Property(tries = 600)
  void mutatedFramesAreRejectedOrStillValid(@ForAll("messages") WireMessage message,
      @ForAll("mutations") List<Tuple2<Integer, Byte>> mutations, @ForAll boolean fixChecksum) {
    byte[] original = WireCodec.encode(message);
    byte[] body = withoutChecksum(original);
    for (Tuple2<Integer, Byte> mutation : mutations) {
      body[Math.floorMod(mutation.get1(), body.length)] ^= mutation.get2() == 0 ? 1 : mutation.get2();
    }
    byte[] frame = fixChecksum
        ? withChecksum(body)
        : concat(body, Arrays.copyOfRange(original, original.length - 4, original.length));
    decodeSafely(frame);
  }

  @Property(tries = 600)
  void truncatedFramesAreRejected(@ForAll("messages") WireMessage message, @ForAll int cut,
      @ForAll boolean fixChecksum) {
    byte[] frame = WireCodec.encode(message);
    int keep = Math.floorMod(cut, frame.length);
    byte[] truncated = fixChecksum
        ? withChecksum(Arrays.copyOf(frame, Math.min(keep, frame.length - 4)))
        : Arrays.copyOf(frame, keep);
    decodeSafely(truncated);
    if (!fixChecksum) {
      assertThatThrownBy(() -> WireCodec.decode(truncated))
          .isInstanceOf(WireFormatException.class);
    }
  }

  @Property(tries = 600)
  void extendedFramesAreRejected(@ForAll("messages") WireMessage message, @ForAll("randomBytes") byte[] extra,
      @ForAll boolean fixChecksum) {
    if (extra.length == 0) {
      return;
    }
    byte[] frame = WireCodec.encode(message);
    byte[] body = withoutChecksum(frame);
    byte[] longer = Arrays.copyOf(body, body.length + extra.length);
    System.arraycopy(extra, 0, longer, body.length, extra.length);
    byte[] extended = fixChecksum ? withChecksum(longer) : concat(frame, extra);
    assertThatThrownBy(() -> WireCodec.decode(extended))
        .isInstanceOf(WireFormatException.class);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Provide
  Arbitrary<byte[]> randomBytes() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(200);
  }

  @Provide
  Arbitrary<Integer> typeBytes() {
    return Arbitraries.integers().between(0, 9);
  }

  @Provide
  Arbitrary<WireMessage> messages() {
    return WireArbitraries.messages();
  }

  @Provide
  Arbitrary<List<Tuple2<Integer, Byte>>> mutations() {
    return Combinators.combine(Arbitraries.integers(), Arbitraries.bytes()).as(Tuple::of).list().ofMinSize(1)
        .ofMaxSize(4);
  }
}
