package io.freeagentics.cloud.ingest.internal;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.eclipse.paho.client.mqttv3.MqttException;

/** The ingest's settings from the configuration ({@code fa.mqtt.*}, {@code fa.ingest.*}) and the down-link client. */
@Factory
public class IngestFactory {

  @Singleton
  MqttSettings mqttSettings(@Value("${fa.mqtt.uri:`tcp://127.0.0.1:1883`}") String uri,
      @Value("${fa.mqtt.username:}") String username, @Value("${fa.mqtt.password:}") String password,
      @Value("${fa.mqtt.shared-group:fa-cloud}") String sharedGroup,
      @Value("${fa.mqtt.max-inflight:1000}") int maxInflight,
      @Value("${fa.mqtt.connect-timeout-seconds:10}") int connectTimeoutSeconds) {
    return new MqttSettings(uri, username, password, sharedGroup, maxInflight, connectTimeoutSeconds);
  }

  @Singleton
  IngestSettings ingestSettings(@Value("${fa.ingest.client-id:}") String clientId,
      @Value("${fa.ingest.clients:4}") int clients, @Value("${fa.ingest.queue-capacity:10000}") int queueCapacity,
      @Value("${fa.ingest.max-batch:1000}") int maxBatch, @Value("${fa.ingest.dedupe-window:64}") int dedupeWindow,
      @Value("${fa.ingest.dedupe-devices:100000}") long dedupeDevices,
      @Value("${fa.ingest.bases-per-device:4}") int basesPerDevice,
      @Value("${fa.ingest.base-cache-bytes:67108864}") long baseCacheBytes,
      @Value("${fa.ingest.ack-queue:100000}") int ackQueue, @Value("${fa.ingest.fleet:+}") String fleet,
      @Value("${fa.ingest.writers:2}") int writers) {
    return new IngestSettings(clientId.isEmpty() ? "fa-ingest-" + hostName() : clientId, clients, queueCapacity,
        maxBatch, dedupeWindow, dedupeDevices, basesPerDevice, baseCacheBytes, ackQueue, fleet, writers);
  }

  @Singleton
  @Bean(preDestroy = "close")
  @Requires(property = "fa.mqtt.enabled", notEquals = "false")
  MqttPublisher mqttPublisher(MqttSettings settings, IngestSettings ingest) throws MqttException {
    return new MqttPublisher(settings, ingest.clientId() + "-out");
  }

  /** This host's name as an MQTT client id part ({@code [A-Za-z0-9._-]}, at most 40 characters). */
  static String hostName() {
    String name;
    try {
      name = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      name = System.getenv().getOrDefault("HOSTNAME", "local");
    }
    String cleaned = name.replaceAll("[^A-Za-z0-9._-]", "_");
    return cleaned.length() > 40 ? cleaned.substring(0, 40) : cleaned;
  }
}
