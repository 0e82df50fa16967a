package io.freeagentics.edge.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

class BlobCodecPropertyTest {

  @Property
  void intsRoundTrip(@ForAll int[] values) {
    assertThat(BlobCodec.decodeInts(BlobCodec.encodeInts(values))).containsExactly(values);
  }

  @Property
  void beliefsRoundTrip(@ForAll @Size(max = 4) float[] @Size(max = 5) [] beliefs) {
    float[][] decoded = BlobCodec.decodeBeliefs(BlobCodec.encodeBeliefs(beliefs));
    assertThat(Arrays.deepEquals(decoded, beliefs)).isTrue();
  }

  @Property
  void truncatedBlobsAreRejected(@ForAll @Size(min = 1, max = 20) int[] values) {
    byte[] blob = BlobCodec.encodeInts(values);
    byte[] truncated = Arrays.copyOf(blob, blob.length - 1);
    assertThatThrownBy(() -> BlobCodec.decodeInts(truncated)).isInstanceOf(IllegalArgumentException.class);
  }
}
