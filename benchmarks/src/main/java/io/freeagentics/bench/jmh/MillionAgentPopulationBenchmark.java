package io.freeagentics.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The population engine on grid:5 at 1M agents: one population-wide call per invocation, {@value #AGENT_UPDATES}
 * agent updates, scored in agent-updates per second like {@link PopulationBenchmark}. A class of its own because
 * {@code @OperationsPerInvocation} is a constant and one call here already exceeds the smaller sizes' budget.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class MillionAgentPopulationBenchmark extends AbstractPopulationBenchmark {
  public static final int AGENT_UPDATES = 1_000_000;

  @Param({"1000000"})
  public int agents;

  @Override
  int agents() {
    return agents;
  }

  @Override
  int agentUpdatesPerInvocation() {
    return AGENT_UPDATES;
  }

  @Benchmark
  @OperationsPerInvocation(AGENT_UPDATES)
  public long benchmarkPerceive() {
    return perceiveAll();
  }

  @Benchmark
  @OperationsPerInvocation(AGENT_UPDATES)
  public void benchmarkStep(Blackhole blackhole) {
    stepAll(blackhole);
  }
}
