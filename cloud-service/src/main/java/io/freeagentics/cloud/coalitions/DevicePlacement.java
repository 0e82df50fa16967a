package io.freeagentics.cloud.coalitions;

import java.time.Instant;
import java.util.List;

/**
 * Where a device is and what it can do: the input of coalition formation besides its agents' goals.
 *
 * @param fleet the fleet
 * @param device the device
 * @param deviceNumber assigned when the device is first placed, never changed: the upper half of its agents'
 *     coalition ids ({@link AgentIds})
 * @param lat latitude in degrees (-90..90)
 * @param lng longitude in degrees (-180..180)
 * @param capabilities the capability names, distinct and sorted
 * @param updatedAt when the placement was last set
 */
public record DevicePlacement(String fleet, String device, long deviceNumber, double lat, double lng,
    List<String> capabilities, Instant updatedAt) {

  public DevicePlacement {
    capabilities = List.copyOf(capabilities);
  }
}
