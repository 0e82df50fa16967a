package io.freeagentics.model;

import java.util.ArrayList;
import java.util.List;

/** Builds the policy space from the controls, exactly as pymdp's {@code construct_policies} orders it. */
public final class Policies {
  private Policies() {}

  /**
   * Every sequence of {@code policyLength} joint actions, where the factors in {@code controlFactors} range
   * over their controls and every other factor takes action 0. The order is that of
   * {@code itertools.product} over (step, factor) with the last factor of the last step varying fastest.
   *
   * @param numControls controls per factor
   * @param policyLength number of future steps, at least 1
   * @param controlFactors the controllable factors, or {@code null} for every factor with more than one control
   */
  public static List<Policy> enumerate(int[] numControls, int policyLength, int[] controlFactors) {
    if (policyLength < 1) {
      throw new IllegalArgumentException("policyLength must be at least 1 but was " + policyLength);
    }
    int factors = numControls.length;
    boolean[] controllable = new boolean[factors];
    if (controlFactors == null) {
      for (int f = 0; f < factors; f++) {
        controllable[f] = numControls[f] > 1;
      }
    } else {
      for (int f : controlFactors) {
        if (f < 0 || f >= factors) {
          throw new IllegalArgumentException("control factor " + f + " is not in [0, " + factors + ")");
        }
        controllable[f] = true;
      }
    }
    int slots = factors * policyLength;
    int[] radix = new int[slots];
    long count = 1;
    for (int i = 0; i < slots; i++) {
      int f = i % factors;
      radix[i] = controllable[f] ? numControls[f] : 1;
      count *= radix[i];
      if (count > 1_000_000) {
        throw new IllegalArgumentException(
            "policy space exceeds 1,000,000 policies (policyLength " + policyLength + ")");
      }
    }
    List<Policy> policies = new ArrayList<>((int) count);
    int[] digits = new int[slots];
    for (long k = 0; k < count; k++) {
      int[][] actions = new int[policyLength][factors];
      for (int i = 0; i < slots; i++) {
        actions[i / factors][i % factors] = digits[i];
      }
      policies.add(Policy.of(actions));
      for (int i = slots - 1; i >= 0; i--) {
        if (++digits[i] < radix[i]) {
          break;
        }
        digits[i] = 0;
      }
    }
    return List.copyOf(policies);
  }
}
