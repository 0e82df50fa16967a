package io.freeagentics.cloud.twin;

/** What a command asks of a device. */
public enum CommandKind {
  /** Replace the device's generative model. */
  MODEL_UPDATE,
  /** Switch the device profile and override some of its settings. */
  PROFILE_OVERRIDE
}
