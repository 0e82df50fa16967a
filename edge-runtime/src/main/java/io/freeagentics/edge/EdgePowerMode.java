package io.freeagentics.edge;

/**
 * How fast the runtime ticks, from fastest to slowest: {@link #FULL} ticks at the profile's shortest interval,
 * {@link #CRITICAL} at its longest; {@link #ECO} and {@link #SAVER} lie between on a geometric scale.
 */
public enum EdgePowerMode {
  FULL,
  ECO,
  SAVER,
  CRITICAL;

  /** The next slower mode ({@link #CRITICAL} stays). */
  public EdgePowerMode slower() {
    return this == CRITICAL ? CRITICAL : values()[ordinal() + 1];
  }

  /** The slower of two modes. */
  public static EdgePowerMode slowest(EdgePowerMode a, EdgePowerMode b) {
    return a.ordinal() >= b.ordinal() ? a : b;
  }
}
