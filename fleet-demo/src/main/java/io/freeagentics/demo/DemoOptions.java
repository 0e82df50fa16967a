package io.freeagentics.demo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a fleet demo runs: devices and agents, how long they tick, how fast, across how many host processes,
 * whether chaos strikes, and where the run keeps its databases and logs.
 *
 * @param devices simulated edge devices, 1..100,000
 * @param agents agents per device, 1..10,000
 * @param durationSeconds seconds the fleet ticks, 1..86,400
 * @param tickMillis tick interval of every device, 10..60,000 ms
 * @param hosts fleet host processes the devices are spread over, 1..devices
 * @param chaos whether host processes are killed and broker connections cut at random moments
 * @param seed seed of the devices' worlds and of the chaos schedule
 * @param model the devices' model (grid:N, tmaze or a model file)
 * @param dataDir the run's folder: the devices' databases, the cloud's database, logs
 */
public record DemoOptions(int devices, int agents, long durationSeconds, long tickMillis, int hosts, boolean chaos,
    long seed, String model, Path dataDir) {

  public DemoOptions {
    List<String> problems = problems(devices, agents, durationSeconds, tickMillis, hosts, model, dataDir);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  /** Hosts for {@code devices} when the user did not say: one per 250 devices, at most 8. */
  public static int defaultHosts(int devices) {
    return Math.max(1, Math.min(8, (devices + 249) / 250));
  }

  /** Every problem of these values at once (empty when they are valid). */
  static List<String> problems(int devices, int agents, long durationSeconds, long tickMillis, int hosts,
      String model, Path dataDir) {
    List<String> problems = new ArrayList<>();
    if (devices < 1 || devices > 100_000) {
      problems.add("--devices must be in 1..100000 but was " + devices);
    }
    if (agents < 1 || agents > 10_000) {
      problems.add("--agents must be in 1..10000 but was " + agents);
    }
    if (durationSeconds < 1 || durationSeconds > 86_400) {
      problems.add("--duration must be in 1..86400 seconds but was " + durationSeconds);
    }
    if (tickMillis < 10 || tickMillis > 60_000) {
      problems.add("--tick-ms must be in 10..60000 but was " + tickMillis);
    }
    if (hosts < 1 || (devices >= 1 && hosts > devices)) {
      problems.add("--hosts must be in 1..devices (" + devices + ") but was " + hosts);
    }
    if (model == null || model.isBlank()) {
      problems.add("--model must not be blank");
    }
    if (dataDir == null) {
      problems.add("--data must be given");
    }
    return problems;
  }
}
