package io.freeagentics.cloud.mirror;

import io.freeagentics.model.GenerativeModel;
import io.freeagentics.model.ModelInputException;
import io.freeagentics.model.catalog.ModelCatalog;
import io.micronaut.context.annotation.Secondary;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * {@link MirrorModels} with one model for every device: {@code fa.mirror.model} (default {@code grid:5}; a built-in
 * name or a model file, as {@code --model} takes). A device whose beliefs do not have this model's factor sizes is
 * not mirrored (counted in {@link MirrorStats#shapeMismatches()}). {@link TwinMirrorModels}, the primary bean, uses it
 * for the devices that never applied a model update through the cloud.
 */
@Singleton
@Secondary
public class ConfiguredMirrorModels implements MirrorModels {
  private final GenerativeModel model;

  public ConfiguredMirrorModels(@Value("${fa.mirror.model:`grid:5`}") String spec) {
    try {
      this.model = ModelCatalog.resolve(spec);
    } catch (ModelInputException e) {
      throw new IllegalArgumentException("fa.mirror.model '" + spec + "': " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<GenerativeModel> model(String fleet, String device) {
    return Optional.of(model);
  }
}
