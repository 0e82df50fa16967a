package io.freeagentics.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.freeagentics.model.BuiltInModels;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.model.RandomModels;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The converter: a valid de-quantized model, an error entry per array, and the error bounds of the code. */
class QuantizedModelPropertyTest {

  @Provide
  Arbitrary<GenerativeModel> models() {
    return RandomModels.validModels();
  }

  @Property(tries = 60)
  void everyArrayIsReportedAndProbabilitiesStayWithinTheCodeBound(@ForAll("models") GenerativeModel model) {
    QuantizedModel quantized = QuantizedModel.of(model);
    GenerativeModel restored = quantized.dequantized();
    assertThat(restored.numStates()).isEqualTo(model.numStates());
    assertThat(restored.policies()).isEqualTo(model.policies());
    QuantizationReport report = quantized.report();
    int expected = 2 * model.numModalities() + 2 * model.numFactors() + (model.e().isPresent() ? 1 : 0);
    assertThat(report.arrays()).hasSize(expected);
    for (int m = 0; m < model.numModalities(); m++) {
      assertThat(report.array("A[" + m + "]").orElseThrow().maxAbsError()).isLessThanOrEqualTo(0.05);
      assertThat(report.array("C[" + m + "]")).isPresent();
      double[] c = model.c(m).toArray();
      double[] cq = restored.c(m).toArray();
      double max = java.util.Arrays.stream(c).max().orElseThrow();
      for (int o = 0; o < c.length; o++) {
        if (max - c[o] < LogCodec.MAX_CODE * QuantizedModel.PREFERENCE_STEP_NATS) {
          assertThat(Math.abs(cq[o] - c[o])).isLessThanOrEqualTo(QuantizedModel.PREFERENCE_STEP_NATS / 2 + 1e-9);
        }
      }
    }
    for (int f = 0; f < model.numFactors(); f++) {
      assertThat(report.array("B[" + f + "]").orElseThrow().maxAbsError()).isLessThanOrEqualTo(0.05);
      assertThat(report.array("D[" + f + "]").orElseThrow().maxAbsError()).isLessThanOrEqualTo(0.05);
    }
    for (ArrayError error : report.arrays()) {
      assertThat(error.meanAbsError()).isFinite().isLessThanOrEqualTo(error.maxAbsError());
    }
    assertThat(quantized.codeBytes()).isPositive();
  }

  @Example
  void builtInModelsQuantizeWithSmallErrors() {
    for (GenerativeModel model : new GenerativeModel[] {BuiltInModels.grid(5), BuiltInModels.grid(10),
        BuiltInModels.tmaze()}) {
      QuantizationReport report = QuantizedModel.of(model).report();
      System.out.print(model.name() + "\n" + report.describe());
      for (ArrayError error : report.arrays()) {
        assertThat(error.maxAbsError()).as(model.name() + " " + error.array()).isLessThanOrEqualTo(0.03);
      }
    }
  }

  @Example
  void rejectsNull() {
    assertThatThrownBy(() -> QuantizedModel.of(null)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("model");
  }
}
