package io.freeagentics.cloud.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
  private final PasswordHasher hasher = new PasswordHasher(10_000);

  @Test
  void aHashMatchesItsPasswordOnly() {
    String hash = hasher.hash("correct horse battery");
    assertThat(hash).startsWith("pbkdf2-sha256$10000$");
    assertThat(hasher.matches("correct horse battery", hash)).isTrue();
    assertThat(hasher.matches("correct horse batterz", hash)).isFalse();
    assertThat(hasher.hash("correct horse battery")).isNotEqualTo(hash);
  }

  @Test
  void aHashKeepsItsIterationCount() {
    String old = new PasswordHasher(2_000).hash("secret password");
    assertThat(hasher.matches("secret password", old)).isTrue();
  }

  @Test
  void foreignOrDamagedHashesMatchNothing() {
    assertThat(hasher.matches("x", "bcrypt$2a$10$abc")).isFalse();
    assertThat(hasher.matches("x", "pbkdf2-sha256$notanumber$AAAA$AAAA")).isFalse();
    assertThat(hasher.matches("x", "pbkdf2-sha256$1000$!!!$AAAA")).isFalse();
  }

  @Test
  void tooFewIterationsAreRefused() {
    assertThatThrownBy(() -> new PasswordHasher(10)).hasMessageContaining("iterations must be at least 1000 but was 10");
  }

  @Test
  void randomPasswordsAreLongAndDiffer() {
    assertThat(PasswordHasher.randomPassword()).hasSize(24).isNotEqualTo(PasswordHasher.randomPassword());
  }
}
