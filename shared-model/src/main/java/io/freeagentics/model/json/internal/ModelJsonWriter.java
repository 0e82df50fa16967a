package io.freeagentics.model.json.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.model.Policy;
import io.freeagentics.model.Tensor;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * Writes a model in the JSON model format: one key per line, each array on one line, every double in a decimal
 * form that reads back to the same double ({@link Double#toString(double)}), and the policies listed explicitly,
 * so that reading the text gives back an identical model.
 */
public final class ModelJsonWriter {
  private static final JsonFactory FACTORY = new JsonFactory();

  private ModelJsonWriter() {}

  /** The model as JSON text. */
  public static String write(GenerativeModel model) {
    StringWriter out = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      json.setPrettyPrinter(new DefaultPrettyPrinter(
          Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));
      json.writeStartObject();
      json.writeStringField(ModelKeys.NAME, model.name());
      writeInts(json, ModelKeys.NUM_STATES, model.numStates());
      writeInts(json, ModelKeys.NUM_OBS, model.numObs());
      writeInts(json, ModelKeys.NUM_CONTROLS, model.numControls());
      writeTensors(json, ModelKeys.A, Optional.of(model.a()));
      writeTensors(json, ModelKeys.B, Optional.of(model.b()));
      writeTensors(json, ModelKeys.C, Optional.of(model.c()));
      writeTensors(json, ModelKeys.D, Optional.of(model.d()));
      json.writeFieldName(ModelKeys.E);
      if (model.e().isPresent()) {
        writeTensor(json, model.e().get());
      } else {
        json.writeNull();
      }
      writeTensors(json, ModelKeys.P_A, model.pA());
      writeTensors(json, ModelKeys.P_B, model.pB());
      json.writeArrayFieldStart(ModelKeys.POLICIES);
      for (Policy policy : model.policies()) {
        writePolicy(json, policy);
      }
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to a string failed", e);
    }
    return out.append('\n').toString();
  }

  private static void writeInts(JsonGenerator json, String key, int[] values) throws IOException {
    json.writeFieldName(key);
    json.writeArray(values, 0, values.length);
  }

  private static void writeTensors(JsonGenerator json, String key, Optional<List<Tensor>> tensors)
      throws IOException {
    json.writeFieldName(key);
    if (tensors.isEmpty()) {
      json.writeNull();
      return;
    }
    json.writeStartArray();
    for (Tensor tensor : tensors.get()) {
      writeTensor(json, tensor);
    }
    json.writeEndArray();
  }

  private static void writeTensor(JsonGenerator json, Tensor tensor) throws IOException {
    writeAxis(json, tensor, 0, 0);
  }

  /** Writes the sub-array starting at flat index {@code offset} whose first axis is {@code axis}. */
  private static void writeAxis(JsonGenerator json, Tensor tensor, int axis, int offset) throws IOException {
    json.writeStartArray();
    int stride = tensor.stride(axis);
    for (int i = 0; i < tensor.dim(axis); i++) {
      if (axis == tensor.rank() - 1) {
        json.writeNumber(tensor.at(offset + i));
      } else {
        writeAxis(json, tensor, axis + 1, offset + i * stride);
      }
    }
    json.writeEndArray();
  }

  private static void writePolicy(JsonGenerator json, Policy policy) throws IOException {
    json.writeStartArray();
    for (int[] step : policy.toArray()) {
      json.writeArray(step, 0, step.length);
    }
    json.writeEndArray();
  }
}
