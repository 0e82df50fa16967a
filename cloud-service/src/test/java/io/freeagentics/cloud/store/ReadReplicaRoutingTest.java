package io.freeagentics.cloud.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.freeagentics.cloud.twin.DeviceKey;
import io.freeagentics.cloud.twin.DeviceReportStore;
import io.freeagentics.cloud.twin.TwinService;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The routing inside the service: with {@code datasources.replica} set to a second H2 database (migrated by Flyway
 * too, so both have the schema but not the same rows), writes land on the primary and the API's read-only
 * transactions read the replica, while reads inside a write transaction see the primary.
 */
@MicronautTest(environments = "apitest", transactional = false)
@Property(name = "datasources.replica.url",
    value = "jdbc:h2:mem:fa-replica-routing;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1")
@Property(name = "datasources.replica.username", value = "sa")
@Property(name = "datasources.replica.password", value = "")
@Property(name = "flyway.datasources.replica.enabled", value = "true")
class ReadReplicaRoutingTest {
  @Inject
  DeviceReportStore writes;

  @Inject
  TwinService reads;

  @Inject
  RoutingProbe probe;

  @Test
  void readOnlyTransactionsReadTheReplicaAndWritesGoToThePrimary() {
    writes.register(new DeviceKey("routed", "device-1"), Instant.now());

    assertThat(probe.devicesInWriteTransaction("routed")).isEqualTo(1);
    assertThat(probe.devicesInReadOnlyTransaction("routed")).isZero();
    // The API's reads are read-only: the device is not on the replica (nothing replicates between the two H2s).
    assertThat(reads.fleets("", 10)).isEmpty();

    probe.insertOnReplica("routed", "replica-only");
    assertThat(probe.devicesInReadOnlyTransaction("routed")).isEqualTo(1);
    assertThat(reads.fleets("", 10)).singleElement().satisfies(f -> assertThat(f.fleet()).isEqualTo("routed"));
    assertThat(probe.readOnlyDatabaseName()).containsIgnoringCase("fa-replica-routing");
    assertThat(probe.writeDatabaseName()).doesNotContainIgnoringCase("fa-replica-routing");
  }
}
