package io.freeagentics.cloud.ingest.internal;

import io.freeagentics.cloud.ingest.IngestStats;
import io.freeagentics.wire.Acknowledgement;
import io.freeagentics.wire.MessageHeader;
import io.freeagentics.wire.WireCodec;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the acknowledgements of stored beliefs messages to {@code fa/v1/{fleet}/{device}/ack} from its own
 * thread (never from a Paho callback, never from the writer's transaction). The writer only queues them. The header
 * sequence of an acknowledgement is the sequence it acknowledges, so a repeated acknowledgement is the same frame.
 * When the queue is full or the broker unreachable for long, acknowledgements are dropped and counted: the device
 * then keeps its older base, which the cloud still holds, so only the delta sizes suffer.
 */
public final class AckPublisher implements AckSink, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AckPublisher.class);

  private record Ack(String fleet, String device, long sequence) {
  }

  private final MqttPublisher publisher;
  private final IngestStats stats;
  private final BlockingQueue<Ack> queue;
  private final Thread thread;
  private volatile boolean closed;

  public AckPublisher(MqttPublisher publisher, IngestStats stats, int capacity) {
    this.publisher = publisher;
    this.stats = stats;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.thread = new Thread(this::run, "fa-ingest-ack");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void acknowledge(String fleet, String device, long sequence) {
    if (!queue.offer(new Ack(fleet, device, sequence))) {
      stats.ackDropped();
      LOG.debug("ack queue full: acknowledgement of {}/{} {} dropped", fleet, device, sequence);
    }
  }

  private void run() {
    while (!closed) {
      Ack ack;
      try {
        ack = queue.poll(500, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (ack == null) {
        continue;
      }
      byte[] frame = WireCodec.encode(new Acknowledgement(new MessageHeader(ack.device(), ack.sequence(),
          System.currentTimeMillis()), ack.sequence()));
      String topic = TopicAddress.topic(ack.fleet(), ack.device(), "ack");
      long deadline = System.currentTimeMillis() + 30_000;
      while (!closed) {
        try {
          publisher.publish(topic, frame, 1_000).whenComplete((ok, failure) -> {
            if (failure == null) {
              stats.ackPublished();
            } else {
              stats.ackDropped();
              LOG.debug("acknowledgement on {} failed: {}", topic, failure.toString());
            }
          });
          break;
        } catch (MqttException e) {
          if (System.currentTimeMillis() > deadline) {
            stats.ackDropped();
            LOG.warn("acknowledgement on {} dropped after 30 s: {}", topic, e.toString());
            break;
          }
          try {
            Thread.sleep(e.getReasonCode() == MqttException.REASON_CODE_MAX_INFLIGHT ? 1 : 200);
          } catch (InterruptedException interrupted) {
            return;
          }
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  /** Acknowledgements waiting to be published. */
  public int pending() {
    return queue.size();
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
