package io.freeagentics.edge.internal;

import io.freeagentics.edge.EdgeAgentUpdate;
import io.freeagentics.edge.EdgeCheckpoint;
import io.freeagentics.edge.EdgeOutgoing;
import io.freeagentics.edge.EdgeStateStore;
import io.freeagentics.edge.EdgeStateWrite;
import io.freeagentics.edge.EdgeStoreException;
import io.freeagentics.edge.EdgeUplinkConfig;
import io.freeagentics.wire.AcknowledgedBeliefs;
import io.freeagentics.wire.AgentBeliefs;
import io.freeagentics.wire.BeliefCodes;
import io.freeagentics.wire.BeliefDelta;
import io.freeagentics.wire.BeliefDeltaException;
import io.freeagentics.wire.BeliefSet;
import io.freeagentics.wire.BeliefSnapshot;
import io.freeagentics.wire.BeliefSync;
import io.freeagentics.wire.EncodedBeliefs;
import io.freeagentics.wire.MessageHeader;
import io.freeagentics.wire.WireCodec;
import io.freeagentics.wire.WireFormatException;
import io.freeagentics.wire.WireMessage;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns committed ticks into {@code beliefs} messages: one wire frame with every agent of the device that has
 * ticked (its newest beliefs and tick), every {@code beliefEveryTicks} ticks, spooled in the tick's own transaction.
 * {@link BeliefSync} picks the smaller of a snapshot and a delta against the newest belief message the cloud
 * acknowledged; a snapshot is forced at least every {@code snapshotEveryMessages} messages.
 *
 * <p>Acknowledgements arrive on any thread ({@link #acknowledged}); they are taken on the tick thread. The beliefs
 * of the last {@code recentBeliefs} spooled messages, as the cloud reconstructs them (the snapshot, or the delta
 * applied to its base), are kept by outbox id — the message's sequence — so that an acknowledged one becomes the
 * base. The base (sequence and beliefs, as a snapshot frame) and the count of messages since the last snapshot are
 * written to the sync state with the tick, so deltas continue after a restart.
 *
 * <p>Not thread-safe except {@link #acknowledged} and {@link #stats}: the tick thread drives it.
 */
public final class EdgeBeliefSpooler {
  private static final Logger LOG = LoggerFactory.getLogger(EdgeBeliefSpooler.class);
  /** The outbox kind (topic level) of belief messages. */
  public static final String KIND = "beliefs";
  /** Sync state: the acknowledged base, a belief snapshot frame whose header sequence is the base's sequence. */
  public static final String BASE_STATE = "beliefs.base";
  /** Sync state: belief messages since the last snapshot (8 bytes, big-endian). */
  public static final String SINCE_SNAPSHOT_STATE = "beliefs.since-snapshot";

  private final String deviceId;
  private final int priority;
  private EdgeUplinkConfig config;
  private List<Integer> numStates;
  private final TreeMap<Integer, AgentBeliefs> latest = new TreeMap<>();
  private Optional<AcknowledgedBeliefs> base;
  private boolean baseDirty;
  private long sinceSnapshot;
  private long ticksSinceMessage;
  private final LinkedHashMap<Long, BeliefSet> recent = new LinkedHashMap<>();
  private final ConcurrentLinkedQueue<Long> acks = new ConcurrentLinkedQueue<>();
  private volatile Stats stats = new Stats(0, 0, 0, 0, 0, 0, -1);

  private EdgeBeliefSpooler(String deviceId, int priority, EdgeUplinkConfig config, List<Integer> numStates,
      Optional<AcknowledgedBeliefs> base, long sinceSnapshot) {
    this.deviceId = deviceId;
    this.priority = priority;
    this.config = config;
    this.numStates = List.copyOf(numStates);
    this.base = base;
    this.sinceSnapshot = sinceSnapshot;
    this.ticksSinceMessage = config.beliefEveryTicks() - 1L;
  }

  /**
   * The spooler of a device: the acknowledged base and message count from the store's sync state, the newest
   * beliefs from the checkpoints (those that fit {@code numStates}).
   *
   * @throws EdgeStoreException when the sync state cannot be read or the stored base is not a belief snapshot
   */
  public static EdgeBeliefSpooler load(EdgeStateStore store, EdgeUplinkConfig config, List<Integer> numStates,
      int priority) throws EdgeStoreException {
    Optional<AcknowledgedBeliefs> base = Optional.empty();
    Optional<byte[]> frame = store.state(BASE_STATE);
    if (frame.isPresent()) {
      try {
        WireMessage message = WireCodec.decode(frame.get());
        if (!(message instanceof BeliefSnapshot snapshot)) {
          throw new EdgeStoreException("sync state " + BASE_STATE + " in " + store.file() + " holds a "
              + message.type() + ", not a belief snapshot");
        }
        base = Optional.of(new AcknowledgedBeliefs(snapshot.header().sequence(), snapshot.beliefs()));
      } catch (WireFormatException e) {
        throw new EdgeStoreException("sync state " + BASE_STATE + " in " + store.file() + " is not a wire frame: "
            + e.getMessage(), e);
      }
    }
    long since = store.state(SINCE_SNAPSHOT_STATE).map(b -> ByteBuffer.wrap(b).getLong()).orElse(Long.MAX_VALUE / 2);
    EdgeBeliefSpooler spooler = new EdgeBeliefSpooler(store.deviceId(), priority, config, numStates, base, since);
    for (EdgeCheckpoint checkpoint : store.checkpoints()) {
      spooler.remember(checkpoint.agent(), checkpoint.tick(), checkpoint.beliefs());
    }
    base.ifPresent(b -> LOG.debug("device {}: belief deltas continue against acknowledged message {}", store.deviceId(),
        b.sequence()));
    return spooler;
  }

  /** The cloud acknowledged message {@code sequence}. Any thread; taken at the next tick. */
  public void acknowledged(long sequence) {
    acks.add(sequence);
  }

  /** Applies new settings (belief interval, snapshot interval, threshold) from the next tick on. */
  public void configure(EdgeUplinkConfig next) {
    this.config = next;
  }

  /** The model's state space changed: every agent starts over, the next message is a snapshot. */
  public void reset(List<Integer> nextNumStates) {
    numStates = List.copyOf(nextNumStates);
    latest.clear();
    recent.clear();
    sinceSnapshot = Long.MAX_VALUE / 2;
  }

  /**
   * The tick's belief message and sync state writes, to be committed with the tick; the message is absent when no
   * message is due this tick or no agent has ticked yet.
   */
  public Prepared prepare(long tick, long wallMillis, List<EdgeAgentUpdate> updates) {
    for (EdgeAgentUpdate update : updates) {
      remember(update.agent(), tick, update.beliefs());
    }
    promoteAcknowledged();
    List<EdgeStateWrite> writes = new ArrayList<>(2);
    if (baseDirty) {
      AcknowledgedBeliefs b = base.orElseThrow();
      writes.add(new EdgeStateWrite(BASE_STATE, WireCodec.encode(new BeliefSnapshot(new MessageHeader(deviceId,
          b.sequence(), 0), b.beliefs()))));
    }
    if (ticksSinceMessage + 1 < config.beliefEveryTicks() || latest.isEmpty()) {
      return new Prepared(null, writes, null, false, sinceSnapshot, baseDirty);
    }
    BeliefSet current = new BeliefSet(numStates, new ArrayList<>(latest.values()));
    boolean forceSnapshot = sinceSnapshot + 1 >= config.snapshotEveryMessages();
    EncodedBeliefs encoded = BeliefSync.encode(new MessageHeader(deviceId, 0, wallMillis), current,
        forceSnapshot ? Optional.empty() : base, config.deltaThresholdCodes());
    BeliefSet reconstructed = current;
    if (encoded.message() instanceof BeliefDelta delta) {
      AcknowledgedBeliefs b = base.orElseThrow();
      try {
        reconstructed = delta.applyTo(b.sequence(), b.beliefs());
      } catch (BeliefDeltaException e) {
        throw new IllegalStateException("a delta BeliefSync made does not apply to its own base " + b.sequence()
            + ": " + e.getMessage(), e);
      }
    }
    long after = encoded.isDelta() ? sinceSnapshot + 1 : 0;
    writes.add(new EdgeStateWrite(SINCE_SNAPSHOT_STATE, ByteBuffer.allocate(8).putLong(after).array()));
    return new Prepared(new EdgeOutgoing(KIND, encoded.frame(), priority), writes, reconstructed, encoded.isDelta(),
        after, baseDirty);
  }

  /**
   * The tick of {@code prepared} was committed; {@code outboxId} is the message's outbox id (its sequence), or
   * {@code -1} when the outbox bound refused it (or there was no message).
   */
  public void committed(Prepared prepared, long outboxId) {
    if (prepared.wroteBase()) {
      baseDirty = false;
    }
    if (prepared.message() == null) {
      ticksSinceMessage++;
      return;
    }
    ticksSinceMessage = 0;
    Stats s = stats;
    if (outboxId < 0) {
      sinceSnapshot++;
      stats = new Stats(s.snapshots(), s.deltas(), s.refused() + 1, s.bytes(), s.acknowledgements(),
          s.unknownAcknowledgements(), s.baseSequence());
      return;
    }
    sinceSnapshot = prepared.sinceSnapshotAfter();
    recent.put(outboxId, prepared.reconstructed());
    while (recent.size() > config.recentBeliefs()) {
      Iterator<Long> oldest = recent.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    stats = new Stats(s.snapshots() + (prepared.delta() ? 0 : 1), s.deltas() + (prepared.delta() ? 1 : 0),
        s.refused(), s.bytes() + prepared.message().payload().length, s.acknowledgements(),
        s.unknownAcknowledgements(), s.baseSequence());
  }

  /** The tick of {@code prepared} was not saved: its message is lost, the next tick spools a new one. */
  public void notCommitted(Prepared prepared) {
    if (prepared.message() == null) {
      ticksSinceMessage++;
    }
  }

  /** The acknowledged base now, if any. */
  public Optional<AcknowledgedBeliefs> base() {
    return base;
  }

  /** Counters since start; safe from any thread. */
  public Stats stats() {
    return stats;
  }

  private void remember(int agent, long tick, float[][] beliefs) {
    if (beliefs.length != numStates.size()) {
      return;
    }
    List<BeliefCodes> factors = new ArrayList<>(beliefs.length);
    for (int f = 0; f < beliefs.length; f++) {
      if (beliefs[f].length != numStates.get(f)) {
        return;
      }
      factors.add(BeliefCodes.quantize(beliefs[f]));
    }
    latest.put(agent, new AgentBeliefs(agent, tick, factors));
  }

  /** Makes the newest acknowledged message whose beliefs are remembered the base (never an older one). */
  private void promoteAcknowledged() {
    long best = -1;
    int received = 0;
    int unknown = 0;
    for (Long sequence = acks.poll(); sequence != null; sequence = acks.poll()) {
      received++;
      if (recent.containsKey(sequence)) {
        best = Math.max(best, sequence);
      } else if (base.isEmpty() || sequence > base.get().sequence()) {
        unknown++;
      }
    }
    if (received == 0) {
      return;
    }
    Stats s = stats;
    long baseSequence = s.baseSequence();
    if (best >= 0 && (base.isEmpty() || best > base.get().sequence())) {
      base = Optional.of(new AcknowledgedBeliefs(best, recent.get(best)));
      baseDirty = true;
      baseSequence = best;
      for (Iterator<Map.Entry<Long, BeliefSet>> it = recent.entrySet().iterator(); it.hasNext(); ) {
        if (it.next().getKey() <= best) {
          it.remove();
        }
      }
    }
    if (unknown > 0) {
      LOG.debug("device {}: {} acknowledgements of belief messages no longer remembered (sent before a restart or "
          + "more than {} messages ago): the base stays", deviceId, unknown, config.recentBeliefs());
    }
    stats = new Stats(s.snapshots(), s.deltas(), s.refused(), s.bytes(), s.acknowledgements() + received,
        s.unknownAcknowledgements() + unknown, baseSequence);
  }

  /**
   * One tick's contribution: the message (null when none), the sync state writes, the beliefs the cloud will hold
   * after applying the message, whether it is a delta, the message count since the snapshot after it, and whether
   * the writes include the base.
   */
  public record Prepared(EdgeOutgoing message, List<EdgeStateWrite> writes, BeliefSet reconstructed, boolean delta,
      long sinceSnapshotAfter, boolean wroteBase) {}

  /**
   * Messages spooled since start as snapshots and deltas, refused by the outbox bound, their bytes,
   * acknowledgements received and those naming a message no longer remembered, and the base's sequence
   * ({@code -1}: none promoted since start).
   */
  public record Stats(long snapshots, long deltas, long refused, long bytes, long acknowledgements,
      long unknownAcknowledgements, long baseSequence) {}
}
