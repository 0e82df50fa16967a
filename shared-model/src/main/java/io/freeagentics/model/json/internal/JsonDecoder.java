package io.freeagentics.model.json.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.freeagentics.model.Policy;
import io.freeagentics.model.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes JSON values into model parts: nested arrays of numbers into {@link Tensor}s (the shape is read from
 * the nesting), arrays of integers, policies. Problems are recorded with the JSON path of the offending value
 * and decoding goes on, so that one pass finds every problem; a part with a problem decodes to {@code null}.
 */
final class JsonDecoder {
  /** At most this many problems are listed per decoded value; the rest are counted. */
  static final int MAX_PROBLEMS_PER_VALUE = 20;

  private JsonDecoder() {}

  /**
   * A list of tensors ({@code A}, {@code B}, ...): {@code null} when the value is not an array; otherwise one
   * entry per element, {@code null} where that element has a problem (the element is then marked spoilt).
   */
  static List<Tensor> tensorList(JsonNode node, String key, DecodeProblems problems) {
    if (!node.isArray()) {
      problems.add(key, "expected an array with one array per " + (isPerModality(key) ? "modality" : "factor")
          + " but found " + describe(node));
      problems.spoil(key);
      return null;
    }
    List<Tensor> tensors = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      String path = key + "[" + i + "]";
      Tensor tensor = tensor(node.get(i), path, problems);
      if (tensor == null) {
        problems.spoil(path);
      }
      tensors.add(tensor);
    }
    return tensors;
  }

  private static boolean isPerModality(String key) {
    return key.equals(ModelKeys.A) || key.equals(ModelKeys.C) || key.equals(ModelKeys.P_A);
  }

  /**
   * A tensor from nested arrays of numbers, its shape inferred from the first entry at every depth; {@code null}
   * when the value is not a non-empty, rectangular array of numbers.
   */
  static Tensor tensor(JsonNode node, String path, DecodeProblems problems) {
    if (!node.isArray()) {
      problems.add(path, "expected an array of numbers but found " + describe(node));
      return null;
    }
    List<Integer> dims = new ArrayList<>();
    JsonNode first = node;
    StringBuilder firstPath = new StringBuilder(path);
    while (first.isArray()) {
      if (first.isEmpty()) {
        problems.add(firstPath.toString(), "is an empty array; every axis needs at least one entry");
        return null;
      }
      dims.add(first.size());
      first = first.get(0);
      firstPath.append("[0]");
    }
    int[] shape = dims.stream().mapToInt(Integer::intValue).toArray();
    ShapeCheck check = new ShapeCheck(shape, path, problems);
    check.visit(node, 0, path);
    check.finish();
    if (check.found > 0) {
      return null;
    }
    long size = 1;
    for (int dim : shape) {
      size *= dim;
    }
    double[] data = new double[(int) size];
    fill(node, 0, shape.length, data, 0);
    return Tensor.of(shape, data);
  }

  /** Writes the leaves of a checked rectangular array into {@code data} from {@code offset}; returns the end. */
  private static int fill(JsonNode node, int depth, int rank, double[] data, int offset) {
    if (depth == rank) {
      data[offset] = node.doubleValue();
      return offset + 1;
    }
    int next = offset;
    for (JsonNode child : node) {
      next = fill(child, depth + 1, rank, data, next);
    }
    return next;
  }

  /** Walks a nested array and reports every place where it is not rectangular or holds a non-number. */
  private static final class ShapeCheck {
    private final int[] shape;
    private final String root;
    private final DecodeProblems problems;
    private int found;

    ShapeCheck(int[] shape, String root, DecodeProblems problems) {
      this.shape = shape;
      this.root = root;
      this.problems = problems;
    }

    void visit(JsonNode node, int depth, String path) {
      if (depth == shape.length) {
        if (!node.isNumber()) {
          report(path, "expected a number but found " + describe(node));
        }
        return;
      }
      if (!node.isArray()) {
        report(path, "expected an array of " + shape[depth] + " entries (like " + firstAt(depth)
            + ") but found " + describe(node));
        return;
      }
      if (node.size() != shape[depth]) {
        report(path, "is ragged: it has " + node.size() + " entries but " + firstAt(depth) + " has " + shape[depth]);
      }
      for (int i = 0; i < node.size(); i++) {
        visit(node.get(i), depth + 1, path + "[" + i + "]");
      }
    }

    /** The path of the array that set the length expected at this depth. */
    private String firstAt(int depth) {
      return root + "[0]".repeat(depth);
    }

    private void report(String path, String message) {
      if (found++ < MAX_PROBLEMS_PER_VALUE) {
        problems.add(path, message);
      }
    }

    void finish() {
      if (found > MAX_PROBLEMS_PER_VALUE) {
        problems.add(root, "and " + (found - MAX_PROBLEMS_PER_VALUE) + " more problems in this array");
      }
    }
  }

  /** An array of integers (dimensions, control factor indices); {@code null} on a problem. */
  static int[] intArray(JsonNode node, String path, DecodeProblems problems) {
    if (!node.isArray()) {
      problems.add(path, "expected an array of integers but found " + describe(node));
      return null;
    }
    int[] values = new int[node.size()];
    boolean ok = true;
    for (int i = 0; i < node.size(); i++) {
      Integer value = integer(node.get(i), path + "[" + i + "]", problems);
      if (value == null) {
        ok = false;
      } else {
        values[i] = value;
      }
    }
    return ok ? values : null;
  }

  /** An integer in the range of {@code int}; {@code null} on a problem. */
  static Integer integer(JsonNode node, String path, DecodeProblems problems) {
    if (node.isIntegralNumber() && node.canConvertToInt()) {
      return node.intValue();
    }
    if (node.isIntegralNumber()) {
      problems.add(path, "expected an integer but found " + describe(node) + ", which is out of range");
    } else {
      problems.add(path, "expected an integer but found " + describe(node));
    }
    return null;
  }

  /**
   * Policies as {@code policies[k][t][f]}; {@code null} on a problem. Whether the actions fit the model is
   * the validator's concern.
   */
  static List<Policy> policies(JsonNode node, String path, DecodeProblems problems) {
    if (!node.isArray()) {
      problems.add(path, "expected an array of policies, each an array of steps, each an array of actions, but "
          + "found " + describe(node));
      return null;
    }
    int before = problems.size();
    List<Policy> policies = new ArrayList<>(node.size());
    for (int k = 0; k < node.size() && problems.size() - before < MAX_PROBLEMS_PER_VALUE; k++) {
      Policy policy = policy(node.get(k), path + "[" + k + "]", problems);
      if (policy != null) {
        policies.add(policy);
      }
    }
    return problems.size() == before ? policies : null;
  }

  private static Policy policy(JsonNode node, String path, DecodeProblems problems) {
    if (!node.isArray() || node.isEmpty()) {
      problems.add(path, "expected a non-empty array of steps, each an array of actions, but found "
          + describe(node));
      return null;
    }
    int[][] actions = new int[node.size()][];
    boolean ok = true;
    for (int t = 0; t < node.size(); t++) {
      actions[t] = intArray(node.get(t), path + "[" + t + "]", problems);
      if (actions[t] == null) {
        ok = false;
      } else if (actions[0] != null && actions[t].length != actions[0].length) {
        problems.add(path + "[" + t + "]",
            "has " + actions[t].length + " actions but " + path + "[0] has " + actions[0].length);
        ok = false;
      }
    }
    return ok ? Policy.of(actions) : null;
  }

  /** How a JSON value looks, for messages: {@code the string "abc"}, {@code an array}, ... */
  static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isNull()) {
      return "null";
    }
    if (node.isArray()) {
      return node.isEmpty() ? "an empty array" : "an array";
    }
    if (node.isObject()) {
      return "an object";
    }
    if (node.isTextual()) {
      String text = node.textValue();
      return "the string \"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"";
    }
    if (node.isBoolean()) {
      return "the boolean " + node.booleanValue();
    }
    if (node.isNumber()) {
      String text = node.asText();
      return "the number " + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
    }
    return "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
