package io.freeagentics.cloud.twin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.freeagentics.cloud.config.TwinConfig;
import io.freeagentics.cloud.ingest.DeviceReports;
import io.freeagentics.cloud.store.LastSeenWriter;
import io.freeagentics.wire.CommandAck;
import io.freeagentics.wire.Presence;
import io.freeagentics.wire.Telemetry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The device registry the MQTT ingest reports to. {@link #seen} runs for every message, so it is cheap: registered
 * devices are remembered in memory (one database round trip on a device's first message after start), and last-seen
 * times are collected in memory and written in one batch every {@code fa.twin.last-seen-flush}. Telemetry, presence
 * and command acknowledgements are written before the call returns (the ingest retries the message when it throws).
 */
@Singleton
public class DeviceRegistry implements DeviceReports {
  private static final Logger LOG = LoggerFactory.getLogger(DeviceRegistry.class);

  private final DeviceReportStore store;
  private final LastSeenWriter lastSeenWriter;
  /** A provider: the cached twins read through TwinService, which reads this registry's pending last-seen times. */
  private final Provider<CachedTwins> twins;
  private final Provider<CachedFleetPages> pages;
  private final Provider<AppliedModels> appliedModels;
  private final Cache<DeviceKey, Long> known;
  private final ConcurrentHashMap<Long, Long> pendingLastSeen = new ConcurrentHashMap<>();
  private final Counter lookups;
  private final Counter staleReports;

  DeviceRegistry(DeviceReportStore store, LastSeenWriter lastSeenWriter, TwinConfig config, MeterRegistry meters,
      Provider<CachedTwins> twins, Provider<CachedFleetPages> pages, Provider<AppliedModels> appliedModels) {
    this.pages = pages;
    this.appliedModels = appliedModels;
    this.store = store;
    this.twins = twins;
    this.lastSeenWriter = lastSeenWriter;
    this.known = Caffeine.newBuilder().maximumSize(config.knownDevices()).build();
    this.lookups = meters.counter("fa.twin.device.lookups");
    this.staleReports = meters.counter("fa.twin.reports.stale");
    meters.gaugeMapSize("fa.twin.last.seen.pending", java.util.List.of(), pendingLastSeen);
  }

  @Override
  public void seen(String fleet, String device, long receivedAtMillis) {
    long pk = devicePk(new DeviceKey(fleet, device), receivedAtMillis);
    pendingLastSeen.merge(pk, receivedAtMillis, Math::max);
  }

  @Override
  public void telemetry(String fleet, String device, Telemetry telemetry, long receivedAtMillis) {
    DeviceKey key = new DeviceKey(fleet, device);
    if (store.telemetry(devicePk(key, receivedAtMillis), telemetry, Instant.ofEpochMilli(receivedAtMillis))) {
      twins.get().invalidate(key);
    } else {
      staleReports.increment();
    }
  }

  @Override
  public void presence(String fleet, String device, Presence presence, long receivedAtMillis) {
    DeviceKey key = new DeviceKey(fleet, device);
    if (store.presence(devicePk(key, receivedAtMillis), presence.online(), Instant.ofEpochMilli(receivedAtMillis))) {
      twins.get().invalidate(key);
      pages.get().invalidate();
    } else {
      staleReports.increment();
    }
  }

  @Override
  public void commandAck(String fleet, String device, CommandAck ack, long receivedAtMillis) {
    DeviceKey key = new DeviceKey(fleet, device);
    boolean changed = store.commandAck(devicePk(key, receivedAtMillis), key, ack,
        Instant.ofEpochMilli(receivedAtMillis));
    twins.get().invalidate(key);
    if (changed) {
      // An APPLIED model update changes the model the mirror uses for the device, on every instance.
      appliedModels.get().invalidate(key);
    }
  }

  /**
   * The last-seen time of a device not yet written to the database, if any (the API shows the newer of the two).
   */
  public Long pendingLastSeen(long devicePk) {
    return pendingLastSeen.get(devicePk);
  }

  /** Writes the last-seen times collected since the previous flush, in one batch. */
  @Scheduled(fixedDelay = "${fa.twin.last-seen-flush:1s}", initialDelay = "${fa.twin.last-seen-flush:1s}")
  public void flush() {
    if (pendingLastSeen.isEmpty()) {
      return;
    }
    Map<Long, Long> batch = new HashMap<>();
    for (Map.Entry<Long, Long> entry : pendingLastSeen.entrySet()) {
      batch.put(entry.getKey(), entry.getValue());
    }
    try {
      lastSeenWriter.write(batch);
    } catch (RuntimeException e) {
      LOG.warn("Could not write the last-seen times of {} devices (kept for the next flush): {}", batch.size(),
          e.toString());
      return;
    }
    // Keep times that moved on while the batch was written.
    batch.forEach(pendingLastSeen::remove);
  }

  @PreDestroy
  void close() {
    flush();
  }

  private long devicePk(DeviceKey key, long receivedAtMillis) {
    Long pk = known.getIfPresent(key);
    if (pk != null) {
      return pk;
    }
    lookups.increment();
    boolean[] created = new boolean[1];
    long registered = known.get(key, k -> {
      DeviceReportStore.Registration registration = store.register(k, Instant.ofEpochMilli(receivedAtMillis));
      created[0] = registration.created();
      return registration.pk();
    });
    if (created[0]) {
      // A new device: fleet counts and device pages change (a known one, met again after a restart, changes none).
      pages.get().invalidate();
    }
    return registered;
  }
}
