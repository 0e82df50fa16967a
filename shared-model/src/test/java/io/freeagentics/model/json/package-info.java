/** Tests of the JSON model format: pymdp trace models, round trips, error messages and fuzzing. */
package io.freeagentics.model.json;
