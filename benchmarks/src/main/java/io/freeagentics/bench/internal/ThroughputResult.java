package io.freeagentics.bench.internal;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What one throughput measurement found: full cycles ({@code agentStepsPerSecond} over {@code steps} timed calls),
 * population-wide belief updates, single-agent latency, and memory ({@code bytesPerAgent} measured on the heap,
 * {@code stateBytesPerAgent} as the engine reports it), with the setting they were measured in. {@code capNote}
 * explains why fewer agents than requested were run, when that happened.
 */
public record ThroughputResult(
    String engine,
    String model,
    int agentsRequested,
    int agents,
    int threads,
    String kernelDescription,
    int warmupSteps,
    int steps,
    double stepSeconds,
    double agentStepsPerSecond,
    int perceiveCalls,
    double perceiveSeconds,
    double beliefUpdatesPerSecond,
    boolean perceiveIncludesPolicyEvaluation,
    LatencyPercentiles latency,
    double bytesPerAgent,
    boolean memoryStable,
    OptionalDouble stateBytesPerAgent,
    Optional<String> capNote) {}
