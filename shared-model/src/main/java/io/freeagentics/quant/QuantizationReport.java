package io.freeagentics.quant;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The quantization error of every array of a model, in the order A[m], B[f], C[m], D[f], E. */
public record QuantizationReport(List<ArrayError> arrays) {

  public QuantizationReport {
    if (arrays == null || arrays.isEmpty()) {
      throw new IllegalArgumentException("arrays must list at least one array error");
    }
    arrays = List.copyOf(arrays);
  }

  /** The error of the named array ({@code "A[0]"}, ...), if the model has it. */
  public Optional<ArrayError> array(String name) {
    return arrays.stream().filter(e -> e.array().equals(name)).findFirst();
  }

  /** One line per array: name, entries, max and mean absolute error. */
  public String describe() {
    StringBuilder out = new StringBuilder();
    for (ArrayError e : arrays) {
      out.append(String.format(Locale.ROOT, "%-6s %8d entries  max |err| %.3e  mean |err| %.3e%n", e.array(),
          e.entries(), e.maxAbsError(), e.meanAbsError()));
    }
    return out.toString();
  }
}
