package io.freeagentics.cloud.config;

import io.freeagentics.cloud.beliefs.BeliefCacheConfig;
import io.freeagentics.cloud.cache.CacheConfig;
import io.freeagentics.cloud.cache.CacheConfigException;
import io.freeagentics.cloud.coalitions.CoalitionsConfig;
import io.freeagentics.cloud.events.EventsConfig;
import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks every configuration record of the store, twins, API, coalition rounds, device events, caches and belief
 * cache when the service starts, and refuses to start with one message listing every problem of every record, each
 * naming its property and value, for example
 * {@code fa.api.default-page-size = 0: must be greater than or equal to 1}. The constraints sit on the records'
 * accessors, so binding itself never stops at the first problem ({@code fa.cache.*} checks itself and lists all of
 * its problems in one {@link CacheConfigException}).
 */
@Context
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class ConfigurationCheck {
  /** The records checked, with the prefix of their properties. */
  private static final Map<Class<?>, String> RECORDS = new LinkedHashMap<>();

  static {
    RECORDS.put(CloudConfig.class, "fa");
    RECORDS.put(TwinConfig.class, "fa.twin");
    RECORDS.put(ApiConfig.class, "fa.api");
  }

  ConfigurationCheck(BeanContext beans, Validator validator) {
    refuseIfAny(problems(beans, validator));
  }

  /** Every problem of every configuration record, each as {@code property = value: problem}. */
  static List<String> problems(BeanContext beans, Validator validator) {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<Class<?>, String> entry : RECORDS.entrySet()) {
      problems.addAll(violations(entry.getValue(), beans.getBean(entry.getKey()), validator));
    }
    problems.addAll(beans.getBean(CoalitionsConfig.class).problems(validator));
    problems.addAll(beans.getBean(EventsConfig.class).problems(validator));
    problems.addAll(beans.getBean(BeliefCacheConfig.class).problems(validator));
    problems.addAll(cacheProblems(beans));
    problems.sort(String::compareTo);
    return problems;
  }

  /** The problems of {@code fa.cache.*}: its record checks every rule itself, so it cannot be built when wrong. */
  private static List<String> cacheProblems(BeanContext beans) {
    try {
      beans.getBean(CacheConfig.class);
      return List.of();
    } catch (RuntimeException e) {
      List<String> problems = CacheConfigException.problemsIn(e);
      if (problems.isEmpty()) {
        throw e;
      }
      return problems;
    }
  }

  /**
   * The constraint violations of one configuration record, each as {@code prefix.property = value: problem} with
   * the property in kebab case, as it is written in the configuration.
   *
   * @param prefix the prefix of the record's properties, for example {@code fa.api}
   */
  public static List<String> violations(String prefix, Object record, Validator validator) {
    List<String> problems = new ArrayList<>();
    for (ConstraintViolation<Object> violation : validator.validate(record)) {
      problems.add(prefix + "." + kebab(violation.getPropertyPath().toString()) + " = "
          + violation.getInvalidValue() + ": " + violation.getMessage());
    }
    return problems;
  }

  /**
   * Refuses a configuration with problems: one message listing them all, sorted.
   *
   * @throws ConfigurationException when {@code problems} is not empty
   */
  public static void refuseIfAny(List<String> problems) {
    if (!problems.isEmpty()) {
      List<String> sorted = new ArrayList<>(problems);
      sorted.sort(String::compareTo);
      throw new ConfigurationException("The configuration has " + sorted.size() + " problem"
          + (sorted.size() == 1 ? "" : "s") + ":\n  - " + String.join("\n  - ", sorted));
    }
  }

  private static String kebab(String camel) {
    StringBuilder kebab = new StringBuilder();
    for (char c : camel.toCharArray()) {
      if (Character.isUpperCase(c)) {
        kebab.append('-').append(Character.toLowerCase(c));
      } else {
        kebab.append(c);
      }
    }
    return kebab.toString();
  }
}
