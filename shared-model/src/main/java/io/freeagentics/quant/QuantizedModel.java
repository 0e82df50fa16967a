package io.freeagentics.quant;

import io.freeagentics.model.GenerativeModel;
import io.freeagentics.model.ModelValidationException;
import io.freeagentics.model.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A generative model with every parameter in 8-bit {@link LogCodec} codes, converted from a float model, together
 * with the model those codes stand for ({@link #dequantized()}) and the error of each array ({@link #report()}).
 * Immutable.
 *
 * <ul>
 *   <li>{@code A[m]} and {@code B[f]}: each entry {@code p <= 1} as {@code encodeRatio(p)}; de-quantized, every
 *       column (axis 0) is divided by its sum, so the de-quantized model is again column-stochastic.</li>
 *   <li>{@code C[m]} (preferences in nats): the distance below the modality's largest preference in uniform steps
 *       of {@link #PREFERENCE_STEP_NATS}, saturating at {@link LogCodec#MAX_CODE} steps (15.9 nats); the largest
 *       preference is kept as a float.</li>
 *   <li>{@code D[f]}: a distribution relative to its largest entry, normalised when de-quantized.</li>
 *   <li>{@code E}: relative to its largest entry, whose value is kept as a float (pymdp uses {@code ln E}
 *       unnormalised).</li>
 * </ul>
 * Dirichlet counts ({@code pA}, {@code pB}) are not carried over: the int8 engine does not learn.
 */
public final class QuantizedModel {
  /** Width in nats of one code step of the preferences C (uniform: C is a utility, not a probability). */
  public static final double PREFERENCE_STEP_NATS = 1.0 / 16.0;

  private final GenerativeModel source;
  private final List<byte[]> a;
  private final List<byte[]> b;
  private final List<byte[]> c;
  private final double[] cReference;
  private final List<byte[]> d;
  private final byte[] e;
  private final double eReference;
  private final GenerativeModel dequantized;
  private final QuantizationReport report;

  private QuantizedModel(GenerativeModel source) {
    this.source = source;
    List<ArrayError> errors = new ArrayList<>();
    List<Tensor> aOut = new ArrayList<>();
    List<Tensor> bOut = new ArrayList<>();
    List<Tensor> cOut = new ArrayList<>();
    List<Tensor> dOut = new ArrayList<>();
    a = new ArrayList<>();
    for (int m = 0; m < source.numModalities(); m++) {
      Tensor original = source.a(m);
      byte[] codes = probabilityCodes(original.toArray());
      a.add(codes);
      aOut.add(Tensor.of(original.shape(), columnNormalised(codes, original.dim(0))));
    }
    b = new ArrayList<>();
    for (int f = 0; f < source.numFactors(); f++) {
      Tensor original = source.b(f);
      byte[] codes = probabilityCodes(original.toArray());
      b.add(codes);
      bOut.add(Tensor.of(original.shape(), columnNormalised(codes, original.dim(0))));
    }
    c = new ArrayList<>();
    cReference = new double[source.numModalities()];
    for (int m = 0; m < source.numModalities(); m++) {
      double[] values = source.c(m).toArray();
      double max = Double.NEGATIVE_INFINITY;
      for (double v : values) {
        max = Math.max(max, v);
      }
      cReference[m] = max;
      byte[] codes = new byte[values.length];
      double[] restored = new double[values.length];
      for (int o = 0; o < values.length; o++) {
        int code = (int) Math.min(LogCodec.MAX_CODE, Math.round((max - values[o]) / PREFERENCE_STEP_NATS));
        codes[o] = (byte) code;
        restored[o] = max - code * PREFERENCE_STEP_NATS;
      }
      c.add(codes);
      cOut.add(Tensor.of(source.c(m).shape(), restored));
    }
    d = new ArrayList<>();
    for (int f = 0; f < source.numFactors(); f++) {
      byte[] codes = LogCodec.encodeDistribution(source.d(f).toArray());
      d.add(codes);
      dOut.add(Tensor.of(source.d(f).shape(), LogCodec.decodeDistribution(codes)));
    }
    Tensor eOut = null;
    if (source.e().isPresent()) {
      double[] values = source.e().get().toArray();
      double max = 0.0;
      for (double v : values) {
        max = Math.max(max, v);
      }
      eReference = max;
      e = LogCodec.encodeDistribution(values);
      double[] restored = new double[values.length];
      for (int k = 0; k < values.length; k++) {
        restored[k] = max * LogCodec.ratio(e[k]);
      }
      eOut = Tensor.of(source.e().get().shape(), restored);
    } else {
      e = null;
      eReference = 0.0;
    }
    for (int m = 0; m < source.numModalities(); m++) {
      errors.add(ArrayError.between("A[" + m + "]", source.a(m).toArray(), aOut.get(m).toArray()));
    }
    for (int f = 0; f < source.numFactors(); f++) {
      errors.add(ArrayError.between("B[" + f + "]", source.b(f).toArray(), bOut.get(f).toArray()));
    }
    for (int m = 0; m < source.numModalities(); m++) {
      errors.add(ArrayError.between("C[" + m + "]", source.c(m).toArray(), cOut.get(m).toArray()));
    }
    for (int f = 0; f < source.numFactors(); f++) {
      errors.add(ArrayError.between("D[" + f + "]", source.d(f).toArray(), dOut.get(f).toArray()));
    }
    if (eOut != null) {
      errors.add(ArrayError.between("E", source.e().get().toArray(), eOut.toArray()));
    }
    report = new QuantizationReport(errors);
    GenerativeModel.Builder builder = GenerativeModel.builder(source.numStates(), source.numObs(),
            source.numControls())
        .name(source.name()).a(aOut).b(bOut).c(cOut).d(dOut).policies(source.policies());
    if (eOut != null) {
      builder.e(eOut);
    }
    try {
      dequantized = builder.build();
    } catch (ModelValidationException invalid) {
      throw new IllegalStateException("de-quantizing model " + source.name() + " produced an invalid model: "
          + invalid.getMessage(), invalid);
    }
  }

  /**
   * Quantizes {@code model}.
   *
   * @throws IllegalArgumentException when model is null
   */
  public static QuantizedModel of(GenerativeModel model) {
    if (model == null) {
      throw new IllegalArgumentException("model must not be null");
    }
    return new QuantizedModel(model);
  }

  /** The float model this was converted from. */
  public GenerativeModel source() {
    return source;
  }

  /** The model the codes stand for: every array de-quantized (A, B columns and D renormalised). */
  public GenerativeModel dequantized() {
    return dequantized;
  }

  /** The max and mean absolute error of every array after de-quantizing. */
  public QuantizationReport report() {
    return report;
  }

  /** A copy of the codes of {@code A[m]}, in A's layout. */
  public byte[] aCodes(int modality) {
    return a.get(modality).clone();
  }

  /** A copy of the codes of {@code B[f]}, in B's layout. */
  public byte[] bCodes(int factor) {
    return b.get(factor).clone();
  }

  /** A copy of the codes of {@code C[m]}: steps below {@link #cReference(int)}. */
  public byte[] cCodes(int modality) {
    return c.get(modality).clone();
  }

  /** The largest preference of modality {@code m}, the reference of its codes. */
  public double cReference(int modality) {
    return cReference[modality];
  }

  /** A copy of the codes of {@code D[f]}, relative to its largest entry. */
  public byte[] dCodes(int factor) {
    return d.get(factor).clone();
  }

  /** A copy of the codes of {@code E} relative to its largest entry, when the model has an E. */
  public Optional<byte[]> eCodes() {
    return e == null ? Optional.empty() : Optional.of(e.clone());
  }

  /** Bytes of all parameter codes (A, B, C, D, E). */
  public long codeBytes() {
    long total = e == null ? 0 : e.length;
    for (List<byte[]> arrays : List.of(a, b, c, d)) {
      for (byte[] codes : arrays) {
        total += codes.length;
      }
    }
    return total;
  }

  private static byte[] probabilityCodes(double[] values) {
    byte[] codes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      codes[i] = (byte) LogCodec.encodeRatio(Math.min(1.0, values[i]));
    }
    return codes;
  }

  /** Decodes codes laid out with {@code rows} rows on axis 0 and divides every column by its sum. */
  static double[] columnNormalised(byte[] codes, int rows) {
    int columns = codes.length / rows;
    double[] values = new double[codes.length];
    for (int col = 0; col < columns; col++) {
      double sum = 0.0;
      for (int row = 0; row < rows; row++) {
        double v = LogCodec.ratio(codes[row * columns + col]);
        values[row * columns + col] = v;
        sum += v;
      }
      if (!(sum > 0.0)) {
        throw new IllegalStateException("column " + col + " lost all its mass in quantization");
      }
      for (int row = 0; row < rows; row++) {
        values[row * columns + col] /= sum;
      }
    }
    return values;
  }
}
