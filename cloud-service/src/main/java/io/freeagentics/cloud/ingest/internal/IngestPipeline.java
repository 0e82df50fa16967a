package io.freeagentics.cloud.ingest.internal;

import io.freeagentics.cloud.beliefs.StoredBeliefs;
import io.freeagentics.cloud.ingest.BeliefsListener;
import io.freeagentics.cloud.ingest.BeliefsStored;
import io.freeagentics.cloud.ingest.DeviceReports;
import io.freeagentics.cloud.ingest.IngestStats;
import io.freeagentics.wire.AgentBeliefChange;
import io.freeagentics.wire.AgentBeliefs;
import io.freeagentics.wire.BeliefDelta;
import io.freeagentics.wire.BeliefDeltaException;
import io.freeagentics.wire.BeliefSet;
import io.freeagentics.wire.BeliefSnapshot;
import io.freeagentics.wire.CommandAck;
import io.freeagentics.wire.MessageHeader;
import io.freeagentics.wire.Presence;
import io.freeagentics.wire.Telemetry;
import io.freeagentics.wire.WireCodec;
import io.freeagentics.wire.WireFormatException;
import io.freeagentics.wire.WireMessage;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the writer thread does with a batch of received messages: drops bad frames (counted, logged with topic and
 * reason, acknowledged to the broker so they are not redelivered, never to the device) and duplicates (re-acked);
 * hands telemetry, presence and command acks to {@link DeviceReports}; applies belief deltas to their bases; writes
 * all beliefs messages of the batch in one transaction; then tells the {@link BeliefsListener}s and acknowledges
 * each stored message to the broker (PUBACK) and to its device ({@code ack}), in that order. Device events are
 * written in a second transaction and acknowledged to the broker only (devices get no {@code ack} for them).
 *
 * <p>Nothing is acknowledged before it is committed (or handed over): a crash at any point leaves the message
 * un-PUBACKed in the broker's session, which delivers it again; the primary key then drops what was already
 * stored. A failing database or registry is retried with back-off (the batch's messages stay unacknowledged, so
 * the broker's in-flight window throttles the devices); only {@link #stop} ends the retries.
 *
 * <p>Used by one thread at a time.
 */
public final class IngestPipeline {
  private static final Logger LOG = LoggerFactory.getLogger(IngestPipeline.class);
  private static final long MAX_BACKOFF_MILLIS = 5_000;

  private final DataSource dataSource;
  private final BeliefStore store = new BeliefStore();
  private final EventStore eventStore = new EventStore();
  private final DeviceReports reports;
  private final AckSink acks;
  private final IngestStats stats;
  private final DedupeWindow dedupe;
  private final BaseCache bases;
  private final List<BeliefsListener> listeners;
  private final LongSupplier clock;
  private final ArrayDeque<Inbound> retries = new ArrayDeque<>();
  private long retryAtMillis;
  private long reportBackoffMillis;
  private volatile boolean stopped;

  public IngestPipeline(DataSource dataSource, DeviceReports reports, AckSink acks, IngestStats stats,
      DedupeWindow dedupe, BaseCache bases, List<BeliefsListener> listeners, LongSupplier clock) {
    this.dataSource = dataSource;
    this.reports = reports;
    this.acks = acks;
    this.stats = stats;
    this.dedupe = dedupe;
    this.bases = bases;
    this.listeners = List.copyOf(listeners);
    this.clock = clock;
  }

  /** Makes a running {@link #process} give up its retries (its unacknowledged messages are redelivered later). */
  public void stop() {
    stopped = true;
  }

  /** Messages whose hand-over to the device registry failed and waits for a retry. */
  public int pendingRetries() {
    return retries.size();
  }

  /**
   * Handles one batch (and the registry hand-overs due for a retry).
   *
   * @throws InterruptedException when interrupted or {@link #stop stopped} while retrying a failing database; the
   *     batch's beliefs messages are then neither stored nor acknowledged
   */
  public void process(List<Inbound> batch) throws InterruptedException {
    List<Inbound> work = new ArrayList<>(batch.size() + retries.size());
    if (!retries.isEmpty() && clock.getAsLong() >= retryAtMillis) {
      work.addAll(retries);
      retries.clear();
    }
    work.addAll(batch);
    List<Inbound> beliefs = new ArrayList<>();
    List<Inbound> events = new ArrayList<>();
    Set<MessageKey> inBatch = new HashSet<>();
    int failedReports = 0;
    for (Inbound in : work) {
      if (in.problem() != null) {
        stats.decodeError();
        LOG.warn("dropped a message on topic {} that cannot be read: {}", in.topic(), in.problem());
        in.brokerAck().complete();
        continue;
      }
      MessageKey key = in.key();
      if (!inBatch.add(key)) {
        // The same message twice in one batch: the first copy is written (or retried) and acknowledged.
        duplicate(in, false);
        continue;
      }
      if (dedupe.contains(key)) {
        duplicate(in, in.address().kind() == IngestKind.BELIEFS);
        continue;
      }
      if (in.address().kind() == IngestKind.BELIEFS) {
        beliefs.add(in);
      } else if (in.address().kind() == IngestKind.EVENTS) {
        events.add(in);
      } else if (handOver(in)) {
        stats.report();
        dedupe.add(key);
        in.brokerAck().complete();
      } else {
        failedReports++;
      }
    }
    if (failedReports > 0) {
      reportBackoffMillis = Math.min(MAX_BACKOFF_MILLIS, Math.max(100, reportBackoffMillis * 2));
      retryAtMillis = clock.getAsLong() + reportBackoffMillis;
    } else if (retries.isEmpty()) {
      reportBackoffMillis = 0;
    }
    if (!beliefs.isEmpty()) {
      writeBeliefs(beliefs);
    }
    if (!events.isEmpty()) {
      writeEvents(events);
    }
  }

  /** Hands a non-belief message to the registry; false (and queued for a retry) when the registry failed. */
  private boolean handOver(Inbound in) {
    String fleet = in.address().fleet();
    String device = in.address().device();
    try {
      reports.seen(fleet, device, in.receivedMillis());
      WireMessage message = in.message();
      if (message instanceof Telemetry telemetry) {
        reports.telemetry(fleet, device, telemetry, in.receivedMillis());
      } else if (message instanceof Presence presence) {
        reports.presence(fleet, device, presence, in.receivedMillis());
      } else if (message instanceof CommandAck ack) {
        reports.commandAck(fleet, device, ack, in.receivedMillis());
      }
      return true;
    } catch (RuntimeException e) {
      stats.reportRetry();
      LOG.warn("the device registry failed on the message on {} (retried later): {}", in.topic(), e.toString());
      retries.addLast(in);
      return false;
    }
  }

  private void duplicate(Inbound in, boolean reAck) {
    stats.duplicate();
    if (reAck) {
      acks.acknowledge(in.address().fleet(), in.address().device(), in.message().header().sequence());
    }
    in.brokerAck().complete();
  }

  private void writeBeliefs(List<Inbound> beliefs) throws InterruptedException {
    BeliefsWritten written = transact("beliefs messages", beliefs, store::existing, (connection, pending) -> {
      Resolution resolution = resolve(connection, pending);
      long persistedMillis = clock.getAsLong();
      store.insert(connection, resolution.prepared(), persistedMillis);
      return new BeliefsWritten(resolution, persistedMillis);
    });
    if (written != null) {
      committed(written.resolution(), written.persistedMillis());
    }
  }

  private record BeliefsWritten(Resolution resolution, long persistedMillis) {
  }

  private void writeEvents(List<Inbound> events) throws InterruptedException {
    List<Inbound> written = transact("events", events, eventStore::existing, (connection, pending) -> {
      eventStore.insert(connection, pending, clock.getAsLong());
      return pending;
    });
    if (written == null) {
      return;
    }
    Set<DeviceKey> devices = new LinkedHashSet<>();
    for (Inbound in : written) {
      dedupe.add(in.key());
      stats.event();
      in.brokerAck().complete();
      devices.add(in.key().deviceKey());
    }
    seen(devices, clock.getAsLong());
  }

  /** The work of one transaction over the messages still pending. */
  private interface Transaction<R> {
    R run(Connection connection, List<Inbound> pending) throws SQLException;
  }

  /** Which of these keys are stored already. */
  private interface StoredKeys {
    Set<MessageKey> of(Connection connection, Collection<MessageKey> keys) throws SQLException;
  }

  /**
   * Runs {@code work} over {@code messages} in one transaction and commits it, retrying with back-off while the
   * database fails; after a unique violation the messages another instance (or an earlier life) stored already are
   * dropped as duplicates and the rest tried again.
   *
   * @return what the committed work returned; null when every message turned out to be stored already
   * @throws InterruptedException when stopped while retrying; nothing of the messages is then acknowledged
   */
  private <R> R transact(String what, List<Inbound> messages, StoredKeys storedKeys, Transaction<R> work)
      throws InterruptedException {
    long backoff = 50;
    List<Inbound> pending = new ArrayList<>(messages);
    while (true) {
      R result;
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(false);
        try {
          result = work.run(connection, pending);
          connection.commit();
        } catch (SQLException | RuntimeException e) {
          rollback(connection, e);
          throw e;
        }
      } catch (SQLException e) {
        if (BeliefStore.isUniqueViolation(e)) {
          pending = dropStored(what, pending, storedKeys);
          if (pending.isEmpty()) {
            return null;
          }
          continue;
        }
        stats.writeRetry();
        LOG.warn("writing {} {} failed, retrying in {} ms: {}", pending.size(), what, backoff, e.toString());
        sleep(backoff);
        backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
        continue;
      }
      return result;
    }
  }

  /** After a unique violation: drops the pending messages already stored (as duplicates); returns the others. */
  private List<Inbound> dropStored(String what, List<Inbound> pending, StoredKeys storedKeys)
      throws InterruptedException {
    long backoff = 50;
    while (true) {
      try (Connection connection = dataSource.getConnection()) {
        Set<MessageKey> stored = storedKeys.of(connection, pending.stream().map(Inbound::key).toList());
        List<Inbound> remaining = new ArrayList<>();
        for (Inbound in : pending) {
          if (stored.contains(in.key())) {
            dedupe.add(in.key());
            duplicate(in, in.address().kind() == IngestKind.BELIEFS);
          } else {
            remaining.add(in);
          }
        }
        return remaining;
      } catch (SQLException e) {
        stats.writeRetry();
        LOG.warn("looking up stored {} failed, retrying in {} ms: {}", what, backoff, e.toString());
        sleep(backoff);
        backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
      }
    }
  }

  private void sleep(long millis) throws InterruptedException {
    if (stopped) {
      throw new InterruptedException("ingest stopped");
    }
    Thread.sleep(millis);
    if (stopped) {
      throw new InterruptedException("ingest stopped");
    }
  }

  private static void rollback(Connection connection, Exception cause) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  /** What a batch of beliefs messages becomes: rows to write, and the deltas that cannot be applied. */
  private record Resolution(List<PreparedBelief> prepared, List<Inbound> stored, List<BeliefsStored> events,
      Map<Inbound, String> unusable) {
  }

  private Resolution resolve(Connection connection, List<Inbound> beliefs) throws SQLException {
    Set<MessageKey> missingBases = new LinkedHashSet<>();
    for (Inbound in : beliefs) {
      if (in.message() instanceof BeliefDelta delta) {
        MessageKey base = new MessageKey(in.address().fleet(), in.address().device(), delta.baseSequence());
        if (bases.get(base) == null) {
          missingBases.add(base);
        }
      }
    }
    Map<MessageKey, byte[]> fromDatabase = store.states(connection, missingBases);
    List<PreparedBelief> prepared = new ArrayList<>(beliefs.size());
    List<Inbound> stored = new ArrayList<>(beliefs.size());
    List<BeliefsStored> events = new ArrayList<>(beliefs.size());
    Map<Inbound, String> unusable = new LinkedHashMap<>();
    for (Inbound in : beliefs) {
      MessageHeader header = in.message().header();
      MessageKey key = in.key();
      BeliefSet state;
      List<Integer> carried;
      long baseSequence = -1;
      if (in.message() instanceof BeliefSnapshot snapshot) {
        state = snapshot.beliefs();
        carried = state.agents().stream().map(AgentBeliefs::agentId).toList();
      } else {
        BeliefDelta delta = (BeliefDelta) in.message();
        baseSequence = delta.baseSequence();
        MessageKey baseKey = new MessageKey(key.fleet(), key.device(), baseSequence);
        byte[] baseFrame = bases.get(baseKey);
        if (baseFrame == null) {
          baseFrame = fromDatabase.get(baseKey);
        }
        if (baseFrame == null) {
          unusable.put(in, "its base " + baseSequence + " is neither in memory nor in the database");
          continue;
        }
        try {
          state = delta.applyTo(baseSequence, decodeState(baseFrame, baseKey));
        } catch (BeliefDeltaException e) {
          unusable.put(in, "it does not fit its base " + baseSequence + ": " + e.getMessage());
          continue;
        }
        carried = delta.changes().stream().map(AgentBeliefChange::agentId).toList();
      }
      List<PreparedBelief.HistoryRow> rows = new ArrayList<>(carried.size());
      for (int agent : carried) {
        AgentBeliefs beliefsOfAgent = state.agent(agent);
        rows.add(new PreparedBelief.HistoryRow(agent, beliefsOfAgent.tick(),
            StoredBeliefs.encode(beliefsOfAgent.factors())));
      }
      int maxAgent = state.agents().isEmpty() ? -1 : state.agents().get(state.agents().size() - 1).agentId();
      // A snapshot's frame is already the stored form of its state (same header, same beliefs).
      byte[] frame = in.message() instanceof BeliefSnapshot ? in.payload()
          : WireCodec.encode(new BeliefSnapshot(header, state));
      prepared.add(new PreparedBelief(key, in.message().type().code(), baseSequence, header.timestampMillis(), frame,
          rows, maxAgent));
      stored.add(in);
      events.add(new BeliefsStored(key.fleet(), key.device(), key.sequence(), header.timestampMillis(), state,
          carried));
    }
    return new Resolution(prepared, stored, events, unusable);
  }

  private static BeliefSet decodeState(byte[] frame, MessageKey key) throws SQLException {
    try {
      WireMessage message = WireCodec.decode(frame);
      if (message instanceof BeliefSnapshot snapshot) {
        return snapshot.beliefs();
      }
      throw new SQLException("stored state of " + key + " is a " + message.type() + " frame, not a snapshot");
    } catch (WireFormatException e) {
      throw new SQLException("stored state of " + key + " cannot be decoded: " + e.getMessage(), e);
    }
  }

  private void committed(Resolution resolution, long persistedMillis) {
    // Listeners hear of the batch before its acknowledgements go out: whoever holds an ack can count on the
    // listeners (the mirror) having been offered that message.
    if (!resolution.events().isEmpty()) {
      for (BeliefsListener listener : listeners) {
        try {
          listener.stored(resolution.events());
        } catch (RuntimeException e) {
          LOG.error("beliefs listener {} failed", listener, e);
        }
      }
    }
    long now = clock.getAsLong();
    int rows = 0;
    Set<DeviceKey> devices = new LinkedHashSet<>();
    for (int i = 0; i < resolution.prepared().size(); i++) {
      PreparedBelief belief = resolution.prepared().get(i);
      Inbound in = resolution.stored().get(i);
      rows += belief.rows().size();
      bases.put(belief.key(), belief.state());
      dedupe.add(belief.key());
      stats.latency(now - belief.edgeMillis());
      acks.acknowledge(belief.key().fleet(), belief.key().device(), belief.key().sequence());
      in.brokerAck().complete();
      devices.add(belief.key().deviceKey());
    }
    stats.persisted(resolution.prepared().size(), rows);
    for (Map.Entry<Inbound, String> entry : resolution.unusable().entrySet()) {
      Inbound in = entry.getKey();
      stats.deltaWithoutBase();
      LOG.warn("dropped belief delta {} on topic {} (not acknowledged; the device's next snapshot replaces it): {}",
          in.message().header().sequence(), in.topic(), entry.getValue());
      in.brokerAck().complete();
    }
    seen(devices, persistedMillis);
  }

  /** Tells the registry these devices were seen; a failure is logged (their messages are stored already). */
  private void seen(Set<DeviceKey> devices, long millis) {
    for (DeviceKey device : devices) {
      try {
        reports.seen(device.fleet(), device.device(), millis);
      } catch (RuntimeException e) {
        LOG.warn("the device registry failed to record that {}/{} was seen: {}", device.fleet(), device.device(),
            e.toString());
      }
    }
  }
}
