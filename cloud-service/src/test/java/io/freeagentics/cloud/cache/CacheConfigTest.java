package io.freeagentics.cloud.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CacheConfigTest {

  @Test
  void defaultsAreValid() {
    CacheConfig config = CacheConfig.defaults();
    assertThat(config.l1Ttl()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.l2Ttl()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.keyPrefix()).isEqualTo("fa:cache:");
  }

  @Test
  void badValuesAreRejectedNamingTheProperty() {
    CacheConfig config = CacheConfig.defaults();
    assertThatThrownBy(() -> config.withTtls(Duration.ZERO, Duration.ofMinutes(1)))
        .hasMessage("fa.cache.l1-ttl must be a positive duration, got PT0S");
    assertThatThrownBy(() -> config.withTtls(Duration.ofSeconds(1), Duration.ofSeconds(-1)))
        .hasMessage("fa.cache.l2-ttl must be a positive duration, got PT-1S");
    assertThatThrownBy(() -> config.withL1MaxSize(0)).hasMessage("fa.cache.l1-max-size must be at least 1, got 0");
    assertThatThrownBy(() -> config.withKeyPrefix("a b"))
        .hasMessage("fa.cache.key-prefix must be 1 to 64 letters, digits or _ . : -, got 'a b'");
  }
}
