package io.freeagentics.model.json.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.model.ModelInputException;
import io.freeagentics.model.ModelProblem;
import io.freeagentics.model.ModelValidationException;
import io.freeagentics.model.Policies;
import io.freeagentics.model.Policy;
import io.freeagentics.model.Tensor;
import io.freeagentics.model.internal.ModelValidator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Turns a parsed JSON document (a model object, or a trace whose {@code model} key holds one) into a
 * {@link GenerativeModel}. Decoding problems and the model's validation problems are gathered into a single
 * {@link ModelValidationException} naming the source.
 */
public final class ModelJsonReader {
  /** The most policies {@code policy_len} and {@code control_fac_idx} may enumerate. */
  public static final int MAX_ENUMERATED_POLICIES = 1_000_000;

  private final String source;
  private final DecodeProblems problems = new DecodeProblems();

  private ModelJsonReader(String source) {
    this.source = source;
  }

  /**
   * Decodes and validates a model.
   *
   * @param root the parsed document
   * @param source names the document in messages (a file path, for example)
   * @throws ModelValidationException listing every problem of the document
   * @throws ModelInputException when the document is not a JSON object
   */
  public static GenerativeModel read(JsonNode root, String source) throws ModelInputException {
    return new ModelJsonReader(source).decode(root);
  }

  /**
   * Decodes one nested array of numbers.
   *
   * @throws ModelValidationException naming the JSON path of every problem; its source is {@code path}
   */
  public static Tensor tensor(JsonNode node, String path) throws ModelValidationException {
    DecodeProblems problems = new DecodeProblems();
    Tensor tensor = JsonDecoder.tensor(node, path, problems);
    if (tensor == null) {
      throw new ModelValidationException(path, problems.list());
    }
    return tensor;
  }

  private GenerativeModel decode(JsonNode root) throws ModelInputException {
    if (root == null || root.isMissingNode()) {
      throw new ModelInputException(source + ": is empty; expected a JSON object holding a model");
    }
    if (!root.isObject()) {
      throw new ModelInputException(
          source + ": expected a JSON object holding a model but found " + JsonDecoder.describe(root));
    }
    JsonNode model = root;
    String fallbackName = "";
    if (root.has(ModelKeys.MODEL)) {
      model = root.get(ModelKeys.MODEL);
      checkTraceKeys(root);
      JsonNode traceName = root.get(ModelKeys.NAME);
      if (traceName != null && traceName.isTextual()) {
        fallbackName = traceName.textValue();
      }
      if (!model.isObject()) {
        problems.add(ModelKeys.MODEL, "expected an object holding the model but found " + JsonDecoder.describe(model));
        throw failure(List.of());
      }
    }
    checkModelKeys(model);
    return decodeModel(model, fallbackName);
  }

  private void checkTraceKeys(JsonNode trace) {
    for (Iterator<String> keys = trace.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!key.equals(ModelKeys.MODEL) && !key.equals(ModelKeys.NAME) && !ModelKeys.TRACE_KEYS.contains(key)) {
        problems.add(shortened(key), "is not a key of a trace file (those are model, name, "
            + String.join(", ", ModelKeys.TRACE_KEYS.stream().sorted().toList()) + ")");
      }
    }
  }

  private void checkModelKeys(JsonNode model) {
    for (Iterator<String> keys = model.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!ModelKeys.MODEL_KEYS.contains(key) && !ModelKeys.TRACE_KEYS.contains(key)) {
        problems.add(shortened(key), "is not a model key" + suggestion(key) + " (the keys are "
            + String.join(", ", ModelKeys.MODEL_KEYS) + ")");
      }
    }
  }

  /** A key as messages show it: quoted and cut short when it is long or empty. */
  private static String shortened(String key) {
    return key.isEmpty() || key.length() > 40 || !key.equals(key.strip())
        ? "\"" + (key.length() > 40 ? key.substring(0, 40) + "..." : key) + "\""
        : key;
  }

  /** A hint at the known key a typo most likely meant, or nothing when none is close. */
  private static String suggestion(String key) {
    if (key.length() > 40) {
      return "";
    }
    String best = null;
    int bestDistance = 3;
    for (String known : ModelKeys.MODEL_KEYS) {
      int distance = editDistance(key.toLowerCase(java.util.Locale.ROOT), known.toLowerCase(java.util.Locale.ROOT));
      if (distance < bestDistance) {
        best = known;
        bestDistance = distance;
      }
    }
    return best == null ? "" : "; did you mean \"" + best + "\"?";
  }

  /** Levenshtein distance, for short keys. */
  private static int editDistance(String x, String y) {
    int[] previous = new int[y.length() + 1];
    int[] current = new int[y.length() + 1];
    for (int j = 0; j <= y.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= x.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= y.length(); j++) {
        int substitution = previous[j - 1] + (x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[y.length()];
  }

  private GenerativeModel decodeModel(JsonNode model, String fallbackName) throws ModelInputException {
    String name = name(model, fallbackName);
    int[] numStates = dimensions(model, ModelKeys.NUM_STATES);
    int[] numObs = dimensions(model, ModelKeys.NUM_OBS);
    int[] numControls = dimensions(model, ModelKeys.NUM_CONTROLS);
    List<Tensor> a = tensors(model, ModelKeys.A, true);
    List<Tensor> b = tensors(model, ModelKeys.B, true);
    List<Tensor> c = tensors(model, ModelKeys.C, false);
    List<Tensor> d = tensors(model, ModelKeys.D, false);
    List<Tensor> pA = tensors(model, ModelKeys.P_A, false);
    List<Tensor> pB = tensors(model, ModelKeys.P_B, false);
    Tensor e = null;
    JsonNode eNode = model.get(ModelKeys.E);
    if (eNode != null && !eNode.isNull()) {
      e = JsonDecoder.tensor(eNode, ModelKeys.E, problems);
      if (e == null) {
        problems.spoil(ModelKeys.E);
      }
    }
    if (numStates == null || numObs == null || numControls == null) {
      policiesWithoutDimensions(model);
      throw failure(List.of());
    }
    List<ModelProblem> dimensionProblems = ModelValidator.checkDimensions(numStates, numObs, numControls);
    if (!dimensionProblems.isEmpty()) {
      policiesWithoutDimensions(model);
      throw failure(dimensionProblems);
    }
    List<Policy> policies = policies(model, numControls);

    GenerativeModel.Builder builder = GenerativeModel.builder(numStates, numObs, numControls).name(name);
    if (a != null) {
      builder.a(a);
    }
    if (b != null) {
      builder.b(b);
    }
    if (c != null) {
      builder.c(c);
    }
    if (d != null) {
      builder.d(d);
    }
    builder.e(e).pA(pA).pB(pB);
    if (policies == null) {
      problems.spoil(ModelKeys.POLICIES);
      problems.spoil(ModelKeys.E);
      builder.policies(List.of());
    } else {
      builder.policies(policies);
    }
    GenerativeModel built;
    try {
      built = builder.build();
    } catch (ModelValidationException invalid) {
      throw failure(invalid.problems());
    }
    if (!problems.isEmpty()) {
      throw failure(List.of());
    }
    return built;
  }

  /** The decoding problems and those of the validator that do not merely repeat them, in one exception. */
  private ModelValidationException failure(List<ModelProblem> validation) {
    List<ModelProblem> all = new ArrayList<>(problems.list());
    for (ModelProblem problem : validation) {
      if (!problems.isSpoiled(problem.array())) {
        all.add(problem);
      }
    }
    return new ModelValidationException(source, all);
  }

  private String name(JsonNode model, String fallback) {
    JsonNode node = model.get(ModelKeys.NAME);
    if (node == null || node.isNull()) {
      return fallback;
    }
    if (!node.isTextual()) {
      problems.add(ModelKeys.NAME, "expected a string but found " + JsonDecoder.describe(node));
      return fallback;
    }
    return node.textValue();
  }

  private int[] dimensions(JsonNode model, String key) {
    JsonNode node = model.get(key);
    if (node == null || node.isNull()) {
      problems.add(key, "is missing; it lists the " + switch (key) {
        case ModelKeys.NUM_STATES -> "number of states of each factor";
        case ModelKeys.NUM_OBS -> "number of outcomes of each modality";
        default -> "number of controls of each factor";
      });
      return null;
    }
    return JsonDecoder.intArray(node, key, problems);
  }

  private List<Tensor> tensors(JsonNode model, String key, boolean required) {
    JsonNode node = model.get(key);
    if (node == null || node.isNull()) {
      if (required) {
        problems.add(key, "is missing");
        problems.spoil(key);
      }
      return null;
    }
    return JsonDecoder.tensorList(node, key, problems);
  }

  /** Explicit policies, or those {@code policy_len} and {@code control_fac_idx} enumerate; null on a problem. */
  private List<Policy> policies(JsonNode model, int[] numControls) {
    JsonNode explicit = model.get(ModelKeys.POLICIES);
    JsonNode lengthNode = model.get(ModelKeys.POLICY_LEN);
    JsonNode factorsNode = model.get(ModelKeys.CONTROL_FAC_IDX);
    if (explicit != null && !explicit.isNull()) {
      boolean ok = true;
      for (JsonNode enumerating : new JsonNode[] {lengthNode, factorsNode}) {
        if (enumerating != null && !enumerating.isNull()) {
          String key = enumerating == lengthNode ? ModelKeys.POLICY_LEN : ModelKeys.CONTROL_FAC_IDX;
          problems.add(key, "only applies when policies is absent; give one or the other");
          ok = false;
        }
      }
      List<Policy> policies = JsonDecoder.policies(explicit, ModelKeys.POLICIES, problems);
      if (policies == null || !ok) {
        problems.spoil(ModelKeys.POLICIES);
        return null;
      }
      return policies;
    }
    int length = 1;
    if (lengthNode != null && !lengthNode.isNull()) {
      Integer value = JsonDecoder.integer(lengthNode, ModelKeys.POLICY_LEN, problems);
      if (value == null) {
        return null;
      }
      if (value < 1) {
        problems.add(ModelKeys.POLICY_LEN, "must be at least 1 but is " + value);
        return null;
      }
      length = value;
    }
    int[] controlFactors = null;
    if (factorsNode != null && !factorsNode.isNull()) {
      controlFactors = JsonDecoder.intArray(factorsNode, ModelKeys.CONTROL_FAC_IDX, problems);
      if (controlFactors == null) {
        return null;
      }
      boolean ok = true;
      for (int i = 0; i < controlFactors.length; i++) {
        if (controlFactors[i] < 0 || controlFactors[i] >= numControls.length) {
          problems.add(ModelKeys.CONTROL_FAC_IDX + "[" + i + "]", "factor " + controlFactors[i]
              + " is not one of the model's factors [0, " + numControls.length + ")");
          ok = false;
        }
      }
      if (!ok) {
        return null;
      }
    }
    long count = enumeratedCount(numControls, length, controlFactors);
    if (count > MAX_ENUMERATED_POLICIES) {
      problems.add(ModelKeys.POLICY_LEN, "policy_len " + length + " with num_controls "
          + Arrays.toString(numControls) + " enumerates more than " + MAX_ENUMERATED_POLICIES + " policies");
      return null;
    }
    return Policies.enumerate(numControls, length, controlFactors);
  }

  /** How many policies enumeration would give, saturating just above the limit. */
  private static long enumeratedCount(int[] numControls, int length, int[] controlFactors) {
    boolean[] controllable = new boolean[numControls.length];
    for (int f = 0; f < numControls.length; f++) {
      controllable[f] = controlFactors == null && numControls[f] > 1;
    }
    if (controlFactors != null) {
      for (int f : controlFactors) {
        controllable[f] = true;
      }
    }
    long count = 1;
    for (int t = 0; t < length && count <= MAX_ENUMERATED_POLICIES; t++) {
      for (int f = 0; f < numControls.length && count <= MAX_ENUMERATED_POLICIES; f++) {
        count *= controllable[f] ? numControls[f] : 1;
      }
    }
    return count;
  }

  /** Without usable dimensions the policies are still decoded, so that their own problems are reported. */
  private void policiesWithoutDimensions(JsonNode model) {
    JsonNode explicit = model.get(ModelKeys.POLICIES);
    if (explicit != null && !explicit.isNull()) {
      JsonDecoder.policies(explicit, ModelKeys.POLICIES, problems);
    }
  }
}
