package io.freeagentics.edge;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How an {@link EdgeStateStore} came up: whether the database was created now, and when an existing file was
 * found corrupt, where it was moved ({@code corruptFileMovedTo}); the agents then start again from their prior D.
 */
public record EdgeStoreOpening(boolean created, Optional<Path> corruptFileMovedTo, String corruption) {

  public EdgeStoreOpening {
    if (corruptFileMovedTo == null || corruption == null) {
      throw new IllegalArgumentException("corruptFileMovedTo and corruption must not be null");
    }
  }

  /** Whether a corrupt database was replaced by a fresh one. */
  public boolean recoveredFromCorruption() {
    return corruptFileMovedTo.isPresent();
  }
}
