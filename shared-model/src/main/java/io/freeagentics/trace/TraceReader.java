package io.freeagentics.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.freeagentics.engine.ActionSelection;
import io.freeagentics.engine.AgentSettings;
import io.freeagentics.engine.SamplingMode;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.model.ModelInputException;
import io.freeagentics.model.Tensor;
import io.freeagentics.model.json.ModelJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a trace file in the format of {@code shared/fixtures/pymdp/README.md}. The model is read by
 * {@link ModelJson}; settings and steps here. Any missing or ill-typed field is reported with the file and its
 * JSON path.
 */
public final class TraceReader {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private TraceReader() {}

  /**
   * Reads and checks a trace.
   *
   * @throws ModelInputException when the file cannot be read, is not JSON, or a field is missing or malformed
   */
  public static Trace read(Path file) throws ModelInputException {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new TraceFormatException("cannot read trace " + file + ": " + e.getMessage(), e);
    }
    return parse(text, file.toString());
  }

  /** Parses a trace from its JSON text; {@code source} names it in error messages. */
  public static Trace parse(String json, String source) throws ModelInputException {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw new TraceFormatException(source + ": not valid JSON" + where + ": " + e.getOriginalMessage(), e);
    }
    Fields fields = new Fields(source);
    if (root == null || !root.isObject()) {
      throw new TraceFormatException(source + ": a trace must be a JSON object");
    }
    GenerativeModel model = ModelJson.fromTree(root, source);
    AgentSettings settings = settings(fields.object(root, "settings"), fields);
    JsonNode stepsNode = fields.array(root, "steps");
    List<TraceStep> steps = new ArrayList<>();
    for (int i = 0; i < stepsNode.size(); i++) {
      steps.add(step(stepsNode.get(i), "steps[" + i + "]", fields));
    }
    JsonNode finalNode = root.path("final");
    List<Tensor> finalPA = finalNode.isObject() ? fields.tensors(finalNode.get("pA"), "final.pA") : null;
    List<Tensor> finalPB = finalNode.isObject() ? fields.tensors(finalNode.get("pB"), "final.pB") : null;
    return new Trace(root.path("name").asText(model.name()), root.path("source").asText(""), settings, model, steps,
        finalPA, finalPB);
  }

  private static AgentSettings settings(JsonNode node, Fields fields) throws TraceFormatException {
    JsonNode inference = fields.object(node, "inference");
    String algorithm = inference.path("algo").asText("fpi");
    if (!algorithm.equals("fpi")) {
      throw new TraceFormatException(fields.source + ": settings.inference.algo is \"" + algorithm
          + "\" but only \"fpi\" (pymdp's vanilla fixed-point iteration) is supported");
    }
    String selection = node.path("action_selection").asText("deterministic").toUpperCase(Locale.ROOT);
    String sampling = node.path("sampling_mode").asText("marginal").toUpperCase(Locale.ROOT);
    ActionSelection actionSelection;
    SamplingMode samplingMode;
    try {
      actionSelection = ActionSelection.valueOf(selection);
      samplingMode = SamplingMode.valueOf(sampling);
    } catch (IllegalArgumentException e) {
      throw new TraceFormatException(fields.source + ": settings.action_selection must be deterministic or "
          + "stochastic and settings.sampling_mode marginal or full, but were " + selection + " and " + sampling, e);
    }
    try {
      return new AgentSettings(
          fields.number(node, "gamma"), fields.number(node, "alpha"),
          (int) fields.number(inference, "num_iter"), fields.number(inference, "dF_tol"),
          fields.bool(node, "use_utility"), fields.bool(node, "use_states_info_gain"),
          fields.bool(node, "use_param_info_gain"), fields.bool(node, "learn_A"), fields.bool(node, "learn_B"),
          fields.number(node, "lr_pA"), fields.number(node, "lr_pB"), actionSelection, samplingMode);
    } catch (IllegalArgumentException e) {
      throw new TraceFormatException(fields.source + ": settings: " + e.getMessage(), e);
    }
  }

  private static TraceStep step(JsonNode node, String path, Fields fields) throws TraceFormatException {
    JsonNode previous = node.get("prev_action");
    return new TraceStep(
        node.path("t").asInt(-1),
        fields.ints(node.get("obs"), path + ".obs"),
        previous == null || previous.isNull() ? null : fields.ints(previous, path + ".prev_action"),
        fields.matrix(node.get("qs"), path + ".qs"),
        fields.doubles(node.get("q_pi"), path + ".q_pi"),
        fields.doubles(node.get("neg_efe"), path + ".neg_efe"),
        fields.matrix(node.get("p_action"), path + ".p_action"),
        fields.number(node, "vfe", path + ".vfe"),
        fields.ints(node.get("action"), path + ".action"));
  }

  /** Typed access to JSON fields with errors naming the source and the path. */
  private static final class Fields {
    private final String source;

    Fields(String source) {
      this.source = source;
    }

    TraceFormatException error(String path, String problem) {
      return new TraceFormatException(source + ": " + path + " " + problem);
    }

    JsonNode object(JsonNode parent, String key) throws TraceFormatException {
      JsonNode node = parent.get(key);
      if (node == null || !node.isObject()) {
        throw error(key, node == null ? "is missing" : "must be an object");
      }
      return node;
    }

    JsonNode array(JsonNode parent, String key) throws TraceFormatException {
      JsonNode node = parent.get(key);
      if (node == null || !node.isArray()) {
        throw error(key, node == null ? "is missing" : "must be an array");
      }
      return node;
    }

    double number(JsonNode parent, String key) throws TraceFormatException {
      return number(parent, key, "settings." + key);
    }

    double number(JsonNode parent, String key, String path) throws TraceFormatException {
      JsonNode node = parent.get(key);
      if (node == null || !node.isNumber()) {
        throw error(path, node == null ? "is missing" : "must be a number but is " + node);
      }
      return node.asDouble();
    }

    boolean bool(JsonNode parent, String key) throws TraceFormatException {
      JsonNode node = parent.get(key);
      if (node == null || !node.isBoolean()) {
        throw error("settings." + key, node == null ? "is missing" : "must be true or false but is " + node);
      }
      return node.asBoolean();
    }

    int[] ints(JsonNode node, String path) throws TraceFormatException {
      if (node == null || !node.isArray()) {
        throw error(path, node == null ? "is missing" : "must be an array of integers");
      }
      int[] out = new int[node.size()];
      for (int i = 0; i < out.length; i++) {
        JsonNode item = node.get(i);
        if (!item.isIntegralNumber()) {
          throw error(path + "[" + i + "]", "must be an integer but is " + item);
        }
        out[i] = item.asInt();
      }
      return out;
    }

    double[] doubles(JsonNode node, String path) throws TraceFormatException {
      if (node == null || !node.isArray()) {
        throw error(path, node == null ? "is missing" : "must be an array of numbers");
      }
      double[] out = new double[node.size()];
      for (int i = 0; i < out.length; i++) {
        JsonNode item = node.get(i);
        if (!item.isNumber()) {
          throw error(path + "[" + i + "]", "must be a number but is " + item);
        }
        out[i] = item.asDouble();
      }
      return out;
    }

    double[][] matrix(JsonNode node, String path) throws TraceFormatException {
      if (node == null || !node.isArray()) {
        throw error(path, node == null ? "is missing" : "must be an array of arrays");
      }
      double[][] out = new double[node.size()][];
      for (int i = 0; i < out.length; i++) {
        out[i] = doubles(node.get(i), path + "[" + i + "]");
      }
      return out;
    }

    List<Tensor> tensors(JsonNode node, String path) throws TraceFormatException {
      if (node == null || node.isNull()) {
        return null;
      }
      if (!node.isArray()) {
        throw error(path, "must be an array of arrays or null");
      }
      List<Tensor> out = new ArrayList<>();
      for (int i = 0; i < node.size(); i++) {
        try {
          out.add(ModelJson.tensor(node.get(i), path + "[" + i + "]"));
        } catch (ModelInputException e) {
          throw error(path + "[" + i + "]", e.getMessage());
        }
      }
      return out;
    }
  }
}
