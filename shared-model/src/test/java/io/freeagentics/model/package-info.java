/** Tests of the generative-model API, the built-in models and the model catalog, with shared test helpers. */
package io.freeagentics.model;
