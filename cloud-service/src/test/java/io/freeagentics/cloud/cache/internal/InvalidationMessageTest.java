package io.freeagentics.cloud.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

class InvalidationMessageTest {

  @Property
  void anyKeySurvivesTheRoundTrip(@ForAll boolean all, @ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 20)
      String origin, @ForAll @AlphaChars @StringLength(min = 1, max = 20) String cache, @ForAll String key) {
    InvalidationMessage message = new InvalidationMessage(all, origin, cache, key);
    assertThat(InvalidationMessage.decode(message.encode())).isEqualTo(message);
  }

  @Property
  void arbitraryTextNeverThrows(@ForAll String text) {
    InvalidationMessage decoded = InvalidationMessage.decode(text);
    if (decoded != null) {
      assertThat(decoded.encode()).isEqualTo(text);
    }
  }

  @net.jqwik.api.Example
  void keysWithSeparatorsAreKept() {
    assertThat(InvalidationMessage.decode("K|o1|twins|f1/d1|x").key()).isEqualTo("f1/d1|x");
    assertThat(InvalidationMessage.decode("X|o1|twins|k")).isNull();
    assertThat(InvalidationMessage.decode("K|o1")).isNull();
  }
}
