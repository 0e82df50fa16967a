package io.freeagentics.bench.jmh;

import io.freeagentics.bench.internal.ReferenceBenchEngine;
import io.freeagentics.engine.AgentSettings;
import io.freeagentics.model.BuiltInModels;
import io.freeagentics.model.GenerativeModel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The double-precision reference engine on grid:5, N {@code ReferenceAgent} objects on one thread, up to 10k
 * agents: the oracle's cost, for scale. Each invocation updates {@value #AGENT_UPDATES} agents. The reference agent
 * has no belief update on its own: {@code benchmarkPerceive} runs its {@code step} (inference and policy
 * evaluation) without choosing an action, {@code benchmarkStep} also chooses the action.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class ReferenceEngineBenchmark {
  /** Agent updates per invocation: a multiple of every {@code agents} value. */
  public static final int AGENT_UPDATES = 10_000;
  private static final int GRID_SIDE = 5;

  @Param({"1", "1000", "10000"})
  public int agents;

  private ReferenceBenchEngine engine;
  private ObservationFrames frames;
  private int[] actions;
  private int callsPerInvocation;

  @Setup(Level.Trial)
  public void setUp() {
    GenerativeModel model = BuiltInModels.grid(GRID_SIDE);
    engine = new ReferenceBenchEngine(model, AgentSettings.defaults(), agents, 1, 1L);
    frames = ObservationFrames.draw(model, agents, 1L);
    actions = new int[agents * model.numFactors()];
    callsPerInvocation = AGENT_UPDATES / agents;
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    engine.close();
  }

  /** Inference and policy evaluation of every agent, without action selection. */
  @Benchmark
  @OperationsPerInvocation(AGENT_UPDATES)
  public long benchmarkPerceive() {
    long processed = 0;
    for (int call = 0; call < callsPerInvocation; call++) {
      processed += engine.perceive(frames.observations(frames.advance()));
    }
    return processed;
  }

  /** Full perception–action cycle of every agent. */
  @Benchmark
  @OperationsPerInvocation(AGENT_UPDATES)
  public void benchmarkStep(Blackhole blackhole) {
    for (int call = 0; call < callsPerInvocation; call++) {
      blackhole.consume(engine.step(frames.observations(frames.advance()), actions));
    }
    blackhole.consume(actions);
  }
}
