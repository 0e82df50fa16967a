package io.freeagentics.cloud.mirror;

/**
 * The mirror's size and what it skipped.
 *
 * @param devices devices mirrored
 * @param agents agents mirrored
 * @param capacity agent slots allocated (whole chunks)
 * @param stateBytes bytes held in the populations' per-agent arrays for those slots
 * @param bytesPerAgent stateBytes / capacity plus the slot index (documented in docs/cloud-ingest.md)
 * @param updates agents set from synced beliefs
 * @param shapeMismatches device updates skipped because the beliefs do not fit the device's model
 * @param full agent updates skipped because {@code fa.mirror.max-agents} was reached
 * @param unknownModel device updates skipped because no model is known for the device (also when the model file
 *     of the model update it applied cannot be read)
 * @param models populations (one per model in use)
 * @param modelChanges times a device's agents left a population because its model changed
 */
public record MirrorStats(long devices, long agents, long capacity, long stateBytes, long bytesPerAgent,
    long updates, long shapeMismatches, long full, long unknownModel, long models, long modelChanges) {
}
