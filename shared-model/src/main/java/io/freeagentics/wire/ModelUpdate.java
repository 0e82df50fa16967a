package io.freeagentics.wire;

import io.freeagentics.wire.internal.WireText;
import java.util.Arrays;

/**
 * Replace the device's generative model with {@code model}, a model file ({@code docs/model-format.md}, UTF-8
 * JSON) that the device validates before use; {@code modelName} names it in logs and acknowledgements.
 */
public record ModelUpdate(String modelName, byte[] model) implements CommandAction {
  /** The longest model name in UTF-8 bytes. */
  public static final int MAX_NAME_BYTES = 128;
  /** The largest model file a command carries. */
  public static final int MAX_MODEL_BYTES = 1 << 19;

  public ModelUpdate {
    if (modelName == null || modelName.isEmpty()
        || WireText.utf8(modelName) == null
        || WireText.utf8(modelName).length > MAX_NAME_BYTES) {
      throw new IllegalArgumentException("modelName must have 1 to " + MAX_NAME_BYTES + " UTF-8 bytes but was "
          + modelName);
    }
    if (model == null || model.length > MAX_MODEL_BYTES) {
      throw new IllegalArgumentException("model must be a non-null file of at most " + MAX_MODEL_BYTES
          + " bytes but had " + (model == null ? "null" : model.length));
    }
    model = model.clone();
  }

  /** A copy of the model file. */
  @Override
  public byte[] model() {
    return model.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ModelUpdate that && modelName.equals(that.modelName) && Arrays.equals(model, that.model);
  }

  @Override
  public int hashCode() {
    return 31 * modelName.hashCode() + Arrays.hashCode(model);
  }

  @Override
  public String toString() {
    return "ModelUpdate[modelName=" + modelName + ", model=" + model.length + " bytes]";
  }
}
