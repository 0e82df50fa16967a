package io.freeagentics.cloud.api;

import java.util.List;

/**
 * What an API user may do. VIEWER reads everything; OPERATOR also sets desired state and sends commands; ADMIN also
 * manages users. Each role includes the ones below it.
 */
public enum ApiRole {
  VIEWER,
  OPERATOR,
  ADMIN;

  /** The role names an authenticated user of this role carries (its own and the ones it includes). */
  public List<String> grants() {
    return switch (this) {
      case VIEWER -> List.of("VIEWER");
      case OPERATOR -> List.of("OPERATOR", "VIEWER");
      case ADMIN -> List.of("ADMIN", "OPERATOR", "VIEWER");
    };
  }
}
