package io.freeagentics.cloud.ingest.internal;

import io.freeagentics.cloud.ingest.DownlinkPublisher;
import io.freeagentics.cloud.ingest.DownlinkUnavailableException;
import io.freeagentics.wire.Command;
import io.freeagentics.wire.CommandAction;
import io.freeagentics.wire.MessageHeader;
import io.freeagentics.wire.WireCodec;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * {@link DownlinkPublisher} over the cloud's MQTT publisher: a {@link Command} frame (header sequence = the command
 * id, so a retried command is the same frame) to {@code fa/v1/{fleet}/{device}/command} at QoS 1, returning when
 * the broker's PUBACK arrived, or failing with {@link DownlinkUnavailableException} after
 * {@code fa.downlink.timeout-millis} (default 5000).
 */
@Singleton
@Requires(property = "fa.downlink.enabled", notEquals = "false")
@Requires(property = "fa.mqtt.enabled", notEquals = "false")
public class MqttDownlinkPublisher implements DownlinkPublisher {
  private final MqttPublisher publisher;
  private final long timeoutMillis;

  public MqttDownlinkPublisher(MqttPublisher publisher,
      @Value("${fa.downlink.timeout-millis:5000}") long timeoutMillis) {
    if (timeoutMillis < 1) {
      throw new IllegalArgumentException("fa.downlink.timeout-millis must be positive but was " + timeoutMillis);
    }
    this.publisher = publisher;
    this.timeoutMillis = timeoutMillis;
  }

  @Override
  public void send(String fleet, String device, long commandId, CommandAction action) {
    String fleetProblem = MessageHeader.deviceIdProblem(fleet);
    if (fleetProblem != null) {
      throw new IllegalArgumentException("fleet " + fleetProblem);
    }
    // The header and the command check device, command id and action.
    byte[] frame = WireCodec.encode(new Command(new MessageHeader(device, commandId, System.currentTimeMillis()),
        commandId, action));
    String topic = TopicAddress.topic(fleet, device, "command");
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    try {
      publisher.publish(topic, frame, timeoutMillis).get(Math.max(1, deadline - System.nanoTime()),
          TimeUnit.NANOSECONDS);
    } catch (MqttException e) {
      throw new DownlinkUnavailableException("command " + commandId + " to " + fleet + "/" + device
          + " not published: " + e.getMessage(), e);
    } catch (ExecutionException e) {
      throw new DownlinkUnavailableException("command " + commandId + " to " + fleet + "/" + device
          + " refused by the broker: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new DownlinkUnavailableException("command " + commandId + " to " + fleet + "/" + device
          + ": no PUBACK from the broker within " + timeoutMillis + " ms", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DownlinkUnavailableException("interrupted while sending command " + commandId, e);
    }
  }
}
