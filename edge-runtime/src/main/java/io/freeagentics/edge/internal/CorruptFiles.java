package io.freeagentics.edge.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Moves a corrupt database file, with its {@code -wal} and {@code -shm} companions, aside to
 * {@code NAME.corrupt-TIMESTAMP[-wal|-shm]} in the same folder (never deletes it), so a fresh database can take its
 * place and the old one stays available for analysis.
 */
public final class CorruptFiles {
  private static final String[] COMPANIONS = {"-wal", "-shm", "-journal"};

  private CorruptFiles() {}

  /** Moves {@code database} (and companions present) aside; returns where the main file went. */
  public static Path moveAside(Path database, long nowMillis) throws IOException {
    Path target = database.resolveSibling(database.getFileName() + ".corrupt-" + nowMillis);
    for (int n = 1; Files.exists(target); n++) {
      target = database.resolveSibling(database.getFileName() + ".corrupt-" + nowMillis + "-" + n);
    }
    for (String suffix : COMPANIONS) {
      Path companion = database.resolveSibling(database.getFileName() + suffix);
      if (Files.exists(companion)) {
        Files.move(companion, target.resolveSibling(target.getFileName() + suffix), StandardCopyOption.ATOMIC_MOVE);
      }
    }
    Files.move(database, target, StandardCopyOption.ATOMIC_MOVE);
    return target;
  }
}
