package io.freeagentics.edge;

/**
 * How hard SQLite pushes a committed tick to the storage medium ({@code PRAGMA synchronous} in WAL mode).
 *
 * <p>{@link #FULL} (the default) fsyncs the log on every commit: no committed tick is lost, not even when the board
 * is unplugged — the product's promise. {@link #NORMAL} survives a crash or {@code kill -9} of the process with every
 * committed tick intact, since the write-ahead log is in the operating system's page cache, but a power cut can lose
 * the ticks committed since the last WAL checkpoint (never corrupt the file); it saves one fsync per tick, which on
 * an SD card costs milliseconds and flash wear, for mains-powered boards that choose speed.
 */
public enum EdgeDurability {
  NORMAL,
  FULL
}
