package io.freeagentics.cloud.ingest;

import java.util.List;

/**
 * Told about every batch of beliefs messages after it was committed and before its messages are acknowledged, on
 * the ingest's writer thread: an implementation must return quickly (hand the work to its own thread). So a device's
 * ack implies its message was offered to every listener. The population mirror is one.
 */
public interface BeliefsListener {
  void stored(List<BeliefsStored> batch);
}
