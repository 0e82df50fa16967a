package io.freeagentics.edge;

import io.freeagentics.wire.MessageHeader;
import io.freeagentics.wire.WireCodec;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where and how the edge sync talks MQTT: the broker ({@code tcp://host:port} or {@code ssl://host:port}), the fleet
 * (a topic token: topics are {@code fa/v1/{fleet}/{device}/{kind}}), at most {@code maxInflight} unacknowledged
 * QoS 1 publishes (also Paho's window), the reconnect backoff bounds, the wait for a broker acknowledgement or a
 * connect, the keep-alive, how often an empty outbox is looked at again, and the largest payload sent (bigger
 * messages are dead letters).
 */
public record EdgeMqttConfig(String serverUri, String fleet, int maxInflight, long backoffInitialMillis,
    long backoffMaxMillis, long operationTimeoutMillis, int keepAliveSeconds, long pollMillis, int maxPayloadBytes) {

  public EdgeMqttConfig {
    if (serverUri == null) {
      throw new IllegalArgumentException("serverUri must not be null");
    }
    try {
      URI uri = new URI(serverUri);
      if (!("tcp".equals(uri.getScheme()) || "ssl".equals(uri.getScheme())) || uri.getHost() == null
          || uri.getPort() < 1) {
        throw new IllegalArgumentException("serverUri must look like tcp://host:port or ssl://host:port but was "
            + serverUri);
      }
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("serverUri is not a URI: " + serverUri + " (" + e.getMessage() + ")", e);
    }
    String fleetProblem = MessageHeader.deviceIdProblem(fleet);
    if (fleetProblem != null) {
      throw new IllegalArgumentException("fleet '" + fleet + "' is not a topic token: it " + fleetProblem);
    }
    if (maxInflight < 1 || maxInflight > 65535) {
      throw new IllegalArgumentException("maxInflight must be in [1, 65535] but was " + maxInflight);
    }
    if (backoffInitialMillis < 2 || backoffMaxMillis < backoffInitialMillis) {
      throw new IllegalArgumentException("need 2 <= backoffInitialMillis <= backoffMaxMillis but got "
          + backoffInitialMillis + " and " + backoffMaxMillis);
    }
    if (operationTimeoutMillis < 1 || keepAliveSeconds < 1 || pollMillis < 1 || maxPayloadBytes < 1) {
      throw new IllegalArgumentException("operationTimeoutMillis, keepAliveSeconds, pollMillis and maxPayloadBytes "
          + "must be positive but were " + operationTimeoutMillis + ", " + keepAliveSeconds + ", " + pollMillis
          + ", " + maxPayloadBytes);
    }
  }

  /**
   * The broker and fleet with the defaults: 10 in flight (Paho's default window), backoff 500 ms doubling to 60 s,
   * 10 s operation timeout, 30 s keep-alive, 200 ms poll, payloads up to one wire frame (1 MiB).
   */
  public static EdgeMqttConfig of(String serverUri, String fleet) {
    return new EdgeMqttConfig(serverUri, fleet, 10, 500, 60_000, 10_000, 30, 200, WireCodec.MAX_FRAME_BYTES);
  }

  public EdgeMqttConfig withBackoff(long initialMillis, long maxMillis) {
    return new EdgeMqttConfig(serverUri, fleet, maxInflight, initialMillis, maxMillis, operationTimeoutMillis,
        keepAliveSeconds, pollMillis, maxPayloadBytes);
  }

  public EdgeMqttConfig withMaxInflight(int value) {
    return new EdgeMqttConfig(serverUri, fleet, value, backoffInitialMillis, backoffMaxMillis,
        operationTimeoutMillis, keepAliveSeconds, pollMillis, maxPayloadBytes);
  }

  public EdgeMqttConfig withPollMillis(long value) {
    return new EdgeMqttConfig(serverUri, fleet, maxInflight, backoffInitialMillis, backoffMaxMillis,
        operationTimeoutMillis, keepAliveSeconds, value, maxPayloadBytes);
  }

  public EdgeMqttConfig withKeepAliveSeconds(int value) {
    return new EdgeMqttConfig(serverUri, fleet, maxInflight, backoffInitialMillis, backoffMaxMillis,
        operationTimeoutMillis, value, pollMillis, maxPayloadBytes);
  }

  public EdgeMqttConfig withMaxPayloadBytes(int value) {
    return new EdgeMqttConfig(serverUri, fleet, maxInflight, backoffInitialMillis, backoffMaxMillis,
        operationTimeoutMillis, keepAliveSeconds, pollMillis, value);
  }
}
