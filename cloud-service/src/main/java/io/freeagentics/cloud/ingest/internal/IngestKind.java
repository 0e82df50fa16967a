package io.freeagentics.cloud.ingest.internal;

import java.util.Arrays;
import java.util.List;

/** The up-link topics the ingest subscribes to, by their last topic level. */
public enum IngestKind {
  BELIEFS("beliefs"),
  TELEMETRY("telemetry"),
  PRESENCE("presence"),
  COMMAND_ACK("command-ack"),
  EVENTS("events");

  private final String topicLevel;

  IngestKind(String topicLevel) {
    this.topicLevel = topicLevel;
  }

  public String topicLevel() {
    return topicLevel;
  }

  /** The kind of this last topic level, or null. */
  public static IngestKind ofTopicLevel(String level) {
    for (IngestKind kind : values()) {
      if (kind.topicLevel.equals(level)) {
        return kind;
      }
    }
    return null;
  }

  public static List<String> topicLevels() {
    return Arrays.stream(values()).map(IngestKind::topicLevel).toList();
  }

  /**
   * The shared subscription filter of this kind: {@code $share/{group}/fa/v1/{fleet}/+/{kind}}, {@code fleet} being
   * one fleet id or {@code +} for all.
   */
  public String sharedFilter(String group, String fleet) {
    return "$share/" + group + "/fa/v1/" + fleet + "/+/" + topicLevel;
  }
}
