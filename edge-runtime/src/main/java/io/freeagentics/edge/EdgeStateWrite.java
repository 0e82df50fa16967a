package io.freeagentics.edge;

import java.util.Arrays;

/**
 * One entry of the sync state (table {@code sync_state}) written with a tick: the acknowledged belief base, the
 * belief message counter, the active model, profile overrides. Written in the tick's transaction, so the state and
 * the messages it describes are committed together. A {@code null} value deletes the entry.
 */
public record EdgeStateWrite(String name, byte[] value) {

  public EdgeStateWrite {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank");
    }
    value = value == null ? null : value.clone();
  }

  @Override
  public byte[] value() {
    return value == null ? null : value.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EdgeStateWrite w && w.name.equals(name) && Arrays.equals(w.value, value);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "EdgeStateWrite[name=" + name + ", value=" + (value == null ? "delete" : value.length + " bytes") + "]";
  }
}
