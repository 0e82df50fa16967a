package io.freeagentics.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.freeagentics.edge.internal.EdgeCommandHandler;
import io.freeagentics.model.BuiltInModels;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.model.ModelInputException;
import io.freeagentics.model.json.ModelJson;
import io.freeagentics.profiles.Engine;
import io.freeagentics.wire.Command;
import io.freeagentics.wire.CommandAck;
import io.freeagentics.wire.CommandAction;
import io.freeagentics.wire.CommandStatus;
import io.freeagentics.wire.MessageHeader;
import io.freeagentics.wire.ModelUpdate;
import io.freeagentics.wire.ProfileOverride;
import io.freeagentics.wire.WireCodec;
import io.freeagentics.wire.WireFormatException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Down-link commands through the runtime: each is acknowledged ACCEPTED then APPLIED / REJECTED with the reason, a
 * repeated command id (also after a restart) is re-acknowledged with its recorded status and not carried out again,
 * a model update is validated, stored and used again after a restart, an override applies only known keys.
 */
class EdgeCommandHandlingTest {
  private static final int AGENTS = 4;
  private static final GenerativeModel MODEL = BuiltInModels.grid(3);

  @TempDir
  Path dir;

  private final List<CommandAck> acks = new ArrayList<>();

  private EdgeStateStore open() throws Exception {
    return EdgeStateStore.open(dir.resolve("edge.db"), EdgeStoreConfig.defaults(), "dev-cmd");
  }

  private EdgeRuntime runtime(EdgeStateStore store) throws Exception {
    return new EdgeRuntime(new EdgeRuntimeConfig(AGENTS, 0, Engine.FLOAT, 1, 3, false, 60_000),
        EdgeUplinkConfig.defaults("sim"), MODEL, store, new EdgeSimulatedIo(MODEL, AGENTS, 3), EdgeTestPower.MAINS,
        new EdgeTickPolicy(1, 1000), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  private static void send(EdgeRuntime runtime, long id, CommandAction action) {
    runtime.inbound().arrived("fa/v1/f/dev-cmd/command",
        WireCodec.encode(new Command(new MessageHeader("dev-cmd", 1, 1), id, action)));
  }

  /** Acks spooled since the last call, in outbox order (they are delivered by the sync; here read and removed). */
  private List<CommandAck> newAcks(EdgeStateStore store) throws Exception {
    List<CommandAck> found = new ArrayList<>();
    for (EdgeOutboxMessage message : store.pending(1000)) {
      if (message.topic().equals(EdgeCommandHandler.ACK_KIND)) {
        found.add(decodeAck(message.payload()));
        store.acknowledge(message.id());
      }
    }
    acks.addAll(found);
    return found;
  }

  private static CommandAck decodeAck(byte[] frame) throws WireFormatException {
    return (CommandAck) WireCodec.decode(frame);
  }

  private static ProfileOverride override(String profile, String... keyValues) {
    TreeMap<String, String> settings = new TreeMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      settings.put(keyValues[i], keyValues[i + 1]);
    }
    return new ProfileOverride(profile, settings);
  }

  @Test
  void eachCommandIsAcceptedThenAppliedOrRejectedWithItsReason() throws Exception {
    String broken = "{\"num_states\": [2], \"num_obs\": [2], \"A\": [[[0.5, 0.5]]]}";
    String expectedProblem;
    try {
      ModelJson.parse(broken, "model 'broken'");
      throw new AssertionError("the broken model parsed");
    } catch (ModelInputException e) {
      expectedProblem = e.getMessage();
    }
    try (EdgeStateStore store = open(); EdgeRuntime runtime = runtime(store)) {
      runtime.begin();
      send(runtime, 1, new ModelUpdate("broken", broken.getBytes(StandardCharsets.UTF_8)));
      send(runtime, 2, override("sim", "fooBar", "1"));
      send(runtime, 3, override("sim", "tickMinMs", "5", "telemetryEverySeconds", "2"));
      send(runtime, 4, override("rpi-5", "tickMinMs", "5"));
      send(runtime, 5, override("sim", "tickMinMs", "five"));
      send(runtime, 6, new ModelUpdate("bigger grid", ModelJson.write(BuiltInModels.grid(4))
          .getBytes(StandardCharsets.UTF_8)));
      runtime.tick();
      List<CommandAck> found = newAcks(store);
      assertThat(found).extracting(CommandAck::commandId).containsExactly(1L, 1L, 2L, 2L, 3L, 3L, 4L, 4L, 5L, 5L, 6L,
          6L);
      assertThat(found).extracting(CommandAck::status).containsExactly(CommandStatus.ACCEPTED,
          CommandStatus.REJECTED, CommandStatus.ACCEPTED, CommandStatus.REJECTED, CommandStatus.ACCEPTED,
          CommandStatus.APPLIED, CommandStatus.ACCEPTED, CommandStatus.REJECTED, CommandStatus.ACCEPTED,
          CommandStatus.REJECTED, CommandStatus.ACCEPTED, CommandStatus.REJECTED);
      String expectedDetail = "model file invalid: " + expectedProblem;
      assertThat(expectedDetail).startsWith(found.get(1).detail().replaceAll("\\.\\.\\.$", ""));
      assertThat(found.get(1).detail()).contains("model 'broken'");
      assertThat(found.get(3).detail()).contains("unknown setting 'fooBar'", "tickMinMs");
      assertThat(found.get(5).detail()).isEqualTo("applied telemetryEverySeconds=2 tickMinMs=5");
      assertThat(found.get(7).detail()).contains("'rpi-5'", "'sim'");
      assertThat(found.get(9).detail()).contains("'tickMinMs'", "'five'");
      assertThat(found.get(11).detail()).contains("does not fit", "outcomes per modality [16] instead of [9]");
      assertThat(store.command(3)).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(CommandStatus.APPLIED));
      assertThat(runtime.commandStats().applied()).isEqualTo(1);
      assertThat(runtime.commandStats().rejected()).isEqualTo(5);
      runtime.finish();
    }
  }

  @Test
  void aRepeatedCommandIsReacknowledgedAndNeverAppliedTwiceAlsoAfterARestart() throws Exception {
    try (EdgeStateStore store = open(); EdgeRuntime runtime = runtime(store)) {
      runtime.begin();
      send(runtime, 7, override("sim", "tickMinMs", "5"));
      send(runtime, 7, override("sim", "tickMinMs", "6"));
      runtime.tick();
      send(runtime, 7, override("sim", "tickMinMs", "8"));
      runtime.tick();
      runtime.finish();
      assertThat(newAcks(store)).extracting(CommandAck::status).containsExactly(CommandStatus.ACCEPTED,
          CommandStatus.APPLIED, CommandStatus.APPLIED, CommandStatus.APPLIED);
    }
    try (EdgeStateStore store = open(); EdgeRuntime runtime = runtime(store)) {
      runtime.begin();
      send(runtime, 7, override("sim", "tickMinMs", "9"));
      runtime.tick();
      runtime.finish();
      List<CommandAck> again = newAcks(store);
      assertThat(again).extracting(CommandAck::status).containsExactly(CommandStatus.APPLIED);
      assertThat(again.get(0).detail()).isEqualTo("applied tickMinMs=5");
      assertThat(new String(store.state(EdgeCommandHandler.OVERRIDES_STATE).orElseThrow(), StandardCharsets.UTF_8))
          .isEqualTo("tickMinMs=5\n");
      assertThat(runtime.commandStats().applied()).isZero();
      assertThat(runtime.commandStats().repeated()).isEqualTo(1);
    }
  }

  @Test
  void aModelUpdateIsStoredAppliedAtATickBoundaryAndUsedAfterARestart() throws Exception {
    GenerativeModel noisier = BuiltInModels.grid(3, 0.3);
    try (EdgeStateStore store = open(); EdgeRuntime runtime = runtime(store)) {
      runtime.begin();
      runtime.tick();
      runtime.tick();
      send(runtime, 11, new ModelUpdate("grid3-noisy", ModelJson.write(noisier).getBytes(StandardCharsets.UTF_8)));
      runtime.tick();
      runtime.finish();
      List<CommandAck> found = newAcks(store);
      assertThat(found).extracting(CommandAck::status).containsExactly(CommandStatus.ACCEPTED, CommandStatus.APPLIED);
      assertThat(found.get(1).detail()).isEqualTo("model 'grid3-noisy' runs from tick 2; beliefs kept (same state "
          + "space [9])");
      Path stored = EdgeCommandHandler.storedModelFile(store).orElseThrow();
      assertThat(stored).isEqualTo(dir.resolve("models/command-11.json").toAbsolutePath());
      assertThat(ModelJson.write(ModelJson.read(stored))).isEqualTo(ModelJson.write(noisier));
      assertThat(store.checkpoints()).hasSize(AGENTS);
      assertThat(store.checkpoints().get(0).steps()).as("the agents went on: 3 updates").isEqualTo(3);
    }
    try (EdgeStateStore store = open(); EdgeRuntime runtime = runtime(store)) {
      assertThat(Files.exists(dir.resolve("models/command-11.json"))).isTrue();
      runtime.begin();
      runtime.tick();
      runtime.finish();
      assertThat(store.checkpoints().get(0).steps()).isEqualTo(4);
    }
  }

  @Test
  void aCommandWithABadFrameIsDroppedWithoutAnAck() throws Exception {
    try (EdgeStateStore store = open(); EdgeRuntime runtime = runtime(store)) {
      runtime.begin();
      runtime.inbound().arrived("fa/v1/f/dev-cmd/command", new byte[] {(byte) 0xFA, 1, 6, 0});
      runtime.tick();
      runtime.finish();
      assertThat(newAcks(store)).isEmpty();
      assertThat(runtime.commandStats().received()).isZero();
    }
  }

  /** 10 hidden states seen through the grid's 9 outcomes and moved by its 5 controls: the same I/O, another space. */
  private static GenerativeModel tenStates() throws ModelInputException {
    double[] a = new double[9 * 10];
    java.util.Arrays.fill(a, 1.0 / 9);
    double[] b = new double[10 * 10 * 5];
    for (int to = 0; to < 10; to++) {
      for (int from = 0; from < 10; from++) {
        for (int u = 0; u < 5; u++) {
          b[(to * 10 + from) * 5 + u] = to == from ? 1 : 0;
        }
      }
    }
    double[] d = new double[10];
    java.util.Arrays.fill(d, 0.1);
    return GenerativeModel.builder(new int[] {10}, new int[] {9}, new int[] {5}).name("ten-states")
        .a(List.of(io.freeagentics.model.Tensor.of(new int[] {9, 10}, a)))
        .b(List.of(io.freeagentics.model.Tensor.of(new int[] {10, 10, 5}, b)))
        .c(List.of(io.freeagentics.model.Tensor.of(new int[] {9}, new double[9])))
        .d(List.of(io.freeagentics.model.Tensor.of(new int[] {10}, d))).build();
  }

  @Test
  void aModelWithAnotherStateSpaceRestartsTheAgentsAtItsDAndStaysAfterARestart() throws Exception {
    try (EdgeStateStore store = open(); EdgeRuntime runtime = runtime(store)) {
      runtime.begin();
      runtime.tick();
      send(runtime, 21, new ModelUpdate("ten", ModelJson.write(tenStates()).getBytes(StandardCharsets.UTF_8)));
      runtime.tick();
      runtime.finish();
      List<CommandAck> found = newAcks(store);
      assertThat(found).extracting(CommandAck::status).containsExactly(CommandStatus.ACCEPTED, CommandStatus.APPLIED);
      assertThat(found.get(1).detail()).isEqualTo("model 'ten' runs from tick 1; agents restarted at its D (state "
          + "space [9] -> [10])");
      assertThat(store.checkpoints()).hasSize(AGENTS).allSatisfy(c -> {
        assertThat(c.beliefs()[0]).hasSize(10);
        assertThat(c.steps()).as("counted from the switch").isEqualTo(1);
      });
      assertThat(store.history(0)).extracting(EdgeHistoryEntry::tick).containsExactly(1L);
      List<io.freeagentics.wire.WireMessage> beliefs = new ArrayList<>();
      for (EdgeOutboxMessage message : store.pending(1000)) {
        if (message.topic().equals(EdgeRuntime.BELIEFS_KIND)) {
          beliefs.add(WireCodec.decode(message.payload()));
        }
      }
      assertThat(beliefs).hasSize(2).allSatisfy(m -> assertThat(m).isInstanceOf(
          io.freeagentics.wire.BeliefSnapshot.class));
      assertThat(((io.freeagentics.wire.BeliefSnapshot) beliefs.get(1)).beliefs().numStates()).containsExactly(10);
    }
    try (EdgeStateStore store = open(); EdgeRuntime runtime = runtime(store)) {
      runtime.begin();
      runtime.tick();
      runtime.finish();
      assertThat(store.checkpoints()).allSatisfy(c -> assertThat(c.steps()).isEqualTo(2));
    }
  }
}
