package io.freeagentics.cloud.twin;

import io.freeagentics.cloud.store.CommandRepository;
import io.freeagentics.cloud.store.CommandRow;
import io.freeagentics.cloud.store.DeviceRepository;
import io.freeagentics.cloud.store.DeviceRow;
import io.freeagentics.cloud.store.FleetRepository;
import io.freeagentics.cloud.store.TwinRepository;
import io.freeagentics.wire.CommandAck;
import io.freeagentics.wire.Telemetry;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The writes devices' reports cause, each in one transaction on the primary database. */
@Singleton
public class DeviceReportStore {
  private static final Logger LOG = LoggerFactory.getLogger(DeviceReportStore.class);

  private final FleetRepository fleets;
  private final DeviceRepository devices;
  private final TwinRepository twins;
  private final CommandRepository commands;

  DeviceReportStore(FleetRepository fleets, DeviceRepository devices, TwinRepository twins,
      CommandRepository commands) {
    this.fleets = fleets;
    this.devices = devices;
    this.twins = twins;
    this.commands = commands;
  }

  /**
   * Registers the device (and its fleet and empty twin) unless it is registered, and returns its key and whether
   * this call found it new. Safe to call concurrently, from several service instances too.
   */
  @Transactional
  public Registration register(DeviceKey key, Instant seenAt) {
    Optional<DeviceRow> existing = devices.findByFleetIdAndDeviceId(key.fleet(), key.device());
    if (existing.isPresent()) {
      return new Registration(existing.get().id(), false);
    }
    fleets.insertIfAbsent(key.fleet(), seenAt);
    devices.insertIfAbsent(key.fleet(), key.device(), seenAt);
    long pk = devices.findByFleetIdAndDeviceId(key.fleet(), key.device())
        .orElseThrow(() -> new IllegalStateException("device " + key + " not found right after its insert"))
        .id();
    twins.insertIfAbsent(pk);
    LOG.info("Device {} registered", key);
    return new Registration(pk, true);
  }

  /** A device's primary key, and whether the registration that returned it found the device new. */
  public record Registration(long pk, boolean created) {
  }

  /** Records telemetry in the reported state (ignored when older, by the device's clock, than the recorded). */
  @Transactional
  public boolean telemetry(long devicePk, Telemetry telemetry, Instant receivedAt) {
    return twins.updateTelemetry(devicePk, receivedAt, Instant.ofEpochMilli(telemetry.header().timestampMillis()),
        telemetry.batteryPerMille().isPresent() ? telemetry.batteryPerMille().getAsInt() : null,
        telemetry.charging(),
        telemetry.temperatureDeciCelsius().isPresent() ? telemetry.temperatureDeciCelsius().getAsInt() : null,
        telemetry.tickIntervalMillis(), telemetry.agents(), telemetry.spoolDepth(), telemetry.spoolCapacity(),
        telemetry.memoryUsedBytes(), telemetry.memoryMaxBytes()) == 1;
  }

  /** Records presence (ignored when an later-received presence was recorded). */
  @Transactional
  public boolean presence(long devicePk, boolean online, Instant receivedAt) {
    if (devices.updatePresence(devicePk, online, receivedAt) == 0) {
      return false;
    }
    twins.bumpReported(devicePk, receivedAt);
    return true;
  }

  /**
   * Records a command acknowledgement; an APPLIED one also records the command's model or profile as reported.
   *
   * @return whether it changed the command (false: unknown command, another device's, or already final)
   */
  @Transactional
  public boolean commandAck(long devicePk, DeviceKey key, CommandAck ack, Instant receivedAt) {
    CommandState state = CommandState.of(ack.status());
    if (commands.applyAck(ack.commandId(), devicePk, state.name(), ack.detail(), receivedAt) == 0) {
      Optional<CommandRow> command = commands.findById(ack.commandId());
      if (command.isEmpty() || command.get().devicePk() != devicePk) {
        LOG.warn("Device {} acknowledged command {} ({}), which was not sent to it: ignored", key,
            ack.commandId(), state);
      } else {
        LOG.debug("Device {} acknowledged command {} again ({}); it stays {}", key, ack.commandId(), state,
            command.get().status());
      }
      return false;
    }
    if (state == CommandState.APPLIED) {
      CommandRow command = commands.findById(ack.commandId())
          .orElseThrow(() -> new IllegalStateException("command " + ack.commandId() + " vanished"));
      if (CommandKind.valueOf(command.kind()) == CommandKind.MODEL_UPDATE) {
        twins.updateReportedModel(devicePk, receivedAt, command.modelName(), command.modelVersion(), command.id());
      } else {
        twins.updateReportedProfile(devicePk, receivedAt, command.profileId(), command.payload(), command.id());
      }
    }
    return true;
  }
}
