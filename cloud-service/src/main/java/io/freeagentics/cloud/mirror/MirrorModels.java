package io.freeagentics.cloud.mirror;

import io.freeagentics.model.GenerativeModel;
import java.util.Optional;

/**
 * Which generative model a device's agents run, so the mirror can hold them in a population of that model. The
 * beliefs messages do not name the model; the default ({@link ConfiguredMirrorModels}) uses one configured model for
 * every device, and the device registry may provide a bean that knows each device's model.
 */
public interface MirrorModels {
  /** The model of the agents of {@code device}, or empty when it is unknown (the device is then not mirrored). */
  Optional<GenerativeModel> model(String fleet, String device);
}
