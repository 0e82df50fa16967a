package io.freeagentics.cloud.store;

import io.micronaut.context.BeanLocator;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.inject.qualifiers.Qualifiers;
import jakarta.inject.Singleton;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends read-only transactions to the read replica: when {@code datasources.replica} is configured, the default
 * data source is wrapped in a {@link ReadReplicaRoutingDataSource} whose connections open on the replica when the
 * transaction marked them read-only ({@code @ReadOnly}, {@code @Transactional(readOnly = true)}) before their first
 * statement, and on the primary otherwise. Micronaut Data has no such routing of its own. Without a replica nothing
 * is wrapped and every transaction uses the default data source directly.
 */
@Singleton
@Requires(property = ReadReplicaRouting.REPLICA_URL)
public final class ReadReplicaRouting implements BeanCreatedEventListener<DataSource> {
  /** The property that enables the routing. */
  public static final String REPLICA_URL = "datasources.replica.url";
  /** The name of the replica's data source ({@code datasources.replica}). */
  public static final String REPLICA = "replica";

  private static final Logger LOG = LoggerFactory.getLogger(ReadReplicaRouting.class);

  private final BeanLocator beans;

  ReadReplicaRouting(BeanLocator beans) {
    this.beans = beans;
  }

  @Override
  public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
    if (!"default".equals(event.getBeanIdentifier().getName())) {
      return event.getBean();
    }
    LOG.info("Read replica configured: read-only transactions use datasources.replica, the others the primary");
    DataSource primary = DelegatingDataSource.unwrapDataSource(event.getBean());
    return new ReadReplicaRoutingDataSource(primary,
        () -> DelegatingDataSource.unwrapDataSource(beans.getBean(DataSource.class, Qualifiers.byName(REPLICA))));
  }
}
