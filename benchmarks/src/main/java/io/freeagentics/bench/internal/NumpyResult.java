package io.freeagentics.bench.internal;

import java.util.List;

/**
 * What the NumPy population baseline reported: its full-cycle throughput and belief-update cost, with the command
 * that produced it and its output line.
 */
public record NumpyResult(List<String> command, double agentStepsPerSecond, double beliefUpdateMicrosPerAgent,
    String outputLine) {

  public NumpyResult {
    command = List.copyOf(command);
  }
}
