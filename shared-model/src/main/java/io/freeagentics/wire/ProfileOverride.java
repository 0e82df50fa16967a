package io.freeagentics.wire;

import io.freeagentics.wire.internal.WireText;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Switch the device to the device profile {@code profileId} ({@code docs/device-profiles.md}) with some of its
 * settings overridden, for example {@code tickMinMs -> 500}; the device validates the result before use.
 *
 * @param profileId an identifier token, as a device id
 * @param settings at most {@value #MAX_SETTINGS} entries: keys are identifier tokens, values at most
 *     {@value #MAX_VALUE_BYTES} UTF-8 bytes; kept in key order
 */
public record ProfileOverride(String profileId, SortedMap<String, String> settings) implements CommandAction {
  public static final int MAX_SETTINGS = 64;
  public static final int MAX_VALUE_BYTES = 256;

  public ProfileOverride {
    String problem = MessageHeader.deviceIdProblem(profileId);
    if (problem != null) {
      throw new IllegalArgumentException("profileId " + problem);
    }
    if (settings == null || settings.size() > MAX_SETTINGS) {
      throw new IllegalArgumentException("settings must be non-null with at most " + MAX_SETTINGS + " entries");
    }
    TreeMap<String, String> copy = new TreeMap<>();
    for (Map.Entry<String, String> entry : settings.entrySet()) {
      String keyProblem = MessageHeader.deviceIdProblem(entry.getKey());
      if (keyProblem != null) {
        throw new IllegalArgumentException("settings key " + keyProblem);
      }
      String value = entry.getValue();
      if (value == null || WireText.utf8(value) == null || WireText.utf8(value).length > MAX_VALUE_BYTES) {
        throw new IllegalArgumentException("settings value of '" + entry.getKey() + "' must be non-null with at most "
            + MAX_VALUE_BYTES + " UTF-8 bytes (well-formed text)");
      }
      copy.put(entry.getKey(), value);
    }
    settings = Collections.unmodifiableSortedMap(copy);
  }
}
