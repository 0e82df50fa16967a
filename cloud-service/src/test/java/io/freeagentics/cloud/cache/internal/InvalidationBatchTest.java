package io.freeagentics.cloud.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** The wire text of a batch of invalidations: any keys survive it, and arbitrary text never throws. */
class InvalidationBatchTest {

  @Property
  void anyKeysSurviveTheRoundTrip(@ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 20) String origin,
      @ForAll @AlphaChars @StringLength(min = 1, max = 20) String cache,
      @ForAll @Size(min = 1, max = 20) List<String> keys) {
    InvalidationBatch batch = new InvalidationBatch(origin, cache, keys);
    assertThat(InvalidationBatch.decode(batch.encode())).isEqualTo(batch);
  }

  @Property
  void arbitraryTextNeverThrows(@ForAll String text) {
    InvalidationBatch decoded = InvalidationBatch.decode(text);
    if (decoded != null) {
      assertThat(decoded.encode()).isEqualTo(text);
    }
    assertThat(InvalidationMessage.decode(new InvalidationBatch("o", "c", List.of("k")).encode()))
        .as("a single-key decoder does not take a batch for its own").isNull();
  }

  @Example
  void keysWithSeparatorsAndDigitsAreKept() {
    InvalidationBatch batch = InvalidationBatch.decode("M|o1|beliefs-latest|5:f1/d13:a:b0:");
    assertThat(batch.keys()).containsExactly("f1/d1", "a:b", "");
    assertThat(InvalidationBatch.decode("M|o1|c|5:abc")).as("length beyond the text").isNull();
    assertThat(InvalidationBatch.decode("M|o1|c|05:abcde")).as("not the shortest length").isNull();
    assertThat(InvalidationBatch.decode("M|o1|c|")).as("no keys").isNull();
    assertThatThrownBy(() -> new InvalidationBatch("o", "c", List.of())).hasMessageContaining("keys");
  }
}
