package io.freeagentics.cloud.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The typed configuration: defaults, and every problem of a record reported at once, naming the property. */
class ConfigValidationTest {

  @Test
  void theDefaultsAreUsable() {
    try (ApplicationContext context = ApplicationContext.run("apitest")) {
      ApiConfig api = context.getBean(ApiConfig.class);
      assertThat(api.defaultPageSize()).isEqualTo(100);
      assertThat(api.maxPageSize()).isEqualTo(1000);
      assertThat(api.credentialCache()).isEqualTo(Duration.ofMinutes(5));
      assertThat(context.getBean(TwinConfig.class).knownDevices()).isEqualTo(100_000);
      assertThat(context.getBean(CloudConfig.class).dataDir()).isEqualTo("target/apitest");
    }
  }

  @Test
  void everyProblemOfARecordIsReportedAtOnce() {
    try (ApplicationContext context = ApplicationContext.builder().environments("apitest")
        .properties(Map.of("fa.api.default-page-size", "0", "fa.api.max-page-size", "20000",
            "fa.api.admin-user", "bad user", "fa.api.admin-password", "short", "fa.twin.known-devices", "0"))
        .build()) {
      assertThatThrownBy(context::start)
          .hasStackTraceContaining("The configuration has 5 problems:")
          .hasStackTraceContaining("fa.api.admin-password = short: must have 12 to 256 characters")
          .hasStackTraceContaining("fa.api.admin-user = bad user: must be 1 to 64 characters")
          .hasStackTraceContaining("fa.api.default-page-size = 0: must be greater than or equal to 1")
          .hasStackTraceContaining("fa.api.max-page-size = 20000: must be less than or equal to 10000")
          .hasStackTraceContaining("fa.twin.known-devices = 0: must be greater than or equal to 1");
    }
  }

  @Test
  void coalitionRoundProblemsAreReportedWithTheOthers() {
    try (ApplicationContext context = ApplicationContext.builder().environments("apitest")
        .properties(Map.of("fa.coalitions.k", "-1", "fa.coalitions.round-interval", "0s",
            "fa.twin.known-devices", "0"))
        .build()) {
      assertThatThrownBy(context::start)
          .hasStackTraceContaining("The configuration has 3 problems:")
          .hasStackTraceContaining("fa.coalitions.k = -1: must be greater than or equal to 0")
          .hasStackTraceContaining("fa.coalitions.round-interval = PT0S: must be positive")
          .hasStackTraceContaining("fa.twin.known-devices = 0: must be greater than or equal to 1");
    }
  }

  @Test
  void eventRetentionProblemsAreReportedWithTheOthers() {
    try (ApplicationContext context = ApplicationContext.builder().environments("apitest")
        .properties(Map.of("fa.events.retention", "0s", "fa.events.purge-interval", "-1h",
            "fa.twin.known-devices", "0"))
        .build()) {
      assertThatThrownBy(context::start)
          .hasStackTraceContaining("The configuration has 3 problems:")
          .hasStackTraceContaining("fa.events.purge-interval = PT-1H: must be positive")
          .hasStackTraceContaining("fa.events.retention = PT0S: must be positive")
          .hasStackTraceContaining("fa.twin.known-devices = 0: must be greater than or equal to 1");
    }
  }

  @Test
  void cacheProblemsAreReportedWithTheOthers() {
    try (ApplicationContext context = ApplicationContext.builder().environments("apitest")
        .properties(Map.of("fa.cache.l1-ttl", "0s", "fa.cache.key-prefix", "bad prefix!",
            "fa.twin.known-devices", "0"))
        .build()) {
      assertThatThrownBy(context::start)
          .hasStackTraceContaining("The configuration has 3 problems:")
          .hasStackTraceContaining("fa.cache.key-prefix = bad prefix!: must be 1 to 64 letters, digits or _ . : -")
          .hasStackTraceContaining("fa.cache.l1-ttl = PT0S: must be a positive duration")
          .hasStackTraceContaining("fa.twin.known-devices = 0: must be greater than or equal to 1");
    }
  }
}
