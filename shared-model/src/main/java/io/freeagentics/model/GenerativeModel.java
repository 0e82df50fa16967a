package io.freeagentics.model;

import io.freeagentics.model.internal.ModelValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A discrete-state POMDP generative model as pymdp defines it: hidden-state factors {@code f} with
 * {@code numStates[f]} states and {@code numControls[f]} controls, observation modalities {@code m} with
 * {@code numObs[m]} outcomes, and the arrays
 * <ul>
 *   <li>{@code A[m]}: shape {@code (numObs[m], numStates[0], ..., numStates[F-1])}, the likelihood; each
 *       column (fixed states) sums to 1;</li>
 *   <li>{@code B[f]}: shape {@code (numStates[f], numStates[f], numControls[f])}, {@code B[f][next][prev][u]};
 *       each column {@code B[f][:, prev, u]} sums to 1;</li>
 *   <li>{@code C[m]}: shape {@code (numObs[m])}, preferences in nats (normalised by softmax when used);</li>
 *   <li>{@code D[f]}: shape {@code (numStates[f])}, the initial prior;</li>
 *   <li>{@code E}: optional prior over policies;</li>
 *   <li>{@code pA}, {@code pB}: optional Dirichlet concentration parameters for learning, shaped as A and B;</li>
 *   <li>the policies, each of the same length.</li>
 * </ul>
 * Instances are immutable and always valid: {@link Builder#build()} rejects a model that breaks any rule, naming
 * every problem. The domain model knows nothing of files or wire formats.
 */
public final class GenerativeModel {
  private final String name;
  private final int[] numStates;
  private final int[] numObs;
  private final int[] numControls;
  private final List<Tensor> a;
  private final List<Tensor> b;
  private final List<Tensor> c;
  private final List<Tensor> d;
  private final Tensor e;
  private final List<Tensor> pA;
  private final List<Tensor> pB;
  private final List<Policy> policies;

  private GenerativeModel(Builder builder) {
    this.name = builder.name;
    this.numStates = builder.numStates.clone();
    this.numObs = builder.numObs.clone();
    this.numControls = builder.numControls.clone();
    this.a = List.copyOf(builder.a);
    this.b = List.copyOf(builder.b);
    this.c = List.copyOf(builder.c);
    this.d = List.copyOf(builder.d);
    this.e = builder.e;
    this.pA = builder.pA == null ? null : List.copyOf(builder.pA);
    this.pB = builder.pB == null ? null : List.copyOf(builder.pB);
    this.policies = List.copyOf(builder.policies);
  }

  /** A builder for a model with the given dimensions. */
  public static Builder builder(int[] numStates, int[] numObs, int[] numControls) {
    return new Builder(numStates, numObs, numControls);
  }

  /** A builder pre-filled with this model's arrays, to derive a changed model. */
  public Builder toBuilder() {
    Builder builder = new Builder(numStates, numObs, numControls).name(name);
    builder.a = new ArrayList<>(a);
    builder.b = new ArrayList<>(b);
    builder.c = new ArrayList<>(c);
    builder.d = new ArrayList<>(d);
    builder.e = e;
    builder.pA = pA == null ? null : new ArrayList<>(pA);
    builder.pB = pB == null ? null : new ArrayList<>(pB);
    builder.policies = new ArrayList<>(policies);
    return builder;
  }

  /** A human-readable name (for example {@code grid:5}), or empty. */
  public String name() {
    return name;
  }

  public int numFactors() {
    return numStates.length;
  }

  public int numModalities() {
    return numObs.length;
  }

  public int numStates(int factor) {
    return numStates[factor];
  }

  public int numObs(int modality) {
    return numObs[modality];
  }

  public int numControls(int factor) {
    return numControls[factor];
  }

  /** Copies of the dimension arrays. */
  public int[] numStates() {
    return numStates.clone();
  }

  public int[] numObs() {
    return numObs.clone();
  }

  public int[] numControls() {
    return numControls.clone();
  }

  /** Number of joint hidden states, the product of {@code numStates}. */
  public int numJointStates() {
    int product = 1;
    for (int s : numStates) {
      product *= s;
    }
    return product;
  }

  public Tensor a(int modality) {
    return a.get(modality);
  }

  public Tensor b(int factor) {
    return b.get(factor);
  }

  public Tensor c(int modality) {
    return c.get(modality);
  }

  public Tensor d(int factor) {
    return d.get(factor);
  }

  public List<Tensor> a() {
    return a;
  }

  public List<Tensor> b() {
    return b;
  }

  public List<Tensor> c() {
    return c;
  }

  public List<Tensor> d() {
    return d;
  }

  /** The prior over policies, if the model has one. */
  public Optional<Tensor> e() {
    return Optional.ofNullable(e);
  }

  /** Dirichlet parameters of A, if A is learnt. */
  public Optional<List<Tensor>> pA() {
    return Optional.ofNullable(pA);
  }

  /** Dirichlet parameters of B, if B is learnt. */
  public Optional<List<Tensor>> pB() {
    return Optional.ofNullable(pB);
  }

  public List<Policy> policies() {
    return policies;
  }

  public int numPolicies() {
    return policies.size();
  }

  /** The number of steps every policy looks ahead. */
  public int policyLength() {
    return policies.get(0).length();
  }

  @Override
  public String toString() {
    return "GenerativeModel[" + (name.isEmpty() ? "" : name + ", ") + "states=" + java.util.Arrays.toString(numStates)
        + ", obs=" + java.util.Arrays.toString(numObs) + ", controls=" + java.util.Arrays.toString(numControls)
        + ", policies=" + policies.size() + "x" + policyLength() + "]";
  }

  /**
   * Collects a model's arrays; {@link #build()} validates them all at once. Arrays left unset default as pymdp
   * does: {@code C} to zeros, {@code D} to uniform, the policies to every combination of controls of length 1.
   */
  public static final class Builder {
    private String name = "";
    private final int[] numStates;
    private final int[] numObs;
    private final int[] numControls;
    private List<Tensor> a;
    private List<Tensor> b;
    private List<Tensor> c;
    private List<Tensor> d;
    private Tensor e;
    private List<Tensor> pA;
    private List<Tensor> pB;
    private List<Policy> policies;

    private Builder(int[] numStates, int[] numObs, int[] numControls) {
      if (numStates == null || numObs == null || numControls == null) {
        throw new IllegalArgumentException("numStates, numObs and numControls must not be null");
      }
      this.numStates = numStates.clone();
      this.numObs = numObs.clone();
      this.numControls = numControls.clone();
    }

    public Builder name(String value) {
      this.name = value == null ? "" : value;
      return this;
    }

    public Builder a(List<Tensor> value) {
      this.a = new ArrayList<>(value);
      return this;
    }

    public Builder b(List<Tensor> value) {
      this.b = new ArrayList<>(value);
      return this;
    }

    public Builder c(List<Tensor> value) {
      this.c = new ArrayList<>(value);
      return this;
    }

    public Builder d(List<Tensor> value) {
      this.d = new ArrayList<>(value);
      return this;
    }

    public Builder e(Tensor value) {
      this.e = value;
      return this;
    }

    public Builder pA(List<Tensor> value) {
      this.pA = value == null ? null : new ArrayList<>(value);
      return this;
    }

    public Builder pB(List<Tensor> value) {
      this.pB = value == null ? null : new ArrayList<>(value);
      return this;
    }

    public Builder policies(List<Policy> value) {
      this.policies = new ArrayList<>(value);
      return this;
    }

    /**
     * Validates the collected arrays and returns the model.
     *
     * @throws ModelValidationException naming every problem found
     */
    public GenerativeModel build() throws ModelValidationException {
      List<ModelProblem> problems = new ArrayList<>(ModelValidator.checkDimensions(numStates, numObs, numControls));
      if (problems.isEmpty()) {
        fillDefaults();
        problems.addAll(ModelValidator.checkArrays(numStates, numObs, numControls, a, b, c, d, e, pA, pB, policies));
      }
      if (!problems.isEmpty()) {
        throw new ModelValidationException(name, problems);
      }
      return new GenerativeModel(this);
    }

    private void fillDefaults() {
      if (c == null) {
        c = new ArrayList<>();
        for (int o : numObs) {
          c.add(Tensor.of(new int[] {o}, new double[o]));
        }
      }
      if (d == null) {
        d = new ArrayList<>();
        for (int s : numStates) {
          d.add(Tensor.filled(new int[] {s}, 1.0 / s));
        }
      }
      if (policies == null) {
        policies = new ArrayList<>(Policies.enumerate(numControls, 1, null));
      }
    }
  }
}
