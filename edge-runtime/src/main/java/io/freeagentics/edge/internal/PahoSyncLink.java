package io.freeagentics.edge.internal;

import io.freeagentics.edge.EdgeSyncInbound;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.ScheduledExecutorPingSender;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SyncLink} over Eclipse Paho's MQTT 3.1.1 async client.
 *
 * <p>Choices: {@link MemoryPersistence} — the SQLite outbox is the only store, a message leaves it only after its
 * PUBACK, so Paho's file persistence would be a second, unsynchronised copy. Clean session — after a reconnect
 * nothing of the old session is needed (unacknowledged messages are still in the outbox and are sent again with the
 * same wire sequence; subscriptions are made again by the sync thread). Paho's automatic reconnect is off: the sync
 * thread reconnects with its own bounded, jittered backoff and subscribes from its own thread, never inside
 * {@code connectComplete} on Paho's callback thread (Paho issues #985/#999).
 */
public final class PahoSyncLink implements SyncLink {
  private static final Logger LOG = LoggerFactory.getLogger(PahoSyncLink.class);
  private static final int QOS = 1;

  private final String serverUri;
  private final String clientId;
  private final int maxInflight;
  private final int keepAliveSeconds;
  private final long operationTimeoutMillis;
  private final EdgeSyncInbound inbound;
  private final ScheduledExecutorService pingScheduler;
  private MqttAsyncClient client;

  public PahoSyncLink(String serverUri, String clientId, int maxInflight, int keepAliveSeconds,
      long operationTimeoutMillis, EdgeSyncInbound inbound) {
    this(serverUri, clientId, maxInflight, keepAliveSeconds, operationTimeoutMillis, inbound, null);
  }

  /**
   * A link whose keep-alive pings run on {@code pingScheduler} (shared by many links in one process, instead of one
   * timer thread per client); {@code null} keeps Paho's own timer thread.
   */
  public PahoSyncLink(String serverUri, String clientId, int maxInflight, int keepAliveSeconds,
      long operationTimeoutMillis, EdgeSyncInbound inbound, ScheduledExecutorService pingScheduler) {
    if (inbound == null) {
      throw new IllegalArgumentException("inbound must not be null");
    }
    this.pingScheduler = pingScheduler;
    this.serverUri = serverUri;
    this.clientId = clientId;
    this.maxInflight = maxInflight;
    this.keepAliveSeconds = keepAliveSeconds;
    this.operationTimeoutMillis = operationTimeoutMillis;
    this.inbound = inbound;
  }

  @Override
  public synchronized void connect(String willTopic, byte[] willPayload) throws SyncLinkException {
    reset();
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    options.setAutomaticReconnect(false);
    options.setMaxInflight(maxInflight);
    options.setKeepAliveInterval(keepAliveSeconds);
    options.setConnectionTimeout((int) Math.max(1, operationTimeoutMillis / 1000));
    options.setWill(willTopic, willPayload, QOS, true);
    try {
      MqttAsyncClient fresh = pingScheduler == null
          ? new MqttAsyncClient(serverUri, clientId, new MemoryPersistence())
          : new MqttAsyncClient(serverUri, clientId, new MemoryPersistence(),
              new ScheduledExecutorPingSender(pingScheduler));
      fresh.setCallback(new Callback());
      client = fresh;
      fresh.connect(options).waitForCompletion(operationTimeoutMillis);
    } catch (MqttException e) {
      reset();
      throw new SyncLinkException("cannot connect to " + serverUri + ": " + describe(e), true, e);
    }
  }

  @Override
  public synchronized boolean isConnected() {
    return client != null && client.isConnected();
  }

  @Override
  public Delivery publish(String topic, byte[] payload, boolean retained) throws SyncLinkException {
    MqttAsyncClient current = current();
    IMqttDeliveryToken token;
    try {
      token = current.publish(topic, payload, QOS, retained);
    } catch (IllegalArgumentException e) {
      // Paho's own topic validation: the message can never be sent.
      throw new SyncLinkException("rejected by the client: " + e.getMessage(), false, e);
    } catch (MqttException e) {
      throw new SyncLinkException("publish to " + topic + " failed: " + describe(e), true, e);
    }
    return timeoutMillis -> {
      try {
        token.waitForCompletion(timeoutMillis);
      } catch (MqttException e) {
        throw new SyncLinkException("no acknowledgement for " + topic + ": " + describe(e), true, e);
      }
      if (!token.isComplete()) {
        throw new SyncLinkException("no acknowledgement for " + topic + " within " + timeoutMillis + " ms", true, null);
      }
    };
  }

  @Override
  public void subscribe(String filter) throws SyncLinkException {
    MqttAsyncClient current = current();
    try {
      IMqttToken token = current.subscribe(filter, QOS);
      token.waitForCompletion(operationTimeoutMillis);
      int[] granted = token.getGrantedQos();
      if (granted != null && granted.length == 1 && granted[0] == 0x80) {
        throw new SyncLinkException("the broker refused the subscription " + filter, true, null);
      }
    } catch (MqttException e) {
      throw new SyncLinkException("cannot subscribe to " + filter + ": " + describe(e), true, e);
    }
  }

  @Override
  public synchronized void reset() {
    if (client == null) {
      return;
    }
    MqttAsyncClient old = client;
    client = null;
    try {
      if (old.isConnected()) {
        // The broker sees an unclean end and publishes the will, which is the truth: the link is not usable.
        old.disconnectForcibly(0, operationTimeoutMillis, false);
      }
    } catch (MqttException e) {
      LOG.debug("forced disconnect of {} failed: {}", serverUri, describe(e), e);
    }
    closeClient(old);
  }

  @Override
  public synchronized void close() {
    if (client == null) {
      return;
    }
    MqttAsyncClient old = client;
    client = null;
    try {
      if (old.isConnected()) {
        old.disconnect(operationTimeoutMillis).waitForCompletion(operationTimeoutMillis);
      }
    } catch (MqttException e) {
      LOG.warn("clean disconnect from {} failed: {}", serverUri, describe(e));
    }
    closeClient(old);
  }

  private synchronized MqttAsyncClient current() throws SyncLinkException {
    if (client == null || !client.isConnected()) {
      throw new SyncLinkException("not connected to " + serverUri, true, null);
    }
    return client;
  }

  private void closeClient(MqttAsyncClient old) {
    try {
      old.close(true);
    } catch (MqttException e) {
      LOG.debug("closing the MQTT client of {} failed: {}", serverUri, describe(e), e);
    }
  }

  private static String describe(MqttException e) {
    return e.getMessage() + " (reason " + e.getReasonCode() + ")";
  }

  /** Paho's callbacks: record, hand over, return — never call the client from here. */
  private final class Callback implements MqttCallback {
    @Override
    public void connectionLost(Throwable cause) {
      LOG.warn("lost the connection to {}: {}", serverUri, cause.getMessage());
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
      try {
        inbound.arrived(topic, message.getPayload());
      } catch (RuntimeException e) {
        // Thrown back into Paho it would drop the connection; the message is acknowledged and the failure logged.
        LOG.error("handling the message on {} failed", topic, e);
      }
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
      // Completion is observed through the token the sync thread waits on.
    }
  }
}
