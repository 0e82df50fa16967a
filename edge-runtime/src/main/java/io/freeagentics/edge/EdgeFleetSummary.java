package io.freeagentics.edge;

import io.freeagentics.edge.internal.JsonText;

/**
 * What a fleet host did. This run: devices started and failed, ticks committed, belief messages spooled (snapshots,
 * deltas, their bytes), belief acknowledgements received, commands received / applied / rejected / failed,
 * messages the broker acknowledged ({@code delivered}), MQTT connects and failed connects, the mean and largest
 * lateness of a tick against its schedule, seconds run and the process's CPU seconds and resident memory. Since the
 * devices' databases were created (their ledgers, summed): belief messages committed and delivered, all messages
 * delivered, still spooled, dropped (evicted or refused by the outbox bound or a full disk) and dead-lettered.
 */
public record EdgeFleetSummary(int devices, int devicesFailed, long ticks, long beliefsSpooled, long snapshots,
    long deltas, long beliefBytes, long beliefAcks, long commandsReceived, long commandsApplied,
    long commandsRejected, long commandsFailed, long delivered, long connects, long connectFailures,
    double tickLagMeanMs, double tickLagMaxMs, double seconds, double cpuSeconds, long rssKb,
    long beliefsCommitted, long beliefsDelivered, long deliveredTotal, long spooled, long dropped,
    long deadLettered) {

  /** One JSON object, keys in snake case. */
  public String toJson() {
    return new JsonText().number("devices", devices).number("devices_failed", devicesFailed).number("ticks", ticks)
        .number("beliefs_spooled", beliefsSpooled).number("belief_snapshots", snapshots)
        .number("belief_deltas", deltas).number("belief_bytes", beliefBytes).number("belief_acks", beliefAcks)
        .number("commands_received", commandsReceived).number("commands_applied", commandsApplied)
        .number("commands_rejected", commandsRejected).number("commands_failed", commandsFailed)
        .number("delivered", delivered).number("connects", connects).number("connect_failures", connectFailures)
        .number("tick_lag_mean_ms", tickLagMeanMs).number("tick_lag_max_ms", tickLagMaxMs)
        .number("seconds", seconds).number("cpu_seconds", cpuSeconds).number("rss_kb", rssKb)
        .number("beliefs_committed", beliefsCommitted).number("beliefs_delivered", beliefsDelivered)
        .number("delivered_total", deliveredTotal).number("spooled", spooled).number("dropped", dropped)
        .number("dead_lettered", deadLettered).build();
  }

  /** A few lines of text. */
  public String describe() {
    return String.format("fleet host summary%n"
        + "  devices            %d (%d failed)%n"
        + "  this run           %.1f s, %d ticks committed, %d belief messages spooled (%d snapshots, %d deltas, "
        + "%.0f B each), %d belief acks%n"
        + "  sync (this run)    %d delivered (PUBACKed), %d connects, %d connect failures%n"
        + "  commands           %d received: %d applied, %d rejected, %d failed%n"
        + "  tick lateness      mean %.1f ms, max %.1f ms%n"
        + "  process            %.1f CPU s (%.0f%% of one core), RSS %d MB%n"
        + "  ledger (all runs)  beliefs committed %d, beliefs delivered %d, delivered %d, still spooled %d, "
        + "dropped %d, dead letters %d%n",
        devices, devicesFailed, seconds, ticks, beliefsSpooled, snapshots, deltas,
        beliefsSpooled == 0 ? 0.0 : (double) beliefBytes / beliefsSpooled, beliefAcks, delivered, connects,
        connectFailures, commandsReceived, commandsApplied, commandsRejected, commandsFailed, tickLagMeanMs,
        tickLagMaxMs, cpuSeconds, seconds > 0 ? 100 * cpuSeconds / seconds : 0.0, rssKb / 1024, beliefsCommitted,
        beliefsDelivered, deliveredTotal, spooled, dropped, deadLettered);
  }
}
