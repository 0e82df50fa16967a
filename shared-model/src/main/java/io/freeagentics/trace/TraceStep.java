package io.freeagentics.trace;

/**
 * One recorded step: the observation, the action taken before it ({@code null} at the first step), and what pymdp
 * computed — posterior {@code qs[f][s]}, policy posterior, negative expected free energy per policy, action
 * probabilities {@code pAction[f][u]}, variational free energy — and the action then taken.
 */
public record TraceStep(int t, int[] observation, int[] previousAction, double[][] qs, double[] qPi,
    double[] negEfe, double[][] pAction, double vfe, int[] action) {}
