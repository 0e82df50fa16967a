package io.freeagentics.random;

/**
 * Counter-based random numbers: each value is a hash of (seed, agent, the agent's step count, stream), so an
 * agent's draws do not depend on which thread or block processes it, on the order of agents, or on how many other
 * agents stepped. The key components are combined with distinct odd 64-bit multipliers into one word (injective for
 * any realistic agent and step ranges), which two rounds of SplitMix64's finaliser then mix. Shared by every engine,
 * so the float and int8 populations draw the same numbers for the same agent and step.
 */
public final class CounterRandom {
  private static final long AGENT_MULTIPLIER = 0xD1B54A32D192ED03L;
  private static final long STEP_MULTIPLIER = 0xABC98388FB8FAC03L;
  private static final long STREAM_MULTIPLIER = 0x8CB92BA72F3D8DD7L;

  private CounterRandom() {}

  /** The per-population part of the key, computed once. */
  public static long seedKey(long seed) {
    return mix(seed + 0x9E3779B97F4A7C15L);
  }

  /** A uniform float in [0, 1) for the given key ({@code seedKey} from {@link #seedKey(long)}). */
  public static float uniform(long seedKey, int agent, long step, int stream) {
    long key = seedKey + agent * AGENT_MULTIPLIER + step * STEP_MULTIPLIER + stream * STREAM_MULTIPLIER;
    return (mix(mix(key)) >>> 40) * 0x1.0p-24f;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
