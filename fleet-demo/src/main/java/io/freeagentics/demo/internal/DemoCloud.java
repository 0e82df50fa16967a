package io.freeagentics.demo.internal;

import io.freeagentics.cloud.CloudApplication;
import io.freeagentics.cloud.ingest.IngestStats;
import io.freeagentics.cloud.ingest.IngestStatsSnapshot;
import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The cloud service, started in the demo's JVM on embedded defaults (H2 under the run's folder) and connected to the
 * demo's broker: the same application {@code ./fa cloud} runs, configured through properties only.
 */
public final class DemoCloud implements AutoCloseable {
  private final ApplicationContext context;
  private final EmbeddedServer server;

  private DemoCloud(ApplicationContext context, EmbeddedServer server) {
    this.context = context;
    this.server = server;
  }

  /**
   * Starts the service with its data in {@code dataDir}, ingesting from {@code mqttUri} and mirroring agents of
   * {@code model}, HTTP on a free port.
   */
  public static DemoCloud start(Path dataDir, String mqttUri, String model) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("fa.data-dir", dataDir.toAbsolutePath().toString());
    properties.put("fa.mqtt.uri", mqttUri);
    properties.put("fa.ingest.client-id", "fa-demo-cloud");
    properties.put("fa.mirror.model", model);
    properties.put("micronaut.server.port", -1);
    ApplicationContext context = ApplicationContext.builder(CloudApplication.class).properties(properties)
        .deduceEnvironment(false).start();
    EmbeddedServer server = context.getBean(EmbeddedServer.class);
    if (!server.isRunning()) {
      server.start();
    }
    return new DemoCloud(context, server);
  }

  /** The REST API's base address, e.g. {@code http://localhost:41234}. */
  public String url() {
    return server.getURL().toString();
  }

  public IngestStatsSnapshot stats() {
    return context.getBean(IngestStats.class).snapshot();
  }

  /**
   * The service's primary data source, to count what it stored: the pool itself, not the transaction-bound proxy
   * the service's own code uses.
   */
  public DataSource dataSource() {
    DataSource bound = context.getBean(DataSource.class, Qualifiers.byName("default"));
    return context.findBean(DataSourceResolver.class).map(resolver -> resolver.resolve(bound)).orElse(bound);
  }

  @Override
  public void close() {
    context.close();
  }
}
