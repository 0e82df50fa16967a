package io.freeagentics.coalitions.workload;

import io.freeagentics.coalitions.Agent;
import io.freeagentics.coalitions.internal.H3Cells;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Random agents around a city centre, for benchmarks, quality measurements and tests: positions uniform in a disc
 * whose area keeps the density fixed ({@code agents / densityPerKm2} km^2), so the work per agent does not grow with
 * the population; preferred outcomes drawn around a few goal archetypes (so some pairs are compatible and some are
 * not); one to three capabilities out of {@code capabilities}. Deterministic for a seed.
 *
 * <p>Defaults ({@link #berlin}): centre Berlin (52.52 N, 13.405 E), 50 agents per km^2 (100,000 agents in a disc of
 * 25.2 km radius; about 5 per resolution-9 cell), 4 outcomes, 6 goal archetypes, 12 capabilities.
 */
public final class CityWorkload {
  public static final double BERLIN_LAT = 52.52;
  public static final double BERLIN_LNG = 13.405;
  public static final double DEFAULT_DENSITY = 50.0;
  private static final double KM_PER_DEGREE_LAT = 110.574;
  private static final double KM_PER_DEGREE_LNG_EQUATOR = 111.320;
  private static final int GOAL_TYPES = 6;

  private final double lat;
  private final double lng;
  private final double density;
  private final int resolution;
  private final int outcomes;
  private final int capabilities;
  private final double[][] archetypes;

  /**
   * @param lat centre latitude in degrees
   * @param lng centre longitude in degrees
   * @param densityPerKm2 agents per km^2 (> 0)
   * @param resolution H3 resolution of the agents' cells (0..15)
   * @param outcomes outcomes of the preferred-outcome distributions (>= 1)
   * @param capabilities distinct capabilities (1..64)
   */
  public CityWorkload(double lat, double lng, double densityPerKm2, int resolution, int outcomes, int capabilities) {
    List<String> problems = new ArrayList<>();
    if (!(lat >= -85 && lat <= 85)) {
      problems.add("lat = " + lat + " (must be within -85..85)");
    }
    if (!(lng >= -180 && lng <= 180)) {
      problems.add("lng = " + lng + " (must be within -180..180)");
    }
    if (!(densityPerKm2 > 0) || !Double.isFinite(densityPerKm2)) {
      problems.add("densityPerKm2 = " + densityPerKm2 + " (must be a finite number > 0)");
    }
    if (resolution < 0 || resolution > 15) {
      problems.add("resolution = " + resolution + " (must be 0..15)");
    }
    if (outcomes < 1) {
      problems.add("outcomes = " + outcomes + " (must be >= 1)");
    }
    if (capabilities < 1 || capabilities > Agent.MAX_CAPABILITIES) {
      problems.add("capabilities = " + capabilities + " (must be 1.." + Agent.MAX_CAPABILITIES + ")");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("city workload: " + String.join("; ", problems));
    }
    this.lat = lat;
    this.lng = lng;
    this.density = densityPerKm2;
    this.resolution = resolution;
    this.outcomes = outcomes;
    this.capabilities = capabilities;
    this.archetypes = new double[GOAL_TYPES][outcomes];
    for (int t = 0; t < GOAL_TYPES; t++) {
      double rest = outcomes == 1 ? 0 : 0.3 / (outcomes - 1);
      for (int o = 0; o < outcomes; o++) {
        archetypes[t][o] = o == t % outcomes ? (outcomes == 1 ? 1.0 : 0.7) : rest;
      }
      // Archetypes beyond the number of outcomes split the peak over two outcomes.
      if (t >= outcomes && outcomes > 1) {
        int second = (t + 1) % outcomes;
        archetypes[t][t % outcomes] = 0.4;
        archetypes[t][second] = 0.4;
        double other = outcomes == 2 ? 0 : 0.2 / (outcomes - 2);
        for (int o = 0; o < outcomes; o++) {
          if (o != t % outcomes && o != second) {
            archetypes[t][o] = other;
          }
        }
      }
    }
  }

  /** Berlin at the default density, 4 outcomes, 12 capabilities, cells at {@code resolution}. */
  public static CityWorkload berlin(int resolution) {
    return new CityWorkload(BERLIN_LAT, BERLIN_LNG, DEFAULT_DENSITY, resolution, 4, 12);
  }

  public double densityPerKm2() {
    return density;
  }

  /** Radius in km of the disc holding {@code agents} agents at this density. */
  public double radiusKm(int agents) {
    return Math.sqrt(agents / (Math.PI * density));
  }

  /** {@code n} agents with ids 0..n-1 uniform in the disc of {@link #radiusKm(int)}. */
  public List<Agent> agents(int n, long seed) {
    return agents(n, radiusKm(n), seed);
  }

  /** {@code n} agents with ids 0..n-1 uniform in a disc of {@code radiusKm} around the centre. */
  public List<Agent> agents(int n, double radiusKm, long seed) {
    if (n < 0 || !(radiusKm >= 0)) {
      throw new IllegalArgumentException("n must be >= 0 and radiusKm >= 0, got " + n + ", " + radiusKm);
    }
    SplittableRandom rng = new SplittableRandom(seed);
    List<Agent> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      long cell = randomCell(lat, lng, radiusKm, rng);
      out.add(new Agent(i, cell, randomCapabilities(rng), randomPreference(rng)));
    }
    return out;
  }

  /** The agent moved by a uniform displacement within {@code maxKm}. */
  public Agent moved(Agent agent, double maxKm, SplittableRandom rng) {
    double[] at = latLng(agent.cell());
    return agent.withCell(randomCell(at[0], at[1], maxKm, rng));
  }

  /** The agent with new capabilities and a new preferred outcome (same id and cell). */
  public Agent changed(Agent agent, SplittableRandom rng) {
    return new Agent(agent.id(), agent.cell(), randomCapabilities(rng), randomPreference(rng));
  }

  /** A new agent with the given id uniform in the disc of {@code radiusKm}. */
  public Agent newAgent(long id, double radiusKm, SplittableRandom rng) {
    return new Agent(id, randomCell(lat, lng, radiusKm, rng), randomCapabilities(rng), randomPreference(rng));
  }

  private static double[] latLng(long cell) {
    var p = H3Cells.h3().cellToLatLng(cell);
    return new double[] {p.lat, p.lng};
  }

  private long randomCell(double centreLat, double centreLng, double radiusKm, SplittableRandom rng) {
    double r = radiusKm * Math.sqrt(rng.nextDouble());
    double theta = 2 * Math.PI * rng.nextDouble();
    double dLat = r * Math.cos(theta) / KM_PER_DEGREE_LAT;
    double dLng = r * Math.sin(theta) / (KM_PER_DEGREE_LNG_EQUATOR * Math.cos(Math.toRadians(centreLat)));
    return H3Cells.h3().latLngToCell(centreLat + dLat, centreLng + dLng, resolution);
  }

  private long randomCapabilities(SplittableRandom rng) {
    int count = 1 + rng.nextInt(Math.min(3, capabilities));
    long mask = 0;
    while (Long.bitCount(mask) < count) {
      mask |= 1L << rng.nextInt(capabilities);
    }
    return mask;
  }

  private double[] randomPreference(SplittableRandom rng) {
    double[] archetype = archetypes[rng.nextInt(GOAL_TYPES)];
    double[] noise = new double[outcomes];
    double sum = 0;
    for (int o = 0; o < outcomes; o++) {
      noise[o] = -Math.log(1.0 - rng.nextDouble());
      sum += noise[o];
    }
    double[] p = new double[outcomes];
    double total = 0;
    for (int o = 0; o < outcomes; o++) {
      p[o] = 0.8 * archetype[o] + 0.2 * noise[o] / sum;
      total += p[o];
    }
    for (int o = 0; o < outcomes; o++) {
      p[o] /= total;
    }
    return p;
  }
}
