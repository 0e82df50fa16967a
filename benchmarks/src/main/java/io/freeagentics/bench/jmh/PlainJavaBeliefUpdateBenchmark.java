package io.freeagentics.bench.jmh;

import io.freeagentics.model.BuiltInModels;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.model.Tensor;
import java.util.Arrays;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Baseline: the grid:5 belief update written as a plain single-threaded Java loop over float arrays, the way one
 * would write it without an engine: {@code prior = B[:, :, u] q} (dense), {@code q' = prior * A[o, :]} normalised
 * (exact Bayes for one factor, which is what the engines compute). Same frames as the population benchmarks and,
 * like them, scored in agent-updates per second ({@value #AGENT_UPDATES} per invocation), so the scores compare
 * with {@link PopulationBenchmark#benchmarkPerceive}.
 *
 * <p>Layout: {@code beliefs[agent * S + s]}; {@code transitions[u][previous * S + next]} (each previous state's
 * column of {@code B[:, :, u]} contiguous, so the inner loop is a unit-stride multiply-add);
 * {@code likelihood[o * S + s]} (a row of A per outcome).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class PlainJavaBeliefUpdateBenchmark {
  /** Agent updates per invocation: a multiple of every {@code agents} value. */
  public static final int AGENT_UPDATES = 1_000_000;
  private static final int GRID_SIDE = 5;

  @Param({"1", "1000", "10000", "100000", "1000000"})
  public int agents;

  private int states;
  private float[] beliefs;
  private float[][] transitions;
  private float[] likelihood;
  private float[] prior;
  private ObservationFrames frames;
  private int callsPerInvocation;

  @Setup(Level.Trial)
  public void setUp() {
    GenerativeModel model = BuiltInModels.grid(GRID_SIDE);
    states = model.numStates(0);
    int controls = model.numControls(0);
    Tensor b = model.b(0);
    transitions = new float[controls][states * states];
    for (int u = 0; u < controls; u++) {
      for (int next = 0; next < states; next++) {
        for (int previous = 0; previous < states; previous++) {
          transitions[u][previous * states + next] = (float) b.at((next * states + previous) * controls + u);
        }
      }
    }
    Tensor a = model.a(0);
    likelihood = new float[a.size()];
    for (int i = 0; i < likelihood.length; i++) {
      likelihood[i] = (float) a.at(i);
    }
    beliefs = new float[agents * states];
    Tensor d = model.d(0);
    for (int agent = 0; agent < agents; agent++) {
      for (int s = 0; s < states; s++) {
        beliefs[agent * states + s] = (float) d.at(s);
      }
    }
    prior = new float[states];
    frames = ObservationFrames.draw(model, agents, 1L);
    callsPerInvocation = AGENT_UPDATES / agents;
  }

  /** Belief update of every agent, {@code AGENT_UPDATES / agents} times; returns the sum of the evidences. */
  @Benchmark
  @OperationsPerInvocation(AGENT_UPDATES)
  public double benchmarkPerceive() {
    double evidence = 0;
    for (int call = 0; call < callsPerInvocation; call++) {
      int frame = frames.advance();
      evidence += updateAll(frames.observations(frame), frames.actions(frame));
    }
    return evidence;
  }

  private double updateAll(int[] observations, int[] previousActions) {
    double evidence = 0;
    for (int agent = 0; agent < agents; agent++) {
      int base = agent * states;
      float[] transition = transitions[previousActions[agent]];
      Arrays.fill(prior, 0f);
      for (int previous = 0; previous < states; previous++) {
        float q = beliefs[base + previous];
        int column = previous * states;
        for (int next = 0; next < states; next++) {
          prior[next] += transition[column + next] * q;
        }
      }
      int row = observations[agent] * states;
      float sum = 0f;
      for (int s = 0; s < states; s++) {
        float joint = prior[s] * likelihood[row + s];
        prior[s] = joint;
        sum += joint;
      }
      float scale = 1f / sum;
      for (int s = 0; s < states; s++) {
        beliefs[base + s] = prior[s] * scale;
      }
      evidence += sum;
    }
    return evidence;
  }
}
