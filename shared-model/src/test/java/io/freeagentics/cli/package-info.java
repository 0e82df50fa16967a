/** Tests of the command-line entry points, run in-process through picocli. */
package io.freeagentics.cli;
