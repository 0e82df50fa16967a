package io.freeagentics.cloud.ingest;

import java.util.List;

/**
 * Told about every batch of beliefs messages after it was committed, on the ingest's writer thread: an
 * implementation must return quickly (hand the work to its own thread). The population mirror is one.
 */
public interface BeliefsListener {
  void stored(List<BeliefsStored> batch);
}
