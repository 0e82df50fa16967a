package io.freeagentics.cloud.ingest.internal;

import io.freeagentics.cloud.ingest.IngestStats;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MQTT connection of the ingest: a persistent session ({@code cleanSession=false}, a stable client id) with the
 * shared subscriptions of every up-link kind, and <em>manual acknowledgements</em> (Paho 1.2.5
 * {@code setManualAcks(true)}): the callback only decodes the message and queues it, and the PUBACK goes out when
 * the writer calls the message's {@link BrokerAck} after the commit. A message whose PUBACK was not sent stays in
 * the broker's session and is delivered again after a reconnect.
 *
 * <p>It connects and (re)subscribes from its own supervisor thread, never from a Paho callback (subscribing in
 * {@code connectComplete} can deadlock Paho 1.2.5, eclipse/paho.mqtt.java#985 and #999). A PUBACK is only sent on
 * the connection that received the message: after a reconnect the broker redelivers it (with a new packet id)
 * and the deduplication drops the second copy.
 */
public final class IngestConsumer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(IngestConsumer.class);
  private static final long MAX_BACKOFF_MILLIS = 30_000;

  private final MqttSettings settings;
  private final String clientId;
  private final String fleet;
  private final BlockingQueue<Inbound> queue;
  private final IngestStats stats;
  private final MqttAsyncClient client;
  private final AtomicInteger epoch = new AtomicInteger();
  private final Object signal = new Object();
  private final Thread supervisor;
  private volatile boolean closed;
  private volatile boolean subscribed;

  public IngestConsumer(MqttSettings settings, String clientId, String fleet, BlockingQueue<Inbound> queue,
      IngestStats stats) throws MqttException {
    this.fleet = fleet;
    this.settings = settings;
    this.clientId = clientId;
    this.queue = queue;
    this.stats = stats;
    this.client = new MqttAsyncClient(settings.uri(), clientId, new MemoryPersistence());
    client.setManualAcks(true);
    client.setCallback(new Callback());
    this.supervisor = new Thread(this::supervise, "fa-ingest-connect-" + clientId);
    supervisor.setDaemon(true);
  }

  /** Starts connecting (in the background; see {@link #awaitSubscribed}). */
  public void start() {
    supervisor.start();
  }

  /** Waits until the subscriptions are in place; false when the time ran out. */
  public boolean awaitSubscribed(long timeout, TimeUnit unit) throws InterruptedException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    synchronized (signal) {
      while (!subscribed) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        TimeUnit.NANOSECONDS.timedWait(signal, left);
      }
      return true;
    }
  }

  public boolean isSubscribed() {
    return subscribed && client.isConnected();
  }

  public String clientId() {
    return clientId;
  }

  private void supervise() {
    long backoff = 500;
    while (!closed) {
      if (!client.isConnected()) {
        subscribed = false;
        try {
          client.connect(settings.connectOptions(false)).waitForCompletion(settings.connectTimeoutSeconds() * 1000L);
          int currentEpoch = epoch.incrementAndGet();
          String[] filters = java.util.Arrays.stream(IngestKind.values())
              .map(kind -> kind.sharedFilter(settings.sharedGroup(), fleet)).toArray(String[]::new);
          int[] qos = new int[filters.length];
          java.util.Arrays.fill(qos, 1);
          int[] granted = client.subscribe(filters, qos).getGrantedQos();
          for (int i = 0; i < granted.length; i++) {
            if (granted[i] == 0x80) {
              throw new MqttException(new IllegalStateException("the broker refused the subscription "
                  + filters[i]));
            }
          }
          LOG.info("ingest client {} connected to {} (session {}), subscribed to {}", clientId, settings.uri(),
              currentEpoch, String.join(", ", filters));
          backoff = 500;
          synchronized (signal) {
            subscribed = true;
            signal.notifyAll();
          }
        } catch (MqttException e) {
          LOG.warn("ingest client {} cannot connect to {} (retrying in {} ms): {}", clientId, settings.uri(),
              backoff, e.toString());
          try {
            if (client.isConnected()) {
              client.disconnectForcibly(1000, 1000);
            }
          } catch (MqttException ignored) {
            LOG.debug("forced disconnect of {} failed: {}", clientId, ignored.toString());
          }
          sleep(backoff);
          backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
          continue;
        }
      }
      synchronized (signal) {
        if (!closed && client.isConnected()) {
          try {
            signal.wait(1000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
    }
  }

  private void sleep(long millis) {
    synchronized (signal) {
      try {
        if (!closed) {
          signal.wait(millis);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        closed = true;
      }
    }
  }

  /** Sends the PUBACK of message {@code id}, if the connection that received it is still the current one. */
  private void complete(int messageEpoch, int id, int qos) {
    if (qos == 0 || messageEpoch != epoch.get() || !client.isConnected()) {
      return;
    }
    try {
      client.messageArrivedComplete(id, qos);
    } catch (MqttException e) {
      LOG.debug("PUBACK of message {} on {} not sent (the broker redelivers it): {}", id, clientId, e.toString());
    }
  }

  /** Disconnects, leaving the session (and any message not yet acknowledged) with the broker. */
  @Override
  public void close() {
    closed = true;
    synchronized (signal) {
      signal.notifyAll();
    }
    try {
      supervisor.join(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      if (client.isConnected()) {
        client.disconnect(2000).waitForCompletion(3000);
      }
    } catch (MqttException e) {
      LOG.debug("disconnect of {}: {}", clientId, e.toString());
    }
    try {
      client.close(true);
    } catch (MqttException e) {
      LOG.debug("close of {}: {}", clientId, e.toString());
    }
  }

  private final class Callback implements MqttCallback {
    @Override
    public void connectionLost(Throwable cause) {
      LOG.warn("ingest client {} lost its connection to {} (reconnecting): {}", clientId, settings.uri(),
          String.valueOf(cause));
      subscribed = false;
      synchronized (signal) {
        signal.notifyAll();
      }
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) throws InterruptedException {
      stats.received();
      int messageEpoch = epoch.get();
      int id = message.getId();
      int qos = message.getQos();
      Inbound inbound = Inbound.decode(topic, message.getPayload(), System.currentTimeMillis(),
          () -> complete(messageEpoch, id, qos));
      // The queue holds more than all clients' in-flight windows, so this only waits if the broker sends more
      // than its in-flight limit; waiting then is the back-pressure we want.
      queue.put(inbound);
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
      // The ingest client publishes nothing.
    }
  }
}
