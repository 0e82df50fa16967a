package io.freeagentics.cloud.twin;

import io.freeagentics.cloud.ingest.DownlinkPublisher;
import io.freeagentics.cloud.ingest.DownlinkUnavailableException;
import io.freeagentics.cloud.store.CommandRepository;
import io.freeagentics.cloud.store.CommandRow;
import io.freeagentics.cloud.store.DeviceRepository;
import io.freeagentics.cloud.store.DeviceRow;
import io.freeagentics.wire.CommandAction;
import io.freeagentics.wire.ModelUpdate;
import io.freeagentics.wire.ProfileOverride;
import io.micronaut.context.BeanProvider;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends commands to devices: a command is stored (PENDING), handed to the broker through the
 * {@link DownlinkPublisher} (SENT), and the device's acknowledgements then move it on (see
 * {@link DeviceReportStore#commandAck}). No database connection is held while the broker is called. Without a
 * down-link (MQTT disabled) every command fails with {@link DownlinkUnavailableException}.
 */
@Singleton
public class CommandService {
  private static final Logger LOG = LoggerFactory.getLogger(CommandService.class);
  /** Longest detail stored (the column's size). */
  private static final int MAX_DETAIL = 1024;

  private final DeviceRepository devices;
  private final CommandRepository commands;
  private final BeanProvider<DownlinkPublisher> downlink;
  private final SettingsJson settingsJson;

  CommandService(DeviceRepository devices, CommandRepository commands, BeanProvider<DownlinkPublisher> downlink,
      SettingsJson settingsJson) {
    this.devices = devices;
    this.commands = commands;
    this.downlink = downlink;
    this.settingsJson = settingsJson;
  }

  /**
   * Sends a model update: {@code modelJson} is a model file the caller validated.
   *
   * @return the command, SENT
   * @throws UnknownDeviceException when the device was never seen
   * @throws DownlinkUnavailableException when the broker did not take it (the command is then FAILED)
   */
  public CommandView sendModelUpdate(DeviceKey key, ModelRef model, byte[] modelJson, String by) {
    ModelUpdate action = new ModelUpdate(model.name(), modelJson);
    return send(key, CommandKind.MODEL_UPDATE, model, null, new String(modelJson, StandardCharsets.UTF_8), action,
        by);
  }

  /**
   * Sends a profile override.
   *
   * @return the command, SENT
   * @throws UnknownDeviceException when the device was never seen
   * @throws DownlinkUnavailableException when the broker did not take it (the command is then FAILED)
   */
  public CommandView sendProfileOverride(DeviceKey key, ProfileRef profile, String by) {
    ProfileOverride action = new ProfileOverride(profile.profileId(), profile.sortedSettings());
    return send(key, CommandKind.PROFILE_OVERRIDE, null, profile, settingsJson.write(profile.settings()), action, by);
  }

  /**
   * One command of the device.
   *
   * @throws UnknownCommandException when the device has no command with that id
   */
  @ReadOnly
  public CommandView command(DeviceKey key, long id) {
    DeviceRow device = device(key);
    CommandRow row = commands.findById(id).filter(c -> c.devicePk().equals(device.id()))
        .orElseThrow(() -> new UnknownCommandException("device " + key + " has no command " + id));
    return view(device, row);
  }

  /** The device's commands with an id below {@code before}, newest first, at most {@code limit}. */
  @ReadOnly
  public List<CommandView> commands(DeviceKey key, long before, int limit) {
    DeviceRow device = device(key);
    return commands.page(device.id(), before, limit).stream().map(row -> view(device, row)).toList();
  }

  private CommandView send(DeviceKey key, CommandKind kind, ModelRef model, ProfileRef profile, String payload,
      CommandAction action, String by) {
    DeviceRow device = device(key);
    Instant now = Instant.now();
    CommandRow row = commands.save(new CommandRow(null, device.id(), kind.name(),
        model == null ? null : model.name(), model == null ? null : model.version(),
        profile == null ? null : profile.profileId(), payload, CommandState.PENDING.name(), "", by, now, now, null));
    long id = row.id();
    try {
      if (!downlink.isPresent()) {
        throw new DownlinkUnavailableException("no down-link: MQTT is disabled (fa.mqtt.enabled=false)", null);
      }
      downlink.get().send(key.fleet(), key.device(), id, action);
    } catch (DownlinkUnavailableException e) {
      String detail = truncate("not delivered: " + e.getMessage());
      commands.updateFromPending(id, CommandState.FAILED.name(), detail, Instant.now());
      LOG.warn("Command {} ({}) to {} not delivered: {}", id, kind, key, e.getMessage());
      throw e;
    }
    commands.updateFromPending(id, CommandState.SENT.name(), "", Instant.now());
    LOG.info("Command {} ({}) sent to {} by {}", id, kind, key, by);
    return view(device, commands.findById(id).orElseThrow(() -> new IllegalStateException("command " + id
        + " vanished")));
  }

  private DeviceRow device(DeviceKey key) {
    return devices.findByFleetIdAndDeviceId(key.fleet(), key.device())
        .orElseThrow(() -> new UnknownDeviceException("device '" + key.device() + "' of fleet '" + key.fleet()
            + "' is unknown: it never sent a message"));
  }

  private CommandView view(DeviceRow device, CommandRow row) {
    CommandKind kind = CommandKind.valueOf(row.kind());
    ModelRef model = kind == CommandKind.MODEL_UPDATE ? new ModelRef(row.modelName(), row.modelVersion()) : null;
    ProfileRef profile = kind == CommandKind.PROFILE_OVERRIDE && !row.payload().isEmpty()
        ? new ProfileRef(row.profileId(), settingsJson.read(row.payload())) : null;
    return new CommandView(row.id(), device.fleetId(), device.deviceId(), kind, model, profile,
        CommandState.valueOf(row.status()), row.detail(), row.requestedBy(), row.createdAt(), row.updatedAt(),
        row.ackedAt());
  }

  private static String truncate(String text) {
    return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL);
  }
}
