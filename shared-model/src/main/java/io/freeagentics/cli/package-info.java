/** The shared model's command-line entry points behind {@code ./fa replay} and {@code ./fa population}. */
package io.freeagentics.cli;
