package io.freeagentics.edge;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

/**
 * The real MQTT broker of the integration tests: {@code FA_MQTT_URI} (default {@code tcp://127.0.0.1:1883}). When it
 * cannot be reached the test fails if {@code FA_REQUIRE_SERVICES=1}, and is skipped otherwise.
 */
final class MqttTestBroker {
  private MqttTestBroker() {}

  static String uri() {
    String value = System.getenv("FA_MQTT_URI");
    return value == null || value.isBlank() ? "tcp://127.0.0.1:1883" : value;
  }

  static String host() {
    return URI.create(uri()).getHost();
  }

  static int port() {
    return URI.create(uri()).getPort();
  }

  /** Skips (or fails, when services are required) the calling test when the broker does not accept connections. */
  static void requireReachable() {
    String problem = null;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host(), port()), 2000);
    } catch (IOException e) {
      problem = "MQTT broker " + uri() + " is not reachable: " + e.getMessage();
    }
    if (problem != null && "1".equals(System.getenv("FA_REQUIRE_SERVICES"))) {
      fail(problem + " (FA_REQUIRE_SERVICES=1)");
    }
    assumeTrue(problem == null, problem);
  }
}
