package io.freeagentics.cloud.mqttauth;

import java.util.Objects;

/**
 * The MQTT login of the cloud service (ingest and down-links): it may read every device's up-link topics, also
 * through shared subscriptions {@code $share/GROUP/fa/v1/+/+/#}, and write every device's down-link topics.
 *
 * @param username user name, e.g. {@code fa-cloud}: 1 to 64 characters, none of {@code / + # :}, no whitespace
 * @param password password, not empty
 */
public record CloudCredentials(String username, String password) {

  /** Checks both; messages name the argument and its value (never the password). */
  public CloudCredentials {
    MqttNames.checkTopicLevel("cloud username", username);
    MqttNames.checkPassword("password of cloud user " + username, password);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CloudCredentials that && username.equals(that.username)
        && password.equals(that.password);
  }

  @Override
  public int hashCode() {
    return Objects.hash(username, password);
  }

  /** Never shows the password. */
  @Override
  public String toString() {
    return "CloudCredentials[" + username + "]";
  }
}
