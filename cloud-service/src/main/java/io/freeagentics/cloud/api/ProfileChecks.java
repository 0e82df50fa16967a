package io.freeagentics.cloud.api;

import io.freeagentics.cloud.twin.ProfileRef;
import io.freeagentics.wire.MessageHeader;
import io.freeagentics.wire.ProfileOverride;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The checks of a profile's settings that Jakarta constraints cannot express: the wire's limits per entry. */
final class ProfileChecks {
  private ProfileChecks() {}

  /** Adds a problem for every bad setting of {@code profile} (under the field path {@code field}). */
  static void check(String field, ProfileRef profile, List<FieldProblem> problems) {
    if (profile == null || profile.settings() == null) {
      return;
    }
    if (profile.settings().size() > ProfileOverride.MAX_SETTINGS) {
      problems.add(new FieldProblem(field + ".settings", "has " + profile.settings().size()
          + " entries, at most " + ProfileOverride.MAX_SETTINGS + " are allowed"));
    }
    for (Map.Entry<String, String> entry : profile.settings().entrySet()) {
      String keyProblem = MessageHeader.deviceIdProblem(entry.getKey());
      if (keyProblem != null) {
        problems.add(new FieldProblem(field + ".settings[" + entry.getKey() + "]", "key " + keyProblem));
      }
      String value = entry.getValue();
      if (value == null) {
        problems.add(new FieldProblem(field + ".settings[" + entry.getKey() + "]", "value must not be null"));
      } else if (value.getBytes(StandardCharsets.UTF_8).length > ProfileOverride.MAX_VALUE_BYTES) {
        problems.add(new FieldProblem(field + ".settings[" + entry.getKey() + "]", "value has "
            + value.getBytes(StandardCharsets.UTF_8).length + " UTF-8 bytes, at most "
            + ProfileOverride.MAX_VALUE_BYTES + " are allowed"));
      }
    }
  }
}
