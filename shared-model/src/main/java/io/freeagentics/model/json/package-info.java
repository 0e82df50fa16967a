/**
 * The JSON file format of generative models ({@code docs/model-format.md}): reading a model file or the
 * {@code model} object of a pymdp trace, with every problem of a file reported at once, and writing a model back
 * in the same format.
 */
package io.freeagentics.model.json;
