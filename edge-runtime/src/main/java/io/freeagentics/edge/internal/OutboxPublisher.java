package io.freeagentics.edge.internal;

import io.freeagentics.edge.EdgeOutboxMessage;
import io.freeagentics.edge.EdgeStateStore;
import io.freeagentics.edge.EdgeStoreException;
import java.util.ArrayList;
import java.util.List;

/**
 * One pass of store-and-forward: takes up to {@code maxInflight} waiting messages in delivery order, publishes them
 * at QoS 1, and waits for each broker acknowledgement; an acknowledged message leaves the outbox, a refused one
 * counts a failed attempt (the store moves it to the dead letters after its limit). A connection fault stops the
 * pass: what was not acknowledged stays in the outbox with its attempt count unchanged and is sent again, with the
 * same sequence, after the reconnect.
 *
 * <p>In flight: a pass starts only after the previous one has every delivery completed, or after the link was reset
 * (which drops Paho's in-flight window), so no more than {@code maxInflight} publishes are ever outstanding —
 * Paho's {@code MqttConnectOptions.maxInflight} is set to the same number (Paho issue #551).
 */
public final class OutboxPublisher {
  private final EdgeStateStore store;
  private final SyncLink link;
  private final OutboxFramer framer;
  private final int maxInflight;
  private final long ackTimeoutMillis;

  public OutboxPublisher(EdgeStateStore store, SyncLink link, OutboxFramer framer, int maxInflight,
      long ackTimeoutMillis) {
    if (store == null || link == null || framer == null) {
      throw new IllegalArgumentException("store, link and framer must not be null");
    }
    if (maxInflight < 1) {
      throw new IllegalArgumentException("maxInflight must be at least 1 but was " + maxInflight);
    }
    if (ackTimeoutMillis < 1) {
      throw new IllegalArgumentException("ackTimeoutMillis must be at least 1 but was " + ackTimeoutMillis);
    }
    this.store = store;
    this.link = link;
    this.framer = framer;
    this.maxInflight = maxInflight;
    this.ackTimeoutMillis = ackTimeoutMillis;
  }

  /**
   * Publishes one batch.
   *
   * @return what the pass did; {@link Pass#connectionFault()} is set when the link must be reset and reconnected
   * @throws EdgeStoreException when the outbox cannot be read or updated
   */
  public Pass publishBatch() throws EdgeStoreException {
    List<EdgeOutboxMessage> batch = store.pending(maxInflight);
    List<EdgeOutboxMessage> sent = new ArrayList<>(batch.size());
    List<SyncLink.Delivery> deliveries = new ArrayList<>(batch.size());
    int failed = 0;
    int deadLettered = 0;
    SyncLinkException fault = null;
    for (EdgeOutboxMessage message : batch) {
      try {
        OutboxFramer.Outbound outbound = framer.frame(message);
        deliveries.add(link.publish(outbound.topic(), outbound.payload(), outbound.retained()));
        sent.add(message);
      } catch (OutboxFramer.PoisonMessage e) {
        failed++;
        deadLettered += store.recordFailure(message.id(), e.getMessage()) ? 1 : 0;
      } catch (SyncLinkException e) {
        if (e.connectionFault()) {
          fault = e;
          break;
        }
        failed++;
        deadLettered += store.recordFailure(message.id(), e.getMessage()) ? 1 : 0;
      }
    }
    int delivered = 0;
    for (int i = 0; i < sent.size(); i++) {
      try {
        deliveries.get(i).await(ackTimeoutMillis);
      } catch (SyncLinkException e) {
        if (e.connectionFault()) {
          fault = fault != null ? fault : e;
          continue;
        }
        failed++;
        deadLettered += store.recordFailure(sent.get(i).id(), e.getMessage()) ? 1 : 0;
        continue;
      }
      if (store.acknowledge(sent.get(i).id())) {
        delivered++;
      }
    }
    return new Pass(batch.size(), delivered, failed, deadLettered, fault);
  }

  /**
   * The outcome of one pass: messages taken, acknowledged by the broker, failed (attempt counted), moved to the dead
   * letters, and the connection fault that ended it, or null.
   */
  public record Pass(int taken, int delivered, int failed, int deadLettered, SyncLinkException fault) {
    public boolean connectionFault() {
      return fault != null;
    }
  }
}
