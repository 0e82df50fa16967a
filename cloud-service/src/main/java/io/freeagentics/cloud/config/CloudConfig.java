package io.freeagentics.cloud.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import java.nio.file.Path;

/**
 * Service-wide settings ({@code fa.*}); checked by {@link ConfigurationCheck}.
 *
 * @param dataDir where the embedded H2 database and the generated API password live ({@code fa.data-dir}, env
 *     {@code FA_DATA_DIR}; default {@code .fa/cloud} under the working directory)
 */
@Introspected
@ConfigurationProperties("fa")
public record CloudConfig(@Bindable(defaultValue = ".fa/cloud") String dataDir) {

  @Override
  public @NotBlank String dataDir() {
    return dataDir;
  }

  /** {@link #dataDir()} as a path. */
  public Path dataPath() {
    return Path.of(dataDir);
  }
}
