package io.freeagentics.cloud.ingest.internal;

import java.util.Objects;

/**
 * How the cloud reaches the broker: server URI, optional credentials, the shared-subscription group, and the
 * publisher's in-flight limit.
 */
public record MqttSettings(String uri, String username, String password, String sharedGroup, int maxInflight,
    int connectTimeoutSeconds) {

  public MqttSettings {
    Objects.requireNonNull(uri, "fa.mqtt.uri");
    if (!(uri.startsWith("tcp://") || uri.startsWith("ssl://") || uri.startsWith("ws://")
        || uri.startsWith("wss://"))) {
      throw new IllegalArgumentException("fa.mqtt.uri must start with tcp://, ssl://, ws:// or wss:// but was '"
          + uri + "'");
    }
    if (sharedGroup == null || sharedGroup.isEmpty() || sharedGroup.contains("/") || sharedGroup.contains("+")
        || sharedGroup.contains("#")) {
      throw new IllegalArgumentException("fa.mqtt.shared-group must be a non-empty topic level without '/', '+' "
          + "and '#' but was '" + sharedGroup + "'");
    }
    if (maxInflight < 2 || maxInflight > 65_535) {
      throw new IllegalArgumentException("fa.mqtt.max-inflight must be 2..65535 but was " + maxInflight);
    }
    if (connectTimeoutSeconds < 1) {
      throw new IllegalArgumentException("fa.mqtt.connect-timeout-seconds must be positive but was "
          + connectTimeoutSeconds);
    }
  }

  /** Connect options for a client of this broker. */
  public org.eclipse.paho.client.mqttv3.MqttConnectOptions connectOptions(boolean cleanSession) {
    var options = new org.eclipse.paho.client.mqttv3.MqttConnectOptions();
    options.setCleanSession(cleanSession);
    options.setAutomaticReconnect(false);
    options.setKeepAliveInterval(30);
    options.setConnectionTimeout(connectTimeoutSeconds);
    options.setMaxInflight(maxInflight);
    options.setMqttVersion(org.eclipse.paho.client.mqttv3.MqttConnectOptions.MQTT_VERSION_3_1_1);
    if (username != null && !username.isEmpty()) {
      options.setUserName(username);
      options.setPassword(password == null ? new char[0] : password.toCharArray());
    }
    return options;
  }
}
