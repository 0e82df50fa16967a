package io.freeagentics.bench.jmh;

import io.freeagentics.coalitions.Agent;
import io.freeagentics.coalitions.CoalitionConfig;
import io.freeagentics.coalitions.CoalitionFormation;
import io.freeagentics.coalitions.CoalitionStructure;
import io.freeagentics.coalitions.workload.CityWorkload;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Coalition formation on H3 (module coalitions, docs/coalitions.md) with the default configuration, on agents
 * uniform around Berlin at 50 per km^2: a full formation of 100,000 and of 500 agents, and one incremental round in
 * which 1% of 100,000 agents move by up to 500 m (put + repair). Targets: 1 s, 1 s and 50 ms. Time per operation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class CoalitionFormationBenchmark {
  private static final long SEED = 1L;

  /** A population and a formation to run it through. */
  @State(Scope.Benchmark)
  public abstract static class Population {
    List<Agent> agents;
    CoalitionFormation formation;

    abstract int size();

    @Setup(Level.Trial)
    public void setUp() {
      CoalitionConfig config = CoalitionConfig.defaults();
      agents = CityWorkload.berlin(config.resolution()).agents(size(), SEED);
      formation = CoalitionFormation.create(config);
    }
  }

  /** 100,000 agents in a disc of 25.2 km. */
  public static class Agents100k extends Population {
    @Override
    int size() {
      return 100_000;
    }
  }

  /** 500 agents in a disc of 1.8 km. */
  public static class Agents500 extends Population {
    @Override
    int size() {
      return 500;
    }
  }

  /**
   * 100,000 agents formed once; before every round, 1% of them (distinct) are moved by up to 500 m from where they
   * are (untimed, {@code Level.Invocation}: a round takes tens of milliseconds, so the setup's own overhead does not
   * matter). Fresh moves every round: replaying a fixed list of rounds would put agents where they already are,
   * which the engine skips.
   */
  @State(Scope.Benchmark)
  public static class Moving {
    CoalitionFormation formation;
    CityWorkload city;
    Agent[] current;
    SplittableRandom rng;
    Agent[] round;

    @Setup(Level.Trial)
    public void setUp() {
      CoalitionConfig config = CoalitionConfig.defaults();
      city = CityWorkload.berlin(config.resolution());
      List<Agent> agents = city.agents(100_000, SEED);
      formation = CoalitionFormation.create(config);
      formation.form(agents);
      current = agents.toArray(new Agent[0]);
      rng = new SplittableRandom(SEED + 1);
    }

    @Setup(Level.Invocation)
    public void nextRound() {
      int perRound = current.length / 100;
      java.util.BitSet taken = new java.util.BitSet(current.length);
      round = new Agent[perRound];
      for (int m = 0; m < perRound; ) {
        int i = rng.nextInt(current.length);
        if (!taken.get(i)) {
          taken.set(i);
          current[i] = city.moved(current[i], 0.5, rng);
          round[m++] = current[i];
        }
      }
    }
  }

  @Benchmark
  public CoalitionStructure benchmarkFormation100k(Agents100k state) {
    return state.formation.form(state.agents);
  }

  @Benchmark
  public CoalitionStructure benchmarkFormation500(Agents500 state) {
    return state.formation.form(state.agents);
  }

  @Benchmark
  public CoalitionStructure benchmarkIncremental1Percent(Moving state) {
    for (Agent a : state.round) {
      state.formation.put(a);
    }
    return state.formation.repair();
  }
}
