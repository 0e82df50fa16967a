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
 * The population engine on grid:5 at 1 to 100k agents: belief update ({@code perceive}) and full
 * perception–action cycle ({@code step}). Each invocation updates {@value #AGENT_UPDATES} agents
 * ({@code AGENT_UPDATES / agents} population-wide calls), so the score is agent-updates per second at every size;
 * {@link MillionAgentPopulationBenchmark} is the 1M size.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class PopulationBenchmark extends AbstractPopulationBenchmark {
  /** Agent updates per invocation: a multiple of every {@code agents} value. */
  public static final int AGENT_UPDATES = 100_000;

  @Param({"1", "1000", "10000", "100000"})
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
