package io.freeagentics.edge;

/**
 * What the sync has done since it started: messages the broker acknowledged, failed attempts, messages moved to the
 * dead letters, failed connects, connects, and whether it is connected now.
 */
public record EdgeSyncStats(long delivered, long failedAttempts, long deadLettered, long connectFailures,
    long connects, boolean connected) {

  static EdgeSyncStats initial() {
    return new EdgeSyncStats(0, 0, 0, 0, 0, false);
  }
}
