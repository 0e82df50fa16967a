package io.freeagentics.edge;

/**
 * The outcome of a battery simulation: hours until the battery was empty (or the simulated span when it lasted
 * longer, {@code emptied} false), ticks run, and the mean tick interval.
 */
public record EdgeBatteryReport(double hours, boolean emptied, long ticks, double meanIntervalMs) {}
