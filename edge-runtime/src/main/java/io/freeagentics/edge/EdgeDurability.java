package io.freeagentics.edge;

/**
 * How hard SQLite pushes a committed tick to the storage medium ({@code PRAGMA synchronous} in WAL mode).
 *
 * <p>{@link #NORMAL} (the default) survives a crash or {@code kill -9} of the process with every committed tick
 * intact, since the write-ahead log is in the operating system's page cache; a power cut can lose the ticks
 * committed since the last WAL checkpoint, never corrupt the file. It avoids one fsync per tick, which on an SD
 * card costs milliseconds and flash wear. {@link #FULL} fsyncs the log on every commit: no committed tick is lost
 * even on a power cut, for devices whose power can fail without warning.
 */
public enum EdgeDurability {
  NORMAL,
  FULL
}
