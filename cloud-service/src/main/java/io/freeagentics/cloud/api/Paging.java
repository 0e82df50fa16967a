package io.freeagentics.cloud.api;

import io.freeagentics.cloud.config.ApiConfig;
import jakarta.inject.Singleton;

/**
 * The page size a request asks for, checked against {@code fa.api.max-page-size}: one check, and one message, for
 * every paged endpoint of the API.
 */
@Singleton
public final class Paging {
  private final ApiConfig config;

  Paging(ApiConfig config) {
    this.config = config;
  }

  /**
   * The requested limit, or the default when none.
   *
   * @throws InvalidRequestException naming {@code limit} when it is outside 1..fa.api.max-page-size
   */
  public int limit(Integer requested) {
    if (requested == null) {
      return Math.min(config.defaultPageSize(), config.maxPageSize());
    }
    if (requested < 1 || requested > config.maxPageSize()) {
      throw new InvalidRequestException("limit", "must be 1 to " + config.maxPageSize() + " but was " + requested);
    }
    return requested;
  }
}
