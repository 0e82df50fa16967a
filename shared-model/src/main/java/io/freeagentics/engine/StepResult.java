package io.freeagentics.engine;

/**
 * What one perception step of an agent produced: the posterior marginals {@code qs[f][s]}, the policy posterior
 * {@code qPi[k]}, the negative expected free energy of each policy {@code negEfe[k]}, the action probabilities
 * {@code pAction[f][u]} and the variational free energy of the posterior. Arrays are the caller's to keep.
 */
public record StepResult(double[][] qs, double[] qPi, double[] negEfe, double[][] pAction, double vfe) {}
