package io.freeagentics.edge;

/**
 * Bounds and durability of an {@link EdgeStateStore}: {@code historyLength} ticks kept per agent (a ring),
 * {@code outboxCapacity} messages in the sync spool before the oldest low-priority ones are dropped,
 * {@code maxAttempts} failed deliveries after which a message goes to the dead-letter table.
 */
public record EdgeStoreConfig(int historyLength, int outboxCapacity, int maxAttempts, EdgeDurability durability) {

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
  }

  /** 16 ticks of history per agent, 1000 outbox messages, 5 attempts, {@link EdgeDurability#NORMAL}. */
  public static EdgeStoreConfig defaults() {
    return new EdgeStoreConfig(16, 1000, 5, EdgeDurability.NORMAL);
  }

  public EdgeStoreConfig withHistoryLength(int value) {
    return new EdgeStoreConfig(value, outboxCapacity, maxAttempts, durability);
  }

  public EdgeStoreConfig withOutboxCapacity(int value) {
    return new EdgeStoreConfig(historyLength, value, maxAttempts, durability);
  }

  public EdgeStoreConfig withMaxAttempts(int value) {
    return new EdgeStoreConfig(historyLength, outboxCapacity, value, durability);
  }

  public EdgeStoreConfig withDurability(EdgeDurability value) {
    return new EdgeStoreConfig(historyLength, outboxCapacity, maxAttempts, value);
  }
}
