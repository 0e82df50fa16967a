package io.freeagentics.demo;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a fleet demo run delivered, counted at both ends: belief messages the devices committed ({@code published}),
 * the ones the cloud stored ({@code persisted}), those that never arrived ({@code lost}), copies stored twice
 * ({@code duplicates}, after the cloud's dedupe), and the end-to-end latency from the edge tick to the cloud's commit.
 *
 * @param devices simulated edge devices
 * @param agentsPerDevice agents on each device
 * @param seconds how long the fleet ticked
 * @param published belief messages the devices committed to their outboxes (each one tick of all their agents)
 * @param persisted distinct belief messages stored by the cloud
 * @param lost published messages the cloud never stored (also counts messages a device shed when its outbox was full)
 * @param duplicates messages or agent-belief rows stored more than once
 * @param duplicatesDropped copies the cloud received and dropped (redeliveries after reconnects and restarts)
 * @param agentUpdatesPersisted agent-belief updates stored (one per agent per message)
 * @param updatesPerSecond agent-belief updates stored per second of the run
 * @param e2eP50Ms median latency from the edge tick to the cloud's commit
 * @param e2eP99Ms 99th percentile of that latency
 * @param eventsPublished device events the devices committed to their outboxes (errors, the runtime stopping)
 * @param eventsStored device events the cloud stored
 * @param eventsLost published events the cloud never stored
 * @param hostKills fleet host processes killed with SIGKILL by chaos
 * @param connectionDrops broker connections cut by chaos
 */
public record DemoSummary(int devices, int agentsPerDevice, double seconds, long published, long persisted, long lost,
    long duplicates, long duplicatesDropped, long agentUpdatesPersisted, double updatesPerSecond, double e2eP50Ms,
    double e2eP99Ms, long eventsPublished, long eventsStored, long eventsLost, int hostKills, long connectionDrops) {

  /** The summary as JSON object fields, in a stable order. */
  public Map<String, Object> fields() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("devices", devices);
    fields.put("agents_per_device", agentsPerDevice);
    fields.put("seconds", round(seconds));
    fields.put("published", published);
    fields.put("persisted", persisted);
    fields.put("lost", lost);
    fields.put("duplicates", duplicates);
    fields.put("duplicates_dropped", duplicatesDropped);
    fields.put("agent_updates_persisted", agentUpdatesPersisted);
    fields.put("updates_per_s", round(updatesPerSecond));
    fields.put("e2e_p50_ms", round(e2eP50Ms));
    fields.put("e2e_p99_ms", round(e2eP99Ms));
    fields.put("events_published", eventsPublished);
    fields.put("events_stored", eventsStored);
    fields.put("events_lost", eventsLost);
    fields.put("host_kills", hostKills);
    fields.put("connection_drops", connectionDrops);
    return fields;
  }

  /** A few lines for a person. */
  public String text() {
    return String.format(Locale.ROOT, "%d devices x %d agents for %.0f s%n"
        + "  belief messages: %d published, %d persisted, %d lost, %d duplicates (%d redelivered copies dropped)%n"
        + "  agent-belief updates persisted: %d (%.0f/s)%n"
        + "  end-to-end latency, edge tick to cloud commit: p50 %.1f ms, p99 %.1f ms%n"
        + "  device events: %d published, %d stored, %d lost%n"
        + "  chaos: %d fleet hosts killed (SIGKILL), %d broker connections cut%n",
        devices, agentsPerDevice, seconds, published, persisted, lost, duplicates, duplicatesDropped,
        agentUpdatesPersisted, updatesPerSecond, e2eP50Ms, e2eP99Ms, eventsPublished, eventsStored, eventsLost,
        hostKills, connectionDrops);
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
