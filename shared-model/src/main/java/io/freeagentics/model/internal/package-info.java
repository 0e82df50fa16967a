/** Validation rules and other implementation details of the model package. */
package io.freeagentics.model.internal;
