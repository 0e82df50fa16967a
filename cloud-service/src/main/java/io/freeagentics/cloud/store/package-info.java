/**
 * Persistence of fleets, devices, twins, commands and API users (Micronaut Data JDBC over a Hikari pool; schema by
 * Flyway, {@code db/migration/V1__fleet.sql}), and the routing of read-only transactions to a read replica
 * ({@link io.freeagentics.cloud.store.ReadReplicaRouting}). H2 (PostgreSQL mode) is the embedded default,
 * PostgreSQL the production database; every statement here runs on both.
 */
package io.freeagentics.cloud.store;
