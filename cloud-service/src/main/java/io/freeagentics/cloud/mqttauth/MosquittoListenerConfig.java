package io.freeagentics.cloud.mqttauth;

import io.freeagentics.cloud.mqttauth.internal.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A complete {@code mosquitto.conf} for one authenticated listener using the files of {@link MosquittoAuthFiles}:
 * no anonymous clients, no persistence, log to stdout. Used to run a separate Mosquitto next to the system one
 * ({@code mosquitto -c FILE}), e.g. in tests, and as the reference for a production configuration.
 *
 * @param host  address to listen on
 * @param port  TCP port, 1..65535
 * @param auth  the password and ACL files
 * @param runAs the {@code user} option: the account Mosquitto runs as after starting as root; it must be able to
 *              read the files (empty = Mosquitto's default, {@code mosquitto})
 */
public record MosquittoListenerConfig(String host, int port, MosquittoAuthPaths auth, Optional<String> runAs) {

  /** Checks every argument; messages name it and its value. */
  public MosquittoListenerConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(auth, "auth");
    Objects.requireNonNull(runAs, "runAs");
    if (host.isBlank() || host.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("host must be a non-blank address without whitespace, got '" + host + "'");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("port must be in 1..65535, got " + port);
    }
    runAs.ifPresent(user -> {
      if (user.isBlank() || user.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("runAs must be a user name without whitespace, got '" + user + "'");
      }
    });
  }

  /** The configuration text. */
  public String render() {
    for (Path file : new Path[] {auth.passwordFile(), auth.aclFile()}) {
      if (file.toString().contains("\n") || file.toString().contains("\r")) {
        throw new IllegalArgumentException("a Mosquitto configuration cannot name a file with a line break: " + file);
      }
    }
    StringBuilder text = new StringBuilder()
        .append("# Written by io.freeagentics.cloud.mqttauth.MosquittoListenerConfig\n")
        .append("per_listener_settings false\n")
        .append("allow_anonymous false\n")
        .append("password_file ").append(auth.passwordFile().toAbsolutePath()).append('\n')
        .append("acl_file ").append(auth.aclFile().toAbsolutePath()).append('\n')
        .append("persistence false\n")
        .append("log_dest stdout\n")
        .append("log_type error\nlog_type warning\nlog_type notice\nlog_type information\n")
        .append("connection_messages true\n");
    runAs.ifPresent(user -> text.append("user ").append(user).append('\n'));
    return text.append("listener ").append(port).append(' ').append(host).append('\n').toString();
  }

  /** Writes {@link #render()} to {@code file} (atomically). */
  public Path write(Path file) throws IOException {
    AtomicFiles.write(file, render(), false);
    return file;
  }
}
