package io.freeagentics.cloud.events;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes events older than {@code fa.events.retention} every {@code fa.events.purge-interval}, so the event table
 * stays bounded however long devices keep reporting. On every instance: the delete is idempotent, and a second
 * instance deleting the same rows deletes none.
 */
@Singleton
public class EventRetention {
  private static final Logger LOG = LoggerFactory.getLogger(EventRetention.class);

  private final DeviceEvents events;
  private final EventsConfig config;
  private final LongSupplier clock;

  EventRetention(DeviceEvents events, EventsConfig config) {
    this(events, config, System::currentTimeMillis);
  }

  EventRetention(DeviceEvents events, EventsConfig config, LongSupplier clock) {
    this.events = events;
    this.config = config;
    this.clock = clock;
  }

  /** One purge: deletes what was stored more than the retention ago; returns how many events it deleted. */
  @Scheduled(fixedDelay = "${fa.events.purge-interval:1h}", initialDelay = "${fa.events.purge-interval:1h}")
  public int purge() {
    long cutoff = clock.getAsLong() - config.retention().toMillis();
    int deleted = events.purgeStoredBefore(cutoff);
    if (deleted > 0) {
      LOG.info("Deleted {} device events stored more than {} ago", deleted, config.retention());
    }
    return deleted;
  }
}
