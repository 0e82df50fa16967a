package io.freeagentics.cloud.ingest.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cloud's down-link MQTT connection (acknowledgements and commands), separate from the ingest's: QoS 1
 * publishes, each taking one of {@code maxInflight - 1} permits until the broker's PUBACK, so Paho's in-flight
 * limit is never hit ("too many publishes in progress", eclipse/paho.mqtt.java#551). Clean session, automatic
 * reconnect (it has no subscriptions to restore), in-memory persistence.
 */
public final class MqttPublisher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MqttPublisher.class);

  private final MqttSettings settings;
  private final MqttAsyncClient client;
  private final Semaphore permits;
  private final Thread connector;
  private volatile boolean closed;

  public MqttPublisher(MqttSettings settings, String clientId) throws MqttException {
    this.settings = settings;
    this.client = new MqttAsyncClient(settings.uri(), clientId, new MemoryPersistence());
    this.permits = new Semaphore(settings.maxInflight() - 1);
    this.connector = new Thread(this::connectUntilConnected, "fa-mqtt-publisher-connect-" + clientId);
    connector.setDaemon(true);
    connector.start();
  }

  private void connectUntilConnected() {
    MqttConnectOptions options = settings.connectOptions(true);
    options.setAutomaticReconnect(true);
    long backoff = 500;
    while (!closed && !client.isConnected()) {
      try {
        client.connect(options).waitForCompletion(settings.connectTimeoutSeconds() * 1000L);
        LOG.info("down-link publisher {} connected to {}", client.getClientId(), settings.uri());
        return;
      } catch (MqttException e) {
        LOG.warn("down-link publisher cannot connect to {} (retrying in {} ms): {}", settings.uri(), backoff,
            e.toString());
        try {
          Thread.sleep(backoff);
        } catch (InterruptedException interrupted) {
          return;
        }
        backoff = Math.min(30_000, backoff * 2);
      }
    }
  }

  public boolean isConnected() {
    return client.isConnected();
  }

  /**
   * Publishes at QoS 1, waiting at most {@code timeoutMillis} for an in-flight permit; the future completes with
   * the broker's PUBACK or fails.
   *
   * @throws MqttException when not connected, or the publish was refused
   * @throws InterruptedException when interrupted while waiting for a permit
   */
  public CompletableFuture<Void> publish(String topic, byte[] payload, long timeoutMillis)
      throws MqttException, InterruptedException {
    if (!client.isConnected()) {
      throw new MqttException(MqttException.REASON_CODE_CLIENT_NOT_CONNECTED);
    }
    if (!permits.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS)) {
      throw new MqttException(MqttException.REASON_CODE_MAX_INFLIGHT);
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    try {
      client.publish(topic, payload, 1, false, null, new IMqttActionListener() {
        @Override
        public void onSuccess(IMqttToken token) {
          permits.release();
          done.complete(null);
        }

        @Override
        public void onFailure(IMqttToken token, Throwable failure) {
          permits.release();
          done.completeExceptionally(failure);
        }
      });
    } catch (MqttException | RuntimeException e) {
      permits.release();
      throw e;
    }
    return done;
  }

  @Override
  public void close() {
    closed = true;
    connector.interrupt();
    try {
      if (client.isConnected()) {
        client.disconnect(2000).waitForCompletion(3000);
      }
    } catch (MqttException e) {
      LOG.debug("disconnect of the publisher: {}", e.toString());
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      LOG.debug("close of the publisher: {}", e.toString());
    }
  }
}
