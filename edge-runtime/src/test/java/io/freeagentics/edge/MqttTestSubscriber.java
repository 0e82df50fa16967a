package io.freeagentics.edge;

import io.freeagentics.wire.Presence;
import io.freeagentics.wire.WireCodec;
import io.freeagentics.wire.WireFormatException;
import io.freeagentics.wire.WireMessage;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The cloud side of the integration tests: a Paho client subscribed to {@code fa/v1/{fleet}/+/+} that counts every
 * wire sequence it receives (presence apart) and remembers the last presence.
 */
final class MqttTestSubscriber implements AutoCloseable {
  private final MqttClient client;
  private final Map<Long, Integer> counts = new ConcurrentHashMap<>();
  private final Object monitor = new Object();
  private volatile Presence lastPresence;
  private volatile String problem;

  MqttTestSubscriber(String fleet) throws MqttException {
    client = new MqttClient(MqttTestBroker.uri(), "it-" + UUID.randomUUID(), new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    options.setMaxInflight(1000);
    client.connect(options);
    client.subscribe("fa/v1/" + fleet + "/+/+", 1, (topic, message) -> {
      WireMessage decoded;
      try {
        decoded = WireCodec.decode(message.getPayload());
      } catch (WireFormatException e) {
        problem = "undecodable frame on " + topic + ": " + e.getMessage();
        return;
      }
      if (decoded instanceof Presence presence) {
        lastPresence = presence;
      } else {
        counts.merge(decoded.header().sequence(), 1, Integer::sum);
      }
      synchronized (monitor) {
        monitor.notifyAll();
      }
    });
  }

  /** Waits until every sequence in {@code [first, last]} arrived; false when {@code timeout} passed first. */
  boolean awaitAll(long first, long last, Duration timeout) throws InterruptedException {
    return await(() -> missing(first, last) == 0, timeout);
  }

  /** Waits until at least {@code n} distinct sequences arrived. */
  boolean awaitDistinct(int n, Duration timeout) throws InterruptedException {
    return await(() -> counts.size() >= n, timeout);
  }

  private boolean await(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (monitor) {
      while (!condition.getAsBoolean()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        monitor.wait(Math.max(1, left / 1_000_000));
      }
      return true;
    }
  }

  long missing(long first, long last) {
    long missing = 0;
    for (long s = first; s <= last; s++) {
      missing += counts.containsKey(s) ? 0 : 1;
    }
    return missing;
  }

  Map<Long, Integer> counts() {
    return Map.copyOf(counts);
  }

  Presence lastPresence() {
    return lastPresence;
  }

  String problem() {
    return problem;
  }

  @Override
  public void close() throws MqttException {
    client.disconnect();
    client.close();
  }
}
