/** Tests of the reference engine: properties on random models and the behaviour at its boundary. */
package io.freeagentics.engine;
