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
  void badValuesAreRejectedNamingThePropertyAndValue() {
    CacheConfig config = CacheConfig.defaults();
    assertThat(problems(() -> config.withTtls(Duration.ZERO, Duration.ofMinutes(1))))
        .containsExactly("fa.cache.l1-ttl = PT0S: must be a positive duration");
    assertThat(problems(() -> config.withL1MaxSize(0)))
        .containsExactly("fa.cache.l1-max-size = 0: must be 1 to 100000000");
    assertThat(problems(() -> config.withKeyPrefix("a b")))
        .containsExactly("fa.cache.key-prefix = a b: must be 1 to 64 letters, digits or _ . : -");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    assertThatThrownBy(() -> new CacheConfig(0, Duration.ZERO, Duration.ofSeconds(-1), "a b", null,
        Duration.ofSeconds(1), 0))
        .isInstanceOf(CacheConfigException.class)
        .hasMessageStartingWith("The cache configuration has 6 problems: ")
        .satisfies(e -> assertThat(((CacheConfigException) e).problems()).containsExactly(
            "fa.cache.l1-ttl = PT0S: must be a positive duration",
            "fa.cache.l2-ttl = PT-1S: must be a positive duration",
            "fa.cache.redis-timeout = null: must be set",
            "fa.cache.l1-max-size = 0: must be 1 to 100000000",
            "fa.cache.max-pending-invalidations = 0: must be 1 to 10000000",
            "fa.cache.key-prefix = a b: must be 1 to 64 letters, digits or _ . : -"));
  }

  private static java.util.List<String> problems(Runnable build) {
    try {
      build.run();
    } catch (CacheConfigException e) {
      return e.problems();
    }
    throw new AssertionError("no CacheConfigException");
  }
}
