package io.freeagentics.cloud.ingest.internal;

import java.util.List;

/**
 * A beliefs message ready to be written: its row of {@code belief_message} and its rows of {@code belief_history}.
 *
 * @param kind the wire type byte (1 snapshot, 2 delta)
 * @param baseSequence a delta's base, or -1 for a snapshot
 * @param state the device's whole belief set after the message, as a wire snapshot frame
 * @param rows one per agent the message carried
 * @param maxAgent the largest agent id of the state
 */
public record PreparedBelief(MessageKey key, int kind, long baseSequence, long edgeMillis, byte[] state,
    List<HistoryRow> rows, int maxAgent) {

  /** One agent's stored beliefs ({@code io.freeagentics.cloud.beliefs.StoredBeliefs}) at one tick. */
  public record HistoryRow(int agent, long tick, byte[] codes) {
  }
}
