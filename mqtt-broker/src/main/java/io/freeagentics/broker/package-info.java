/**
 * The embedded MQTT broker of the zero-configuration setup: HiveMQ CE embedded, run as its own JVM so that its
 * Netty, Jackson, RocksDB and logback never share a classpath with the cloud service.
 *
 * <p>{@link io.freeagentics.broker.EmbeddedBrokerProcess} is the JDK-only launcher other modules use
 * ({@code EmbeddedBrokerProcess.start(port, dataDir, logFile)}); {@link io.freeagentics.broker.BrokerMain} is the
 * child's main class and the {@code ./fa broker} command. docs/mqtt-broker.md explains the choice of broker.
 */
package io.freeagentics.broker;
