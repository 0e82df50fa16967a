package io.freeagentics.cloud.events;

import io.freeagentics.cloud.config.ConfigurationCheck;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Stored device events ({@code fa.events.*}); checked by {@link ConfigurationCheck} at startup.
 *
 * @param retention how long an event is kept after it was stored (positive)
 * @param purgeInterval how often events older than the retention are deleted (positive)
 */
@Introspected
@ConfigurationProperties("fa.events")
public record EventsConfig(
    @Bindable(defaultValue = "30d") Duration retention,
    @Bindable(defaultValue = "1h") Duration purgeInterval) {

  @Override
  public @NotNull Duration retention() {
    return retention;
  }

  @Override
  public @NotNull Duration purgeInterval() {
    return purgeInterval;
  }

  /** Every problem of this record, each as {@code fa.events.<property> = <value>: <problem>}. */
  public List<String> problems(Validator validator) {
    List<String> problems = new ArrayList<>(ConfigurationCheck.violations("fa.events", this, validator));
    requirePositive(problems, "retention", retention);
    requirePositive(problems, "purge-interval", purgeInterval);
    return problems;
  }

  private static void requirePositive(List<String> problems, String property, Duration value) {
    if (value != null && (value.isNegative() || value.isZero())) {
      problems.add("fa.events." + property + " = " + value + ": must be positive");
    }
  }
}
