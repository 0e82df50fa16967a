package io.freeagentics.profiles;

/** The bias resistor of a digital input pin. */
public enum Pull {
    UP,
    DOWN,
    OFF
}
