package io.freeagentics.cloud.api;

import io.freeagentics.cloud.ingest.DownlinkPublisher;
import io.freeagentics.cloud.ingest.DownlinkUnavailableException;
import io.freeagentics.wire.CommandAction;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The down-link of the API tests (environment "apitest", where MQTT is off): records what would be published, or
 * fails like an unreachable broker while {@link #failing} is set.
 */
@Singleton
@Requires(env = "apitest")
public class RecordingDownlink implements DownlinkPublisher {
  /** One command handed to the broker. */
  public record Sent(String fleet, String device, long commandId, CommandAction action) {}

  public final List<Sent> sent = new CopyOnWriteArrayList<>();
  public volatile boolean failing;

  @Override
  public void send(String fleet, String device, long commandId, CommandAction action) {
    if (failing) {
      throw new DownlinkUnavailableException("broker unreachable (test)", null);
    }
    sent.add(new Sent(fleet, device, commandId, action));
  }
}
