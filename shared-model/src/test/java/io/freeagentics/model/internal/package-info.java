/** Tests of the model validation rules. */
package io.freeagentics.model.internal;
