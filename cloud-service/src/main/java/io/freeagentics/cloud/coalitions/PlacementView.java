package io.freeagentics.cloud.coalitions;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** A device's placement as the API shows it. */
@Serdeable
public record PlacementView(String fleet, String device, double lat, double lng, List<String> capabilities,
    Instant updatedAt) {

  static PlacementView of(DevicePlacement p) {
    return new PlacementView(p.fleet(), p.device(), p.lat(), p.lng(), p.capabilities(), p.updatedAt());
  }
}
