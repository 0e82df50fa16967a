package io.freeagentics.cloud.coalitions;

import io.freeagentics.cloud.config.ConfigurationCheck;
import io.freeagentics.coalitions.CoalitionConfig;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.Validator;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Coalition rounds ({@code fa.coalitions.*}); checked by {@link ConfigurationCheck} at startup and by
 * {@link #check(Validator)} when {@link CoalitionRounds} starts. The formation parameters default to
 * {@link CoalitionConfig#defaults()} (distance decay: g halving every ring; alpha = beta = 0.5).
 *
 * @param enabled whether rounds run every {@code roundInterval} (POST .../coalitions/round runs one regardless)
 * @param roundInterval the delay between the end of one scheduled round and the start of the next
 * @param resolution the H3 resolution of the agents' cells and of the spatial index (0..15)
 * @param k partners are searched within k grid rings (0..{@value CoalitionConfig#MAX_K})
 * @param lambda the size penalty factor (&gt;= 0)
 * @param rebuildEvery every this many rounds of a fleet a full formation replaces the incremental repair (0: never),
 *     which resets the small drift of incremental rounds (docs/coalitions.md, "Known gaps")
 */
@Introspected
@ConfigurationProperties("fa.coalitions")
public record CoalitionsConfig(
    @Bindable(defaultValue = "true") boolean enabled,
    @Bindable(defaultValue = "10s") Duration roundInterval,
    @Bindable(defaultValue = "9") int resolution,
    @Bindable(defaultValue = "1") int k,
    @Bindable(defaultValue = "0.25") double lambda,
    @Bindable(defaultValue = "100") int rebuildEvery) {

  @Override
  public @NotNull Duration roundInterval() {
    return roundInterval;
  }

  @Override
  public @Min(0) @Max(15) int resolution() {
    return resolution;
  }

  @Override
  public @Min(0) @Max(CoalitionConfig.MAX_K) int k() {
    return k;
  }

  @Override
  public @DecimalMin("0.0") double lambda() {
    return lambda;
  }

  @Override
  public @Min(0) int rebuildEvery() {
    return rebuildEvery;
  }

  /** The formation parameters: the defaults with this resolution, k and lambda. */
  public CoalitionConfig formation() {
    return CoalitionConfig.defaults().withResolution(resolution).withK(k).withLambda(lambda);
  }

  /**
   * Validates this record and refuses with one message listing every problem, each as
   * {@code fa.coalitions.<property> = <value>: <problem>}.
   *
   * @throws ConfigurationException when a property is out of range
   */
  public void check(Validator validator) {
    ConfigurationCheck.refuseIfAny(problems(validator));
  }

  /**
   * Every problem of this record, each as {@code fa.coalitions.<property> = <value>: <problem>}; also part of the
   * startup {@link ConfigurationCheck}.
   */
  public List<String> problems(Validator validator) {
    List<String> problems = new ArrayList<>(ConfigurationCheck.violations("fa.coalitions", this, validator));
    if (roundInterval != null && (roundInterval.isNegative() || roundInterval.isZero())) {
      problems.add("fa.coalitions.round-interval = " + roundInterval + ": must be positive");
    }
    if (!Double.isFinite(lambda)) {
      problems.add("fa.coalitions.lambda = " + lambda + ": must be a finite number");
    }
    return problems;
  }
}
