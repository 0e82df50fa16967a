package io.freeagentics.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Locates the read-only shared material ({@code ../shared}) next to the repository. */
public final class SharedFixtures {
  private SharedFixtures() {}

  /** The shared folder: system property {@code fa.shared.dir}, else {@code ../shared} from the repository. */
  public static Path sharedDir() {
    String configured = System.getProperty("fa.shared.dir");
    if (configured != null && Files.isDirectory(Path.of(configured))) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolveSibling("shared");
      if (Files.isDirectory(candidate.resolve("fixtures"))) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("cannot find ../shared (set -Dfa.shared.dir)");
  }

  /** The folder of pymdp reference traces. */
  public static Path pymdpDir() {
    return sharedDir().resolve("fixtures").resolve("pymdp");
  }

  /** Every pymdp trace file, sorted by name. */
  public static List<Path> pymdpTraces() {
    try (Stream<Path> files = Files.list(pymdpDir())) {
      return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
