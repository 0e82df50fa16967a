package io.freeagentics.edge;

import java.util.Arrays;

/**
 * A message waiting in the sync spool: its id (increasing in enqueue order), topic, payload, priority, the number
 * of failed delivery attempts so far and the tick that enqueued it.
 */
public record EdgeOutboxMessage(long id, String topic, byte[] payload, int priority, int attempts, long tick) {

  public EdgeOutboxMessage {
    if (topic == null || payload == null) {
      throw new IllegalArgumentException("topic and payload must not be null (message " + id + ")");
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EdgeOutboxMessage m && m.id == id && m.topic.equals(topic)
        && Arrays.equals(m.payload, payload) && m.priority == priority && m.attempts == attempts && m.tick == tick;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(id);
  }

  @Override
  public String toString() {
    return "EdgeOutboxMessage[id=" + id + ", topic=" + topic + ", payload=" + payload.length + " bytes, priority="
        + priority + ", attempts=" + attempts + ", tick=" + tick + "]";
  }
}
