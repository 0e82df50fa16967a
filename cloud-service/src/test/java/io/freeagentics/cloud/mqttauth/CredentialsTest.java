package io.freeagentics.cloud.mqttauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CredentialsTest {

  @Test
  void deviceUsernameAndTopicPrefixComeFromFleetAndDevice() {
    DeviceCredentials device = new DeviceCredentials("f1", "pi-0042", "s3cret");
    assertThat(device.username()).isEqualTo("f1/pi-0042");
    assertThat(device.topicPrefix()).isEqualTo("fa/v1/f1/pi-0042/");
    assertThat(device.toString()).isEqualTo("DeviceCredentials[f1/pi-0042]").doesNotContain("s3cret");
    assertThat(new CloudCredentials("fa-cloud", "s3cret").toString()).doesNotContain("s3cret");
  }

  @Test
  void topicCharactersInIdsAreRejectedNamingArgumentValueAndIndex() {
    assertThatThrownBy(() -> new DeviceCredentials("f1", "d/1", "p"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("device 'd/1' has the character '/' at index 1");
    assertThatThrownBy(() -> new DeviceCredentials("f+", "d1", "p"))
        .hasMessageStartingWith("fleet 'f+' has the character '+' at index 1");
    assertThatThrownBy(() -> new DeviceCredentials("f1", "d#", "p")).hasMessageContaining("'#' at index 1");
    assertThatThrownBy(() -> new DeviceCredentials("f1", "a:b", "p")).hasMessageContaining("':' at index 1");
    assertThatThrownBy(() -> new DeviceCredentials("f1", "a b", "p")).hasMessageContaining("U+0020 at index 1");
    assertThatThrownBy(() -> new CloudCredentials("fa\ncloud", "p")).hasMessageContaining("U+000A at index 2");
  }

  @Test
  void emptyOrLongIdsAndEmptyPasswordsAreRejected() {
    assertThatThrownBy(() -> new DeviceCredentials("", "d1", "p"))
        .hasMessage("fleet must have 1 to 64 characters, got '' (0)");
    assertThatThrownBy(() -> new DeviceCredentials("f1", "d".repeat(65), "p"))
        .hasMessageContaining("device must have 1 to 64 characters");
    assertThatThrownBy(() -> new DeviceCredentials("f1", "d1", ""))
        .hasMessage("password of device f1/d1 must not be empty");
    assertThatThrownBy(() -> new DeviceCredentials(null, "d1", "p")).hasMessage("fleet must not be null");
  }
}
