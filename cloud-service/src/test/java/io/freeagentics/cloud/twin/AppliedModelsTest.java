package io.freeagentics.cloud.twin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freeagentics.cloud.ingest.DeviceReports;
import io.freeagentics.model.BuiltInModels;
import io.freeagentics.model.json.ModelJson;
import io.freeagentics.wire.CommandAck;
import io.freeagentics.wire.CommandStatus;
import io.freeagentics.wire.MessageHeader;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The model each device acknowledged as applied, as the registry's acknowledgements change it. */
@MicronautTest(environments = "apitest", transactional = false)
class AppliedModelsTest {
  /** Unique per run: with FA_REDIS_URI set, Redis keeps entries of earlier runs' databases. */
  private static final String FLEET = "applied-" + java.util.UUID.randomUUID();

  @Inject
  AppliedModels applied;

  @Inject
  DeviceReports reports;

  @Inject
  CommandService commands;

  private void ack(String device, long command, CommandStatus status) {
    reports.commandAck(FLEET, device, new CommandAck(new MessageHeader(device, 1, System.currentTimeMillis()),
        command, status, ""), System.currentTimeMillis());
  }

  @Test
  void aDeviceAppliedTheModelOfItsLatestAppliedModelUpdate() {
    DeviceKey key = new DeviceKey(FLEET, "dev-1");
    assertThat(applied.applied(key)).as("never seen").isEmpty();
    reports.seen(FLEET, "dev-1", System.currentTimeMillis());
    assertThat(applied.applied(key)).isEmpty();

    String model = ModelJson.write(BuiltInModels.grid(3));
    long first = commands.sendModelUpdate(key, new ModelRef("grid3", 1L), model.getBytes(StandardCharsets.UTF_8),
        "test").id();
    ack("dev-1", first, CommandStatus.ACCEPTED);
    assertThat(applied.applied(key)).as("accepted, not applied").isEmpty();
    ack("dev-1", first, CommandStatus.APPLIED);
    AppliedModel grid3 = applied.applied(key).orElseThrow();
    assertThat(grid3).isEqualTo(new AppliedModel("grid3", 1L, first));
    assertThat(applied.modelJson(grid3)).contains(model);

    long profile = commands.sendProfileOverride(key, new ProfileRef("pi4", Map.of("tickMinMs", "500")), "test")
        .id();
    ack("dev-1", profile, CommandStatus.APPLIED);
    assertThat(applied.applied(key)).contains(grid3);

    long second = commands.sendModelUpdate(key, new ModelRef("grid4", 2L),
        ModelJson.write(BuiltInModels.grid(4)).getBytes(StandardCharsets.UTF_8), "test").id();
    ack("dev-1", second, CommandStatus.APPLIED);
    assertThat(applied.applied(key)).contains(new AppliedModel("grid4", 2L, second));
    assertThat(applied.modelJson(new AppliedModel("gone", 1L, 987_654_321L))).isEmpty();
  }

  @Test
  void theRedisFormOfAnEntryReadsBackAndRefusesOtherBytes() throws IOException {
    AppliedModel model = new AppliedModel("a name\nwith a line break", 3L, 42);
    assertThat(AppliedModels.decode(AppliedModels.encode(model))).isEqualTo(model);
    AppliedModel unversioned = new AppliedModel("m", null, 7);
    assertThat(AppliedModels.decode(AppliedModels.encode(unversioned))).isEqualTo(unversioned);
    assertThat(AppliedModels.decode(AppliedModels.encode(null))).isNull();
    assertThatThrownBy(() -> AppliedModels.decode("x\n1\nm".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> AppliedModels.decode("{}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IOException.class);
  }
}
