package io.freeagentics.cloud.twin;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A device profile ({@code docs/device-profiles.md}) with some of its settings overridden, as a twin's desired or
 * reported profile. Keys are identifier tokens, values strings of at most 256 UTF-8 bytes, at most 64 of them
 * ({@link io.freeagentics.wire.ProfileOverride}'s limits, which the API checks).
 */
@Serdeable
@Schema(description = "A device profile with overridden settings")
public record ProfileRef(
    @NotNull @Pattern(regexp = "[A-Za-z0-9._-]{1,64}",
        message = "must be 1 to 64 characters from A-Z, a-z, 0-9, '.', '_' and '-'")
    @Schema(example = "pi4") String profileId,
    @NotNull @Size(max = 64) @Schema(example = "{\"tickMinMs\": \"500\"}") Map<String, String> settings) {

  public ProfileRef {
    settings = settings == null ? null : java.util.Collections.unmodifiableSortedMap(new TreeMap<>(settings));
  }

  /** The settings in key order. */
  public SortedMap<String, String> sortedSettings() {
    return (SortedMap<String, String>) settings;
  }
}
