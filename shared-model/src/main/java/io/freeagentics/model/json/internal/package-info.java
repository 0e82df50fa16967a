/** Reading and writing the JSON model format: key names, array decoding with JSON paths, the writer. */
package io.freeagentics.model.json.internal;
