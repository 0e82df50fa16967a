package io.freeagentics.cloud.mqttauth;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where {@link MosquittoAuthFiles} wrote the two files Mosquitto's {@code password_file} and {@code acl_file}
 * options point at.
 *
 * @param passwordFile the password file ({@code user:$7$...} lines), readable by its owner only
 * @param aclFile      the ACL file
 */
public record MosquittoAuthPaths(Path passwordFile, Path aclFile) {

  /** Both paths are required. */
  public MosquittoAuthPaths {
    Objects.requireNonNull(passwordFile, "passwordFile");
    Objects.requireNonNull(aclFile, "aclFile");
  }
}
