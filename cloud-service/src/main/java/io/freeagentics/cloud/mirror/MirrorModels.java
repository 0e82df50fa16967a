package io.freeagentics.cloud.mirror;

import io.freeagentics.model.GenerativeModel;
import java.util.Optional;

/**
 * Which generative model a device's agents run, so the mirror can hold them in a population of that model. The
 * beliefs messages do not name the model; {@link TwinMirrorModels} (the service's bean) takes the model a device
 * acknowledged through a model update, else the configured one ({@link ConfiguredMirrorModels}). Called for every
 * stored batch and every read, so implementations answer from memory and return the same instance for the same
 * model (the mirror keeps one population per instance).
 */
public interface MirrorModels {
  /** The model of the agents of {@code device}, or empty when it is unknown (the device is then not mirrored). */
  Optional<GenerativeModel> model(String fleet, String device);
}
