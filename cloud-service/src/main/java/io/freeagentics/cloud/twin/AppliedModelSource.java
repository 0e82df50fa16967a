package io.freeagentics.cloud.twin;

import java.util.Optional;

/**
 * Which model a device acknowledged as applied, and that model's file, for readers that compute with a device's
 * own model (the population mirror). {@link AppliedModels} is the cached implementation.
 */
public interface AppliedModelSource {

  /** The model of the device's latest APPLIED model update, or empty when it applied none (or was never seen). */
  Optional<AppliedModel> applied(DeviceKey device);

  /** The model file (JSON) the command of {@code model} carried, or empty when the command is no longer stored. */
  Optional<String> modelJson(AppliedModel model);
}
