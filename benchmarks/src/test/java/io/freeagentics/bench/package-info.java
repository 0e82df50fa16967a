/** Tests of the {@code fa bench} command line: argument validation and the JSON report of tiny runs. */
package io.freeagentics.bench;
