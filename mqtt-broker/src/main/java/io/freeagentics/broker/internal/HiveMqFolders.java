package io.freeagentics.broker.internal;

import io.freeagentics.broker.BrokerPersistence;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folders HiveMQ CE runs from, all under one broker data folder: {@code conf/} (config.xml and logback.xml,
 * rewritten at every start from the host, port and persistence given), {@code data/} (the file persistence:
 * sessions, queued and retained messages, kept across restarts) and {@code extensions/} (empty: no extension is installed, HiveMQ CE
 * then lets every client in, which is what a local development broker wants).
 */
public record HiveMqFolders(Path config, Path data, Path extensions) {

  /** Creates (if missing) the three folders under {@code root} and writes the configuration for host:port. */
  public static HiveMqFolders prepare(Path root, String host, int port, BrokerPersistence persistence)
      throws IOException {
    Path config = Files.createDirectories(root.resolve("conf"));
    Path data = Files.createDirectories(root.resolve("data"));
    Path extensions = Files.createDirectories(root.resolve("extensions"));
    Files.writeString(config.resolve("config.xml"), configXml(host, port, persistence), StandardCharsets.UTF_8);
    Files.writeString(config.resolve("logback.xml"), LOGBACK_XML, StandardCharsets.UTF_8);
    return new HiveMqFolders(config, data, extensions);
  }

  /**
   * HiveMQ's config.xml: one TCP listener, the persistence mode, no usage statistics sent home. Shared
   * subscriptions, retained messages and QoS 2 are on by default.
   */
  static String configXml(String host, int port, BrokerPersistence persistence) {
    return """
        <?xml version="1.0"?>
        <!-- Written by io.freeagentics.broker at every start; edits are overwritten. -->
        <hivemq>
            <listeners>
                <tcp-listener>
                    <port>%d</port>
                    <bind-address>%s</bind-address>
                </tcp-listener>
            </listeners>
            <persistence>
                <mode>%s</mode>
            </persistence>
            <anonymous-usage-statistics>
                <enabled>false</enabled>
            </anonymous-usage-statistics>
        </hivemq>
        """.formatted(port, escapeXml(host), persistence.hivemqMode());
  }

  private static String escapeXml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** Console logging at INFO for HiveMQ's own lines, quieter for its libraries. */
  private static final String LOGBACK_XML = """
      <configuration scan="false">
          <appender name="CONSOLE" class="ch.qos.logback.core.ConsoleAppender">
              <encoder>
                  <pattern>%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n%ex</pattern>
              </encoder>
          </appender>
          <logger name="migrations" level="WARN"/>
          <logger name="jetbrains.exodus" level="WARN"/>
          <logger name="org.eclipse.jetty" level="ERROR"/>
          <logger name="com.google.common.util.concurrent.Futures.CombinedFuture" level="OFF"/>
          <logger name="oshi" level="ERROR"/>
          <root level="INFO">
              <appender-ref ref="CONSOLE"/>
          </root>
      </configuration>
      """;
}
