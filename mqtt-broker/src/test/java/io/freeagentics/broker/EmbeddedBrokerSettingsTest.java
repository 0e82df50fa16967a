package io.freeagentics.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddedBrokerSettingsTest {

  private final Path data = Path.of("data");
  private final Path log = Path.of("broker.log");

  @Test
  void defaultsListenOnLoopbackWithTheDefaultJvmOptions() {
    EmbeddedBrokerSettings settings = EmbeddedBrokerSettings.of(0, data, log);
    assertThat(settings.host()).isEqualTo("127.0.0.1");
    assertThat(settings.jvmOptions()).isEqualTo(EmbeddedBrokerSettings.DEFAULT_JVM_OPTIONS);
    assertThat(settings.persistence()).isEqualTo(BrokerPersistence.FILE);
    assertThat(settings.withPersistence(BrokerPersistence.MEMORY).persistence()).isEqualTo(BrokerPersistence.MEMORY);
    assertThat(settings.withPort(1884).port()).isEqualTo(1884);
    assertThat(settings.withJvmOptions(List.of("-Xmx64m")).jvmOptions()).containsExactly("-Xmx64m");
  }

  @Test
  void portOutsideTheTcpRangeIsRejectedNamingIt() {
    assertThatThrownBy(() -> EmbeddedBrokerSettings.of(70_000, data, log))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("port must be in 0..65535, got 70000");
    assertThatThrownBy(() -> EmbeddedBrokerSettings.of(-1, data, log))
        .hasMessage("port must be in 0..65535, got -1");
  }

  @Test
  void blankHostAndNonPositiveStartTimeoutAreRejected() {
    assertThatThrownBy(() -> new EmbeddedBrokerSettings(" ", 0, data, log, BrokerPersistence.FILE, List.of(), Duration.ofSeconds(1),
        Duration.ZERO)).hasMessage("host must not be blank");
    assertThatThrownBy(() -> new EmbeddedBrokerSettings("127.0.0.1", 0, data, log, BrokerPersistence.FILE, List.of(), Duration.ZERO,
        Duration.ZERO)).hasMessage("startTimeout must be positive, got PT0S");
    assertThatThrownBy(() -> new EmbeddedBrokerSettings("127.0.0.1", 0, data, log, BrokerPersistence.FILE, List.of(),
        Duration.ofSeconds(1), Duration.ofSeconds(-1))).hasMessage("stopTimeout must not be negative, got PT-1S");
  }
}
