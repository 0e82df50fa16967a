package io.freeagentics.edge.internal;

import io.freeagentics.edge.EdgeSyncInbound;
import io.freeagentics.wire.Acknowledgement;
import io.freeagentics.wire.Command;
import io.freeagentics.wire.WireCodec;
import io.freeagentics.wire.WireFormatException;
import io.freeagentics.wire.WireMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes what arrives on the device's down-link topics: an {@link Acknowledgement} on {@code .../ack} to the belief
 * spooler, a {@link Command} on {@code .../command} to the command handler. Both only queue: the tick thread acts.
 * A frame that does not decode, or a message of another type, is logged with the reason and dropped (a command
 * without a readable id cannot be acknowledged; the cloud retries until it hears back).
 */
public final class EdgeInboundRouter implements EdgeSyncInbound {
  private static final Logger LOG = LoggerFactory.getLogger(EdgeInboundRouter.class);

  private final String deviceId;
  private final EdgeBeliefSpooler beliefs;
  private final EdgeCommandHandler commands;

  public EdgeInboundRouter(String deviceId, EdgeBeliefSpooler beliefs, EdgeCommandHandler commands) {
    if (deviceId == null || beliefs == null || commands == null) {
      throw new IllegalArgumentException("deviceId, beliefs and commands must not be null");
    }
    this.deviceId = deviceId;
    this.beliefs = beliefs;
    this.commands = commands;
  }

  @Override
  public void arrived(String topic, byte[] payload) {
    WireMessage message;
    try {
      message = WireCodec.decode(payload);
    } catch (WireFormatException e) {
      LOG.warn("device {}: dropped {} bytes on {}: not a wire frame: {}", deviceId, payload.length, topic,
          e.getMessage());
      return;
    }
    if (!message.header().deviceId().equals(deviceId)) {
      LOG.debug("device {}: message on {} names device {} in its header; the topic decides", deviceId, topic,
          message.header().deviceId());
    }
    if (topic.endsWith("/ack") && message instanceof Acknowledgement ack) {
      beliefs.acknowledged(ack.acknowledgedSequence());
    } else if (topic.endsWith("/command") && message instanceof Command command) {
      commands.received(command);
    } else {
      LOG.warn("device {}: dropped a {} on {}: expected an acknowledgement on .../ack or a command on .../command",
          deviceId, message.type(), topic);
    }
  }
}
