/**
 * Generative models of discrete-state POMDP agents (pymdp's A, B, C, D, E, pA, pB and policies), their validation
 * and the built-in models. Pure domain: no file, network or database code.
 */
package io.freeagentics.model;
