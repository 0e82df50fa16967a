package io.freeagentics.cloud.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.freeagentics.cloud.beliefs.AgentBeliefView;
import io.freeagentics.cloud.beliefs.BeliefQueries;
import io.freeagentics.cloud.ingest.IngestStats;
import io.freeagentics.cloud.mirror.PopulationMirror;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The ingest's beans in the service's context: the V2 migration runs under Flyway after V1, the settings bind with
 * their defaults, the belief queries run in Micronaut's read-only transactions, and the mirror is told about
 * stored beliefs.
 */
@MicronautTest(environments = "apitest", transactional = false)
class IngestContextTest {
  @Inject
  ApplicationContext context;

  @Inject
  @Named("default")
  DataSource dataSource;

  @Inject
  BeliefQueries queries;

  @Inject
  PopulationMirror mirror;

  @Test
  void storesThroughThePipelineAndReadsThroughTheQueryBean() throws Exception {
    assertThat(context.containsBean(MqttIngest.class)).isFalse();
    IngestSettings settings = context.getBean(IngestSettings.class);
    assertThat(settings.clients()).isEqualTo(4);
    assertThat(settings.writers()).isEqualTo(2);
    assertThat(settings.fleet()).isEqualTo("+");
    assertThat(settings.clientId()).startsWith("fa-ingest-");
    MqttSettings mqtt = context.getBean(MqttSettings.class);
    assertThat(mqtt.uri()).isEqualTo("tcp://127.0.0.1:1883");
    assertThat(mqtt.sharedGroup()).isEqualTo("fa-cloud");

    List<String> acks = new ArrayList<>();
    IngestPipeline pipeline = new IngestPipeline(MqttIngest.unwrap(dataSource), new RecordingDeviceReports(),
        (fleet, device, sequence) -> acks.add(device + " " + sequence), new IngestStats(), new DedupeWindow(8, 10),
        new BaseCache(2, 1 << 20), List.of(mirror), System::currentTimeMillis);
    pipeline.process(List.of(BeliefFixtures.inbound("ctx", "dev-1", "beliefs",
        BeliefFixtures.snapshot("dev-1", 3, 1, BeliefFixtures.grid(25, 5)), new ArrayList<>())));

    assertThat(acks).containsExactly("dev-1 3");
    List<AgentBeliefView> latest = queries.latest("ctx", "dev-1");
    assertThat(latest).hasSize(25).allMatch(view -> view.tick() == 5 && view.sequence() == 3);
    assertThat(queries.latest("ctx", "dev-1", 24)).isPresent();
    assertThat(queries.history("ctx", "dev-1", 24, 0, 10, 5)).hasSize(1);
    assertThat(mirror.awaitIdle(30_000)).isTrue();
    assertThat(mirror.agents("ctx", "dev-1")).hasSize(25);
    assertThat(context.getBean(IngestEndpoint.class).stats().persisted()).isZero();
  }
}
