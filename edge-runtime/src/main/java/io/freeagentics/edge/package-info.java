/**
 * The on-device runtime of FreeAgentics Edge: the tick loop that reads sensors, lets a population of Active
 * Inference agents infer and act, drives actuators and commits every tick to a crash-safe local SQLite store; the
 * power-aware tick policy and the battery simulation that justifies it; the {@code fa edge} command line.
 * Implementation details live in {@code io.freeagentics.edge.internal}.
 */
package io.freeagentics.edge;
