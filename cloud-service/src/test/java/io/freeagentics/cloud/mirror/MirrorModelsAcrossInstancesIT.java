package io.freeagentics.cloud.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import io.freeagentics.cloud.cache.TestRedis;
import io.freeagentics.cloud.cache.TwoLevelCaches;
import io.freeagentics.cloud.ingest.DeviceReports;
import io.freeagentics.cloud.twin.CommandService;
import io.freeagentics.cloud.twin.DeviceKey;
import io.freeagentics.cloud.twin.ModelRef;
import io.freeagentics.model.BuiltInModels;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.model.json.ModelJson;
import io.freeagentics.wire.CommandAck;
import io.freeagentics.wire.CommandStatus;
import io.freeagentics.wire.MessageHeader;
import io.micronaut.context.ApplicationContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two service instances on one database and the REAL Redis (FA_REDIS_URI, default redis://127.0.0.1:6379; keys
 * under a prefix of this run, deleted afterwards): a model update acknowledged through one instance's registry is
 * used by the other instance's mirror, whose cached answer ("no model update") would otherwise live 10 minutes.
 */
class MirrorModelsAcrossInstancesIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String FLEET = "across";

  private final String prefix = "fa:test:" + UUID.randomUUID() + ":";
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  private ApplicationContext instance(String redisUri, String database) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("fa.db.url", "jdbc:h2:mem:" + database + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    properties.put("fa.redis.uri", redisUri);
    properties.put("fa.cache.key-prefix", prefix);
    // Long enough that only an invalidation, never the TTL, can make an instance see the new model.
    properties.put("fa.mirror.device-models.ttl", "10m");
    ApplicationContext context = ApplicationContext.builder().environments("apitest").properties(properties)
        .start();
    toClose.add(context);
    return context;
  }

  @Test
  void aModelAppliedThroughOneInstanceIsUsedByTheOthersMirror() throws Exception {
    String uri = requireRedis();
    String database = "fa-mirror-it-" + UUID.randomUUID();
    ApplicationContext a = instance(uri, database);
    ApplicationContext b = instance(uri, database);
    TestRedis.await("both instances connected to Redis", WAIT, () -> a.getBean(TwoLevelCaches.class).l2Available()
        && b.getBean(TwoLevelCaches.class).l2Available());

    DeviceReports reportsA = a.getBean(DeviceReports.class);
    long now = System.currentTimeMillis();
    reportsA.seen(FLEET, "dev-1", now);
    MirrorModels modelsB = b.getBean(MirrorModels.class);
    GenerativeModel configured = modelsB.model(FLEET, "dev-1").orElseThrow();
    assertThat(configured.name()).isEqualTo("grid:5");

    long id = a.getBean(CommandService.class).sendModelUpdate(new DeviceKey(FLEET, "dev-1"),
        new ModelRef("grid3", 1L), ModelJson.write(BuiltInModels.grid(3)).getBytes(StandardCharsets.UTF_8), "it")
        .id();
    reportsA.commandAck(FLEET, "dev-1", new CommandAck(new MessageHeader("dev-1", 1, now), id,
        CommandStatus.APPLIED, ""), now + 1);
    assertThat(a.getBean(MirrorModels.class).model(FLEET, "dev-1").orElseThrow().numStates()).containsExactly(9);

    TestRedis.await("b sees the applied model", WAIT,
        () -> modelsB.model(FLEET, "dev-1").orElseThrow().numStates()[0] == 9);
    PopulationMirror mirrorB = b.getBean(PopulationMirror.class);
    mirrorB.stored(List.of(MirrorFixtures.stored(FLEET, "dev-1", 1, MirrorFixtures.beliefs(9, 4, 1))));
    assertThat(mirrorB.awaitIdle(30_000)).isTrue();
    assertThat(mirrorB.agents(FLEET, "dev-1")).hasSize(4).allMatch(agent -> agent.beliefs().get(0).length == 9);
    assertThat(mirrorB.stats().shapeMismatches()).isZero();
  }

  /** The integration Redis ({@link TestRedis#requireUri}); this test's keys are deleted afterwards. */
  private String requireRedis() {
    String uri = TestRedis.requireUri();
    toClose.add(() -> TestRedis.deleteKeys(uri, prefix));
    return uri;
  }
}
