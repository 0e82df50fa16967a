package io.freeagentics.cloud.twin;

import io.micronaut.core.annotation.Nullable;
import java.util.Objects;

/**
 * The model a device runs because it acknowledged a MODEL_UPDATE command as APPLIED: the command's model name and
 * version (the twin's reported model) and the command, whose payload is the model file.
 *
 * @param version null when the command named no version
 * @param commandId the command whose stored payload ({@code device_command.payload}) is the model JSON
 */
public record AppliedModel(String name, @Nullable Long version, long commandId) {

  public AppliedModel {
    Objects.requireNonNull(name, "name");
  }

  @Override
  public String toString() {
    return name + (version == null ? "" : " v" + version) + " (command " + commandId + ")";
  }
}
