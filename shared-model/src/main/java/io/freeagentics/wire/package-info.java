/**
 * The compact, versioned binary wire format between edge devices and the cloud (carried over MQTT topics
 * {@code fa/v1/{fleet}/{device}/...}): belief batches (full snapshots, or deltas against the last acknowledged
 * snapshot), telemetry, presence, acknowledgements, commands and command acknowledgements. {@link
 * io.freeagentics.wire.WireCodec} turns a {@link io.freeagentics.wire.WireMessage} into a checksummed frame and
 * back, validating every byte of what it reads; {@link io.freeagentics.wire.BeliefSync} chooses between a snapshot
 * and a delta. Beliefs travel as 8-bit log codes ({@link io.freeagentics.quant.LogCodec}). The byte layout,
 * versioning rules, quantisation error and measured sizes are in {@code docs/wire-format.md}.
 */
package io.freeagentics.wire;
