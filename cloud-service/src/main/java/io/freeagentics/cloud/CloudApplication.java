package io.freeagentics.cloud;

import io.freeagentics.broker.BrokerStartException;
import io.freeagentics.broker.EmbeddedBrokerProcess;
import io.freeagentics.broker.EmbeddedBrokerSettings;
import io.micronaut.runtime.Micronaut;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

/**
 * Starts the cloud service: MQTT ingest, device twins, the population mirror and the REST API.
 *
 * <p>Embedded defaults: when no broker is configured ({@code fa.mqtt.uri} as a system property or
 * {@code FA_MQTT_URI} in the environment), an embedded broker (HiveMQ CE, {@code mqtt-broker}) is started as a
 * child process on 127.0.0.1:{@code FA_BROKER_PORT} (1883; a free port when that one is taken) with its data under
 * the service's data folder, and the service ingests from it. The child stops when this process ends.
 */
public final class CloudApplication {
  private static final String USAGE = """
      usage: ./fa cloud [--micronaut.option=value ...]

      Runs the cloud service: MQTT ingest, device twins, commands, the population mirror, coalitions, REST API
      (OpenAPI at /swagger/freeagentics-cloud-api-0.1.yml), Prometheus metrics at /prometheus.
      With no configuration it runs on embedded defaults: an H2 database and an embedded MQTT broker under
      .fa/cloud. docs/cloud-service.md lists every setting; the common ones:

        FA_HTTP_PORT           REST port (8080)
        FA_DATA_DIR            folder of the embedded database, broker and generated admin password (.fa/cloud)
        FA_DB_URL, FA_DB_USER, FA_DB_PASSWORD   PostgreSQL instead of H2, e.g. jdbc:postgresql://127.0.0.1:5432/fa
        FA_MQTT_URI            an external broker (e.g. tcp://127.0.0.1:1883) instead of the embedded one
        FA_BROKER_PORT         port of the embedded broker (1883; a free port when taken)
        FA_REDIS_URI           Redis for the second cache level and cross-instance invalidation (optional)
        FA_API_ADMIN_PASSWORD  password of the first API user 'admin' (else generated into FA_DATA_DIR)
      """;

  private CloudApplication() {
  }

  public static void main(String[] args) throws BrokerStartException, IOException {
    if (args.length > 0 && ("--help".equals(args[0]) || "-h".equals(args[0]))) {
      System.out.print(USAGE);
      return;
    }
    if (configuredBroker() == null) {
      EmbeddedBrokerProcess broker = startEmbeddedBroker();
      System.setProperty("fa.mqtt.uri", broker.uri().toString());
      Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "embedded-broker-stop"));
    }
    Micronaut.run(CloudApplication.class, args);
  }

  private static String configuredBroker() {
    String property = System.getProperty("fa.mqtt.uri");
    if (property != null && !property.isBlank()) {
      return property;
    }
    String env = System.getenv("FA_MQTT_URI");
    return env != null && !env.isBlank() ? env : null;
  }

  private static EmbeddedBrokerProcess startEmbeddedBroker() throws BrokerStartException, IOException {
    String dataDir = System.getenv().getOrDefault("FA_DATA_DIR", "./.fa/cloud");
    String portText = System.getenv().getOrDefault("FA_BROKER_PORT", "1883");
    int port;
    try {
      port = Integer.parseInt(portText.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("FA_BROKER_PORT must be a port number but was '" + portText + "'", e);
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("FA_BROKER_PORT must be in 0..65535 but was " + port);
    }
    if (port != 0 && !isFree(port)) {
      System.err.println("fa cloud: port " + port + " is taken (another broker?); the embedded broker takes a free "
          + "port instead. Set FA_MQTT_URI to use the broker on " + port + ".");
      port = 0;
    }
    Path data = Path.of(dataDir).toAbsolutePath();
    System.err.println("fa cloud: no MQTT broker configured (FA_MQTT_URI): starting the embedded broker...");
    EmbeddedBrokerProcess broker = EmbeddedBrokerProcess.start(EmbeddedBrokerSettings.of(port,
        data.resolve("broker"), data.resolve("broker.log")));
    System.err.println("fa cloud: embedded broker at " + broker.uri() + " (log " + data.resolve("broker.log") + ")");
    return broker;
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
