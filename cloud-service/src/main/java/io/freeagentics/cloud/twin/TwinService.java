package io.freeagentics.cloud.twin;

import io.freeagentics.cloud.store.DeviceRepository;
import io.freeagentics.cloud.store.DeviceRow;
import io.freeagentics.cloud.store.FleetRepository;
import io.freeagentics.cloud.store.FleetSummary;
import io.freeagentics.cloud.store.TwinRepository;
import io.freeagentics.cloud.store.TwinRow;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;

/**
 * Fleets, devices and twins as the API reads them (read-only transactions: the read replica when one is configured)
 * and the desired state operators write (on the primary, with optimistic concurrency).
 */
@Singleton
public class TwinService {
  private final FleetRepository fleets;
  private final DeviceRepository devices;
  private final TwinRepository twins;
  private final DeviceRegistry registry;
  private final SettingsJson settingsJson;

  TwinService(FleetRepository fleets, DeviceRepository devices, TwinRepository twins, DeviceRegistry registry,
      SettingsJson settingsJson) {
    this.fleets = fleets;
    this.devices = devices;
    this.twins = twins;
    this.registry = registry;
    this.settingsJson = settingsJson;
  }

  /** Fleets with an id after {@code after} (empty: from the first), in id order, at most {@code limit}. */
  @ReadOnly
  public List<FleetView> fleets(String after, int limit) {
    return fleets.page(after, limit).stream().map(TwinService::fleetView).toList();
  }

  /**
   * The fleet's devices with an id after {@code after}, in id order, at most {@code limit}; only those online (or
   * offline) when {@code online} is given.
   *
   * @throws UnknownDeviceException when no device of the fleet was ever seen
   */
  @ReadOnly
  public List<DeviceView> devices(String fleet, @Nullable Boolean online, String after, int limit) {
    if (!fleets.existsByFleetId(fleet)) {
      throw new UnknownDeviceException("fleet '" + fleet + "' is unknown: none of its devices was ever seen");
    }
    List<DeviceRow> rows = online == null ? devices.page(fleet, after, limit)
        : devices.pageByOnline(fleet, online, after, limit);
    return rows.stream().map(this::deviceView).toList();
  }

  /**
   * The device's twin.
   *
   * @throws UnknownDeviceException when the device was never seen
   */
  @ReadOnly
  public TwinView twin(DeviceKey key) {
    DeviceRow device = device(key);
    return twinView(device, twins.findById(device.id()).orElseThrow(() -> missingTwin(key)));
  }

  /**
   * Replaces the desired state of the device if its version is still {@code expectedVersion}.
   *
   * @param model the desired model, or null for no wish
   * @param profile the desired profile and overrides, or null for no wish
   * @param by the API user asking
   * @return the twin with the new desired state (version {@code expectedVersion + 1})
   * @throws VersionConflictException when the desired state is at another version
   * @throws UnknownDeviceException when the device was never seen
   */
  @Transactional
  public TwinView updateDesired(DeviceKey key, long expectedVersion, @Nullable ModelRef model,
      @Nullable ProfileRef profile, String by) {
    DeviceRow device = device(key);
    int updated = twins.updateDesired(device.id(), expectedVersion, Instant.now(), by,
        model == null ? null : model.name(), model == null ? null : model.version(),
        profile == null ? null : profile.profileId(),
        profile == null ? null : settingsJson.write(profile.settings()));
    TwinRow twin = twins.findById(device.id()).orElseThrow(() -> missingTwin(key));
    if (updated == 0) {
      throw new VersionConflictException(key, expectedVersion, twin.desiredVersion());
    }
    return twinView(device, twin);
  }

  private DeviceRow device(DeviceKey key) {
    return devices.findByFleetIdAndDeviceId(key.fleet(), key.device())
        .orElseThrow(() -> new UnknownDeviceException("device '" + key.device() + "' of fleet '" + key.fleet()
            + "' is unknown: it never sent a message"));
  }

  private static IllegalStateException missingTwin(DeviceKey key) {
    return new IllegalStateException("device " + key + " has no twin row");
  }

  private static FleetView fleetView(FleetSummary summary) {
    return new FleetView(summary.fleetId(), summary.createdAt(), summary.devices(), summary.online());
  }

  private Instant lastSeen(DeviceRow device) {
    Long pending = registry.pendingLastSeen(device.id());
    return pending == null || pending <= device.lastSeen().toEpochMilli() ? device.lastSeen()
        : Instant.ofEpochMilli(pending);
  }

  private DeviceView deviceView(DeviceRow device) {
    return new DeviceView(device.fleetId(), device.deviceId(), device.firstSeen(), lastSeen(device), device.online());
  }

  private TwinView twinView(DeviceRow device, TwinRow twin) {
    ModelRef reportedModel = twin.modelName() == null ? null
        : new ModelRef(twin.modelName(), twin.modelVersion());
    ProfileRef reportedProfile = twin.profileId() == null ? null
        : new ProfileRef(twin.profileId(), settingsJson.read(twin.profileSettings()));
    ReportedState reported = new ReportedState(twin.reportedVersion(), twin.reportedAt(), device.online(),
        twin.telemetryAt(), twin.batteryPerMille(), twin.charging(),
        twin.temperatureDeciCelsius() == null ? null : twin.temperatureDeciCelsius() / 10.0,
        twin.tickIntervalMillis(), twin.agents(), twin.spoolDepth(), twin.spoolCapacity(), twin.memoryUsedBytes(),
        twin.memoryMaxBytes(), reportedModel, reportedProfile);
    ModelRef desiredModel = twin.desiredModelName() == null ? null
        : new ModelRef(twin.desiredModelName(), twin.desiredModelVersion());
    ProfileRef desiredProfile = twin.desiredProfileId() == null ? null
        : new ProfileRef(twin.desiredProfileId(), settingsJson.read(twin.desiredProfileSettings()));
    DesiredState desired = new DesiredState(twin.desiredVersion(), twin.desiredAt(), twin.desiredBy(), desiredModel,
        desiredProfile);
    boolean converged = (desiredModel == null || desiredModel.equals(reportedModel))
        && (desiredProfile == null || desiredProfile.equals(reportedProfile));
    return new TwinView(device.fleetId(), device.deviceId(), device.firstSeen(), lastSeen(device), reported,
        desired, converged);
  }
}
