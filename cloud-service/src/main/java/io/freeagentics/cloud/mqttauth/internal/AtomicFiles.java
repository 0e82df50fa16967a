package io.freeagentics.cloud.mqttauth.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file through a temporary file in the same folder and an atomic rename, so that a Mosquitto reloading
 * its files (SIGHUP) never reads half of one.
 */
public final class AtomicFiles {

  private AtomicFiles() {}

  /**
   * Replaces {@code target} with {@code text} (UTF-8). With {@code ownerOnly} the file is readable by its owner
   * only (where the file system has POSIX permissions).
   */
  public static void write(Path target, String text, boolean ownerOnly) throws IOException {
    Path folder = target.toAbsolutePath().getParent();
    Files.createDirectories(folder);
    Path temporary = Files.createTempFile(folder, "." + target.getFileName(), ".tmp");
    try {
      Files.writeString(temporary, text, StandardCharsets.UTF_8);
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(temporary,
            PosixFilePermissions.fromString(ownerOnly ? "rw-------" : "rw-r--r--"));
      }
      try {
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
