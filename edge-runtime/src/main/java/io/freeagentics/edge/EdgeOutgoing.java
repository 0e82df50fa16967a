package io.freeagentics.edge;

import java.util.Arrays;

/**
 * A message to put in the sync spool: a topic, an opaque payload and a priority ({@code 0} lowest). When the spool
 * is full the oldest message of the lowest priority is dropped first.
 */
public record EdgeOutgoing(String topic, byte[] payload, int priority) {

  public EdgeOutgoing {
    if (topic == null || topic.isEmpty()) {
      throw new IllegalArgumentException("topic must not be null or empty");
    }
    if (payload == null) {
      throw new IllegalArgumentException("payload must not be null (topic " + topic + ")");
    }
    if (priority < 0) {
      throw new IllegalArgumentException("priority must not be negative but was " + priority + " (topic " + topic + ")");
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EdgeOutgoing o && o.topic.equals(topic) && Arrays.equals(o.payload, payload)
        && o.priority == priority;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * topic.hashCode() + Arrays.hashCode(payload)) + priority;
  }

  @Override
  public String toString() {
    return "EdgeOutgoing[topic=" + topic + ", payload=" + payload.length + " bytes, priority=" + priority + "]";
  }
}
