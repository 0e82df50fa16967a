/** The {@code fa coalitions} command line: {@code bench} and {@code quality} (picocli). */
package io.freeagentics.coalitions.cli;
