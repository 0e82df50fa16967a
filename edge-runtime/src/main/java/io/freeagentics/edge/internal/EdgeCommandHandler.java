package io.freeagentics.edge.internal;

import io.freeagentics.edge.EdgeCommandRecord;
import io.freeagentics.edge.EdgeOutgoing;
import io.freeagentics.edge.EdgeStateStore;
import io.freeagentics.edge.EdgeStateWrite;
import io.freeagentics.edge.EdgeStoreException;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.model.ModelInputException;
import io.freeagentics.model.json.ModelJson;
import io.freeagentics.wire.Command;
import io.freeagentics.wire.CommandAck;
import io.freeagentics.wire.CommandStatus;
import io.freeagentics.wire.MessageHeader;
import io.freeagentics.wire.ModelUpdate;
import io.freeagentics.wire.ProfileOverride;
import io.freeagentics.wire.WireCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out down-link {@link Command}s at a tick boundary, on the tick thread, and answers each with
 * {@link CommandAck}s spooled on {@code command-ack}: {@code ACCEPTED}, then {@code APPLIED}, {@code REJECTED} (refused
 * without trying: invalid model, model that does not fit the device, unknown setting, bad value, other profile) or
 * {@code FAILED} (tried, the device kept its previous state), each with a detail naming the reason. The final status
 * is recorded in the store (table {@code command}) in the same transaction as the tick and the acks, so a command
 * id seen before — also before a restart — is only re-acknowledged with its recorded status, never carried out twice.
 *
 * <p>A {@link ModelUpdate} is validated ({@link ModelJson}: every problem of the file named), must have the device's
 * observation and control shape (its sensors and actuators do not change), is stored in the data folder
 * ({@code models/command-ID.json}, written and synced before it is used) and becomes the model of every agent from
 * this tick on; the stored model is used again after a restart. A {@link ProfileOverride} must name the running
 * profile and only keys of {@link EdgeProfileOverrides}; accepted overrides are stored and applied again after a
 * restart.
 *
 * <p>{@link #received} is called on the MQTT callback thread; everything else on the tick thread.
 */
public final class EdgeCommandHandler {
  private static final Logger LOG = LoggerFactory.getLogger(EdgeCommandHandler.class);
  /** The outbox kind of command acknowledgements. */
  public static final String ACK_KIND = "command-ack";
  /** Sync state: the path of the model file the agents run, set by a model update. */
  public static final String MODEL_FILE_STATE = "model.file";
  /** Sync state: the applied profile overrides ({@link EdgeProfileOverrides#encode}). */
  public static final String OVERRIDES_STATE = "profile.overrides";

  /** What the handler needs from the device it commands. */
  public interface Device {
    /** The model the agents run now. */
    GenerativeModel model();

    /** The id of the running profile. */
    String profileId();

    /** The overridable settings in force. */
    EdgeProfileOverrides.Settings settings();

    /**
     * Switches every agent to {@code next} from this tick on; returns whether their beliefs were kept (same state
     * space) rather than restarted at the model's D.
     */
    boolean switchModel(GenerativeModel next);

    /** Puts {@code next} in force from this tick on. */
    void applySettings(EdgeProfileOverrides.Settings next);
  }

  private final EdgeStateStore store;
  private final Path modelDir;
  private final int priority;
  private final ConcurrentLinkedQueue<Command> inbox = new ConcurrentLinkedQueue<>();
  private final SortedMap<String, String> overrides;
  /** Results carried out but whose tick was not saved yet: written again with the next commit. */
  private Batch unsaved = Batch.empty();
  private volatile Stats stats = new Stats(0, 0, 0, 0, 0);

  public EdgeCommandHandler(EdgeStateStore store, Path modelDir, int priority) throws EdgeStoreException {
    if (store == null || modelDir == null) {
      throw new IllegalArgumentException("store and modelDir must not be null");
    }
    this.store = store;
    this.modelDir = modelDir;
    this.priority = priority;
    this.overrides = new TreeMap<>(store.state(OVERRIDES_STATE).map(EdgeProfileOverrides::decode)
        .orElse(new TreeMap<>()));
  }

  /** The overrides applied by earlier commands (to apply again at start). */
  public SortedMap<String, String> storedOverrides() {
    return new TreeMap<>(overrides);
  }

  /** The model file a model update left in force in this store, if any. */
  public static Optional<Path> storedModelFile(EdgeStateStore store) throws EdgeStoreException {
    return store.state(MODEL_FILE_STATE).map(bytes -> Path.of(new String(bytes, StandardCharsets.UTF_8)));
  }

  /** A command arrived. Any thread; carried out at the next tick. */
  public void received(Command command) {
    inbox.add(command);
  }

  /** Counters since start; any thread. */
  public Stats stats() {
    return stats;
  }

  /**
   * Carries out the commands received since the last tick (and carries the results of ticks not saved); the batch
   * goes into this tick's commit.
   *
   * @throws EdgeStoreException when the command records cannot be read
   */
  public Batch process(long tick, long nowMillis, Device device) throws EdgeStoreException {
    Batch batch = unsaved;
    unsaved = Batch.empty();
    for (Command command = inbox.poll(); command != null; command = inbox.poll()) {
      long id = command.commandId();
      Optional<EdgeCommandRecord> recorded = Optional.ofNullable(batch.records().get(id));
      if (recorded.isEmpty()) {
        recorded = store.command(id);
      }
      if (recorded.isPresent()) {
        LOG.info("command {} again: re-acknowledged as {} (not carried out twice)", id, recorded.get().status());
        batch.acks().add(ack(id, recorded.get().status(), recorded.get().detail(), nowMillis));
        count(0, 0, 0, 1);
        continue;
      }
      batch.acks().add(ack(id, CommandStatus.ACCEPTED, "", nowMillis));
      Outcome outcome = execute(command, tick, device);
      String action = command.action() instanceof ModelUpdate ? "model-update" : "profile-override";
      EdgeCommandRecord record = new EdgeCommandRecord(id, outcome.status(), fit(outcome.detail()), action);
      if (outcome.status() == CommandStatus.APPLIED) {
        LOG.info("command {} ({}): {} {}", id, action, outcome.status(), outcome.detail());
      } else {
        LOG.warn("command {} ({}): {} {}", id, action, outcome.status(), outcome.detail());
      }
      batch.records().put(id, record);
      batch.acks().add(ack(id, outcome.status(), record.detail(), nowMillis));
      batch.writes().addAll(outcome.writes());
      batch = outcome.resetAgents() ? batch.withReset() : batch;
      count(outcome.status() == CommandStatus.APPLIED ? 1 : 0, outcome.status() == CommandStatus.REJECTED ? 1 : 0,
          outcome.status() == CommandStatus.FAILED ? 1 : 0, 0);
    }
    return batch;
  }

  /** The batch's tick was not saved: its records, acks and state go with the next commit. */
  public void notCommitted(Batch batch) {
    unsaved = batch;
  }

  private Outcome execute(Command command, long tick, Device device) {
    if (command.action() instanceof ModelUpdate update) {
      return updateModel(command.commandId(), update, tick, device);
    }
    return override(command.commandId(), (ProfileOverride) command.action(), device);
  }

  private Outcome updateModel(long id, ModelUpdate update, long tick, Device device) {
    String name = update.modelName();
    byte[] bytes = update.model();
    String json;
    try {
      json = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      return Outcome.of(CommandStatus.REJECTED, "model '" + name + "' is not UTF-8 text: " + e.getMessage());
    }
    GenerativeModel next;
    try {
      next = ModelJson.parse(json, "model '" + name + "'");
    } catch (ModelInputException e) {
      return Outcome.of(CommandStatus.REJECTED, "model file invalid: " + e.getMessage());
    }
    String misfit = misfit(device.model(), next);
    if (misfit != null) {
      return Outcome.of(CommandStatus.REJECTED, "model '" + name + "' does not fit the device's sensors and "
          + "actuators: " + misfit);
    }
    Path file = modelDir.resolve("command-" + id + ".json");
    try {
      writeDurably(file, bytes);
    } catch (IOException e) {
      return Outcome.of(CommandStatus.FAILED, "cannot store model '" + name + "' as " + file + ": " + e);
    }
    List<Integer> before = numStates(device.model());
    boolean kept;
    try {
      kept = device.switchModel(next);
    } catch (RuntimeException e) {
      LOG.error("switching to model '{}' failed", name, e);
      return Outcome.of(CommandStatus.FAILED, "switching to model '" + name + "' failed, the previous model runs on: "
          + e.getMessage());
    }
    String detail = "model '" + name + "' runs from tick " + tick + "; " + (kept
        ? "beliefs kept (same state space " + before + ")"
        : "agents restarted at its D (state space " + before + " -> " + numStates(next) + ")");
    return new Outcome(CommandStatus.APPLIED, detail, List.of(new EdgeStateWrite(MODEL_FILE_STATE,
        file.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8))), !kept);
  }

  private Outcome override(long id, ProfileOverride override, Device device) {
    if (!override.profileId().equals(device.profileId())) {
      return Outcome.of(CommandStatus.REJECTED, "override names profile '" + override.profileId() + "' but the "
          + "device runs '" + device.profileId() + "': another profile needs a restart with --profile "
          + override.profileId());
    }
    EdgeProfileOverrides.Settings next;
    try {
      next = EdgeProfileOverrides.apply(device.settings(), override.settings());
    } catch (IllegalArgumentException e) {
      return Outcome.of(CommandStatus.REJECTED, e.getMessage());
    }
    device.applySettings(next);
    overrides.putAll(override.settings());
    StringBuilder applied = new StringBuilder("applied");
    override.settings().forEach((key, value) -> applied.append(' ').append(key).append('=').append(value));
    return new Outcome(CommandStatus.APPLIED, applied.toString(),
        List.of(new EdgeStateWrite(OVERRIDES_STATE, EdgeProfileOverrides.encode(overrides))), false);
  }

  /** Why {@code next} cannot replace {@code current} on the same sensors and actuators, or null. */
  public static String misfit(GenerativeModel current, GenerativeModel next) {
    List<String> problems = new ArrayList<>();
    if (!numObs(current).equals(numObs(next))) {
      problems.add("outcomes per modality " + numObs(next) + " instead of " + numObs(current));
    }
    if (!numControls(current).equals(numControls(next))) {
      problems.add("controls per factor " + numControls(next) + " instead of " + numControls(current));
    }
    return problems.isEmpty() ? null : String.join("; ", problems);
  }

  static List<Integer> numStates(GenerativeModel model) {
    List<Integer> sizes = new ArrayList<>();
    for (int f = 0; f < model.numFactors(); f++) {
      sizes.add(model.numStates(f));
    }
    return sizes;
  }

  private static List<Integer> numObs(GenerativeModel model) {
    List<Integer> sizes = new ArrayList<>();
    for (int m = 0; m < model.numModalities(); m++) {
      sizes.add(model.numObs(m));
    }
    return sizes;
  }

  private static List<Integer> numControls(GenerativeModel model) {
    List<Integer> sizes = new ArrayList<>();
    for (int f = 0; f < model.numFactors(); f++) {
      sizes.add(model.numControls(f));
    }
    return sizes;
  }

  /** Writes the file next to its place, syncs it, and moves it there atomically. */
  private static void writeDurably(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private EdgeOutgoing ack(long id, CommandStatus status, String detail, long nowMillis) {
    return new EdgeOutgoing(ACK_KIND, WireCodec.encode(new CommandAck(new MessageHeader(store.deviceId(), 0,
        nowMillis), id, status, fit(detail))), priority);
  }

  /** The detail cut to the ack's {@value CommandAck#MAX_DETAIL_BYTES} UTF-8 bytes (on a character boundary). */
  static String fit(String detail) {
    if (detail.getBytes(StandardCharsets.UTF_8).length <= CommandAck.MAX_DETAIL_BYTES) {
      return detail;
    }
    String cut = detail;
    while (cut.getBytes(StandardCharsets.UTF_8).length > CommandAck.MAX_DETAIL_BYTES - 3) {
      cut = cut.substring(0, cut.offsetByCodePoints(0, cut.codePointCount(0, cut.length()) - 1));
    }
    return cut + "...";
  }

  private void count(int applied, int rejected, int failed, int repeated) {
    Stats s = stats;
    stats = new Stats(s.received() + 1, s.applied() + applied, s.rejected() + rejected, s.failed() + failed,
        s.repeated() + repeated);
  }

  private record Outcome(CommandStatus status, String detail, List<EdgeStateWrite> writes, boolean resetAgents) {
    static Outcome of(CommandStatus status, String detail) {
      return new Outcome(status, detail, List.of(), false);
    }
  }

  /**
   * What a tick's commands add to its commit: the command records by id, the acks to spool, sync state writes, and
   * whether the stored checkpoints must be cleared (a model with another state space).
   */
  public record Batch(Map<Long, EdgeCommandRecord> records, List<EdgeOutgoing> acks, List<EdgeStateWrite> writes,
      boolean resetAgents) {
    static Batch empty() {
      return new Batch(new LinkedHashMap<>(), new ArrayList<>(), new ArrayList<>(), false);
    }

    Batch withReset() {
      return new Batch(records, acks, writes, true);
    }

    public boolean isEmpty() {
      return records.isEmpty() && acks.isEmpty() && writes.isEmpty();
    }
  }

  /** Commands received, applied, rejected, failed, and repeated (re-acknowledged only). */
  public record Stats(long received, long applied, long rejected, long failed, long repeated) {}
}
