package io.freeagentics.edge;

/**
 * Bounds and durability of an {@link EdgeStateStore}: {@code historyLength} ticks kept per agent (a ring),
 * {@code outboxCapacity} messages in the sync spool before the oldest low-priority ones are dropped,
 * {@code maxAttempts} failed deliveries after which a message goes to the dead-letter table, and
 * {@code maxFailedCommits}: how many tick commits in a row may fail because the storage is full or failing before
 * the runtime gives up and stops (until then it keeps ticking on its in-memory state).
 */
public record EdgeStoreConfig(int historyLength, int outboxCapacity, int maxAttempts, EdgeDurability durability,
    int maxFailedCommits) {
  /** Default of {@link #maxFailedCommits()}: a minute of one-second ticks. */
  public static final int DEFAULT_MAX_FAILED_COMMITS = 60;

  public EdgeStoreConfig {
    if (historyLength < 1) {
      throw new IllegalArgumentException("historyLength must be at least 1 but was " + historyLength);
    }
    if (outboxCapacity < 1) {
      throw new IllegalArgumentException("outboxCapacity must be at least 1 but was " + outboxCapacity);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1 but was " + maxAttempts);
    }
    if (durability == null) {
      throw new IllegalArgumentException("durability must not be null");
    }
    if (maxFailedCommits < 1) {
      throw new IllegalArgumentException("maxFailedCommits must be at least 1 but was " + maxFailedCommits);
    }
  }

  /** The bounds with {@link #DEFAULT_MAX_FAILED_COMMITS}. */
  public EdgeStoreConfig(int historyLength, int outboxCapacity, int maxAttempts, EdgeDurability durability) {
    this(historyLength, outboxCapacity, maxAttempts, durability, DEFAULT_MAX_FAILED_COMMITS);
  }

  /** 16 ticks of history per agent, 1000 outbox messages, 5 attempts, {@link EdgeDurability#FULL}, 60 failures. */
  public static EdgeStoreConfig defaults() {
    return new EdgeStoreConfig(16, 1000, 5, EdgeDurability.FULL, DEFAULT_MAX_FAILED_COMMITS);
  }

  public EdgeStoreConfig withHistoryLength(int value) {
    return new EdgeStoreConfig(value, outboxCapacity, maxAttempts, durability, maxFailedCommits);
  }

  public EdgeStoreConfig withOutboxCapacity(int value) {
    return new EdgeStoreConfig(historyLength, value, maxAttempts, durability, maxFailedCommits);
  }

  public EdgeStoreConfig withMaxAttempts(int value) {
    return new EdgeStoreConfig(historyLength, outboxCapacity, value, durability, maxFailedCommits);
  }

  public EdgeStoreConfig withDurability(EdgeDurability value) {
    return new EdgeStoreConfig(historyLength, outboxCapacity, maxAttempts, value, maxFailedCommits);
  }

  public EdgeStoreConfig withMaxFailedCommits(int value) {
    return new EdgeStoreConfig(historyLength, outboxCapacity, maxAttempts, durability, value);
  }
}
