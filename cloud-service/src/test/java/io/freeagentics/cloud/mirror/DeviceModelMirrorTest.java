package io.freeagentics.cloud.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import io.freeagentics.cloud.ingest.DeviceReports;
import io.freeagentics.cloud.twin.CommandService;
import io.freeagentics.cloud.twin.CommandView;
import io.freeagentics.cloud.twin.DeviceKey;
import io.freeagentics.cloud.twin.ModelRef;
import io.freeagentics.model.BuiltInModels;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.model.json.ModelJson;
import io.freeagentics.wire.CommandAck;
import io.freeagentics.wire.CommandStatus;
import io.freeagentics.wire.MessageHeader;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The service's mirror follows a model update: a command sent through the command service, the device's APPLIED
 * acknowledgement through the registry, then the device's next beliefs are mirrored with the new model.
 */
@MicronautTest(environments = "apitest", transactional = false)
class DeviceModelMirrorTest {
  /** Unique per run: with FA_REDIS_URI set, Redis keeps entries of earlier runs' databases. */
  private static final String FLEET = "mirror-models-" + java.util.UUID.randomUUID();

  @Inject
  DeviceReports reports;

  @Inject
  CommandService commands;

  @Inject
  MirrorModels models;

  @Inject
  PopulationMirror mirror;

  @Inject
  io.micrometer.core.instrument.MeterRegistry meters;

  private long modelUpdate(String device, String name, long version, GenerativeModel model, CommandStatus status) {
    CommandView sent = commands.sendModelUpdate(new DeviceKey(FLEET, device), new ModelRef(name, version),
        ModelJson.write(model).getBytes(StandardCharsets.UTF_8), "test");
    reports.commandAck(FLEET, device, new CommandAck(new MessageHeader(device, 1, System.currentTimeMillis()),
        sent.id(), status, ""), System.currentTimeMillis());
    return sent.id();
  }

  @Test
  void aDeviceIsMirroredWithTheModelItAppliedFromItsNextBeliefs() throws Exception {
    assertThat(models).isInstanceOf(TwinMirrorModels.class);
    long now = System.currentTimeMillis();
    reports.seen(FLEET, "dev-1", now);
    reports.seen(FLEET, "dev-2", now);
    mirror.stored(java.util.List.of(MirrorFixtures.stored(FLEET, "dev-1", 1, MirrorFixtures.beliefs(25, 10, 1))));
    assertThat(mirror.awaitIdle(30_000)).isTrue();
    GenerativeModel configured = mirror.model(FLEET, "dev-1").orElseThrow();
    assertThat(configured.name()).isEqualTo("grid:5");
    assertThat(mirror.agents(FLEET, "dev-1")).hasSize(10);

    // Rejected: the device still runs its model.
    modelUpdate("dev-1", "grid3", 4, BuiltInModels.grid(3), CommandStatus.REJECTED);
    assertThat(models.model(FLEET, "dev-1")).containsSame(configured);
    assertThat(mirror.agents(FLEET, "dev-1")).hasSize(10);

    modelUpdate("dev-1", "grid3", 4, BuiltInModels.grid(3), CommandStatus.APPLIED);
    GenerativeModel grid3 = models.model(FLEET, "dev-1").orElseThrow();
    assertThat(grid3.numStates()).containsExactly(9);
    assertThat(mirror.agents(FLEET, "dev-1")).isEmpty();
    long changes = mirror.stats().modelChanges();

    mirror.stored(java.util.List.of(MirrorFixtures.stored(FLEET, "dev-1", 2, MirrorFixtures.beliefs(9, 10, 2))));
    assertThat(mirror.awaitIdle(30_000)).isTrue();
    assertThat(mirror.agents(FLEET, "dev-1")).hasSize(10).allMatch(a -> a.beliefs().get(0).length == 9);
    assertThat(mirror.model(FLEET, "dev-1")).containsSame(grid3);
    assertThat(mirror.stats().modelChanges()).isEqualTo(changes + 1);
    float[] q = mirror.agent(FLEET, "dev-1", 3).orElseThrow().beliefs().get(0);
    assertThat(mirror.predict(FLEET, "dev-1", 3).orElseThrow().outcomes().get(0))
        .containsExactly(MirrorFixtures.expectedOutcomes(grid3, q), org.assertj.core.data.Offset.offset(1e-12));

    // Another device applying the same model (name and version), through its own command, shares the instance.
    modelUpdate("dev-2", "grid3", 4, BuiltInModels.grid(3), CommandStatus.APPLIED);
    assertThat(models.model(FLEET, "dev-2")).containsSame(grid3);
  }

  private double appliedModelLoads() {
    return meters.get("fa.cache.gets").tag("cache", io.freeagentics.cloud.twin.AppliedModels.CACHE)
        .tag("result", "load").functionCounter().count();
  }

  @Test
  void devicesOnOneModelShareOneInstanceAndRepeatedCallsStayInMemory() {
    int devices = 2000;
    long now = System.currentTimeMillis();
    byte[] json = ModelJson.write(BuiltInModels.grid(4)).getBytes(StandardCharsets.UTF_8);
    for (int d = 0; d < devices; d++) {
      String device = "many-" + d;
      reports.seen(FLEET, device, now);
      CommandView sent = commands.sendModelUpdate(new DeviceKey(FLEET, device), new ModelRef("grid4", 1L), json,
          "test");
      reports.commandAck(FLEET, device, new CommandAck(new MessageHeader(device, 1, now), sent.id(),
          CommandStatus.APPLIED, ""), now);
    }
    TwinMirrorModels twinModels = (TwinMirrorModels) models;
    long readsBefore = twinModels.reads();
    GenerativeModel first = models.model(FLEET, "many-0").orElseThrow();
    for (int d = 0; d < devices; d++) {
      assertThat(models.model(FLEET, "many-" + d)).containsSame(first);
    }
    assertThat(twinModels.reads() - readsBefore).as("one model file read for all devices").isEqualTo(1);

    double loads = appliedModelLoads();
    String[] ids = new String[devices];
    for (int d = 0; d < devices; d++) {
      ids[d] = "many-" + d;
    }
    int rounds = 50;
    long nanos = 0;
    // The first half warms the JIT up; the second is timed (printed, not asserted).
    for (int r = 0; r < 2 * rounds; r++) {
      long start = System.nanoTime();
      for (String id : ids) {
        models.model(FLEET, id);
      }
      nanos += r < rounds ? 0 : System.nanoTime() - start;
    }
    assertThat(appliedModelLoads()).as("no database read once cached").isEqualTo(loads);
    System.out.printf("TwinMirrorModels.model(): %.0f ns per call (%d devices x %d rounds after %d warm-up"
        + " rounds, cached)%n", (double) nanos / (rounds * devices), devices, rounds, rounds);
  }
}
