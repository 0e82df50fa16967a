package io.freeagentics.cloud.ingest.internal;

import io.freeagentics.wire.MessageHeader;

/**
 * The parts of an up-link topic {@code fa/v1/{fleet}/{device}/{kind}}: fleet and device are wire tokens
 * ({@code [A-Za-z0-9._-]}, 1 to 64 characters).
 */
public record TopicAddress(String fleet, String device, IngestKind kind) {

  /** The topic's parts, or null when {@code topic} is not an up-link topic; {@link #problem} says why. */
  public static TopicAddress parse(String topic) {
    return problem(topic) == null ? split(topic) : null;
  }

  /** Why {@code topic} is not an up-link topic {@code fa/v1/{fleet}/{device}/{kind}}, or null when it is one. */
  public static String problem(String topic) {
    if (topic == null) {
      return "topic is null";
    }
    String[] parts = topic.split("/", -1);
    if (parts.length != 5 || !parts[0].equals("fa") || !parts[1].equals("v1")) {
      return "topic '" + topic + "' is not fa/v1/{fleet}/{device}/{kind}";
    }
    String fleetProblem = MessageHeader.deviceIdProblem(parts[2]);
    if (fleetProblem != null) {
      return "fleet '" + parts[2] + "' of topic '" + topic + "' " + fleetProblem;
    }
    String deviceProblem = MessageHeader.deviceIdProblem(parts[3]);
    if (deviceProblem != null) {
      return "device '" + parts[3] + "' of topic '" + topic + "' " + deviceProblem;
    }
    if (IngestKind.ofTopicLevel(parts[4]) == null) {
      return "kind '" + parts[4] + "' of topic '" + topic + "' is not one of " + IngestKind.topicLevels();
    }
    return null;
  }

  private static TopicAddress split(String topic) {
    String[] parts = topic.split("/", -1);
    return new TopicAddress(parts[2], parts[3], IngestKind.ofTopicLevel(parts[4]));
  }

  /** {@code fa/v1/{fleet}/{device}/{level}}. */
  public static String topic(String fleet, String device, String level) {
    return "fa/v1/" + fleet + "/" + device + "/" + level;
  }

  @Override
  public String toString() {
    return topic(fleet, device, kind.topicLevel());
  }
}
