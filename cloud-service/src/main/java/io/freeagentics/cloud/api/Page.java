package io.freeagentics.cloud.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * One page of a list.
 *
 * @param items the items of this page
 * @param next the cursor of the next page (pass it as the list's cursor parameter), null on the last page
 */
@Serdeable
@Schema(description = "One page of a list, with the cursor of the next page")
public record Page<T>(List<T> items, @Nullable String next) {}
