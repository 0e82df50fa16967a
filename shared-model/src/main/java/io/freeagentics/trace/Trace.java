package io.freeagentics.trace;

import io.freeagentics.engine.AgentSettings;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.model.Tensor;
import java.util.List;

/**
 * A pymdp reference trace: the model and settings it ran with, its steps, and the Dirichlet counts after the last
 * step ({@code null} when that parameter is not learnt).
 */
public record Trace(String name, String source, AgentSettings settings, GenerativeModel model,
    List<TraceStep> steps, List<Tensor> finalPA, List<Tensor> finalPB) {
  public Trace {
    steps = List.copyOf(steps);
    finalPA = finalPA == null ? null : List.copyOf(finalPA);
    finalPB = finalPB == null ? null : List.copyOf(finalPB);
  }
}
