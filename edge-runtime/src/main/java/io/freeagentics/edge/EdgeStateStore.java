package io.freeagentics.edge;

import io.freeagentics.edge.internal.BlobCodec;
import io.freeagentics.edge.internal.CorruptFiles;
import io.freeagentics.edge.internal.SqliteSchema;
import io.freeagentics.wire.CommandStatus;
import io.freeagentics.wire.MessageHeader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The device's durable state in one SQLite file: its identity, the latest belief checkpoint of every agent, a
 * bounded ring of each agent's last ticks, and the outbox of messages waiting to be synced (bounded, prioritised,
 * with a dead-letter table for messages that keep failing).
 *
 * <p>Why it is safe to kill: the file runs in WAL mode and every tick is one transaction
 * ({@link #commitTick}), so after a crash the file holds exactly the ticks whose commit returned — checkpoints,
 * history and outbox together, never part of a tick. Durability against power loss is the
 * {@link EdgeDurability} choice.
 *
 * <p>A file that is not a database or fails SQLite's {@code quick_check} on open is moved aside (never deleted),
 * logged, and replaced by a fresh database: the agents then start again from their prior D, and the device gets a
 * new identity ({@link #opening()} says so). Other failures (I/O errors, a schema newer than this program) are
 * {@link EdgeStoreException}s and leave the file alone. A full disk or an I/O error while committing a tick never
 * costs a committed tick: see {@link #commitTick}.
 *
 * <p>Not safe for concurrent use: one thread at a time.
 */
public final class EdgeStateStore implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EdgeStateStore.class);
  private static final int SQLITE_CORRUPT = 11;
  private static final int SQLITE_NOTADB = 26;
  private static final int SQLITE_IOERR = 10;
  private static final int SQLITE_FULL = 13;
  private static final int FREE_AT_LEAST = 16;
  private static final String DROPPED = "outbox_dropped";
  private static final int PAGE_CACHE_KIB = 256;
  private static final int WAL_SIZE_LIMIT_BYTES = 1 << 20;
  private static final int STALE_SNAPSHOT_ATTEMPTS = 5;
  private static final int STALE_SNAPSHOT_BACKOFF_MS = 2;

  private final Path file;
  private final EdgeStoreConfig config;
  private final Connection connection;
  private final EdgeStoreOpening opening;
  private final String deviceId;
  /** Updates committed per agent: the next history slot is {@code updates % historyLength}. */
  private final Map<Integer, Long> updateCounts;
  private long lastTick;
  private final PreparedStatement upsertCheckpoint;
  private final PreparedStatement upsertHistory;
  private final PreparedStatement setTick;
  private boolean closed;
  /** The newest update of every agent whose commits failed since the last committed tick, by agent. */
  private final Map<Integer, Unsaved> unsaved = new TreeMap<>();
  /** Messages of failed ticks, never spooled: counted as dropped by the next commit. */
  private long unsavedMessages;
  /** The kinds of those messages, for the ledger's {@code refused}. */
  private final Map<String, Long> unsavedKinds = new TreeMap<>();
  /** Outbox ids of the last committed tick's messages, in its order; -1 for a message not spooled. */
  private List<Long> lastSpooled = List.of();
  private int failedCommits;

  private EdgeStateStore(Path file, EdgeStoreConfig config, Connection connection, EdgeStoreOpening opening,
      String newDeviceId) throws SQLException {
    this.file = file;
    this.config = config;
    this.connection = connection;
    this.opening = opening;
    this.deviceId = loadOrCreateDeviceId(connection, newDeviceId);
    this.updateCounts = loadUpdateCounts(connection, config.historyLength());
    this.lastTick = queryLong(connection, "SELECT last_tick FROM tick_state WHERE singleton = 1", -1);
    // The step count is counted here, in the same statement: one per update of the agent (the updates of ticks
    // whose commit failed are counted with the next commit).
    this.upsertCheckpoint = connection.prepareStatement("INSERT INTO checkpoint (agent, tick, beliefs, "
        + "previous_action, steps) VALUES (?, ?, ?, ?, ?) ON CONFLICT (agent) DO UPDATE SET tick = excluded.tick, "
        + "beliefs = excluded.beliefs, previous_action = excluded.previous_action, "
        + "steps = checkpoint.steps + excluded.steps");
    this.upsertHistory = connection.prepareStatement("INSERT OR REPLACE INTO history (agent, slot, tick, "
        + "observation, action) VALUES (?, ?, ?, ?, ?)");
    this.setTick = connection.prepareStatement("INSERT INTO tick_state (singleton, last_tick) VALUES (1, ?) "
        + "ON CONFLICT (singleton) DO UPDATE SET last_tick = excluded.last_tick");
  }

  /**
   * Opens (or creates) the store in {@code file}, bringing its schema up to date. A corrupt file is moved aside and
   * replaced (see the class comment).
   *
   * @throws EdgeStoreException when the file cannot be opened, read or migrated for a reason other than corruption,
   *     or a corrupt file cannot be moved aside
   */
  public static EdgeStateStore open(Path file, EdgeStoreConfig config) throws EdgeStoreException {
    return open(file, config, null);
  }

  /**
   * As {@link #open(Path, EdgeStoreConfig)}; a database created now (also after a corrupt file was moved aside)
   * gets the identity {@code newDeviceId} instead of a random UUID. An existing database keeps its own.
   *
   * @throws IllegalArgumentException when {@code newDeviceId} is not a topic token ({@code [A-Za-z0-9._-]}, 1 to 64)
   */
  public static EdgeStateStore open(Path file, EdgeStoreConfig config, String newDeviceId)
      throws EdgeStoreException {
    if (newDeviceId != null && MessageHeader.deviceIdProblem(newDeviceId) != null) {
      throw new IllegalArgumentException("device id '" + newDeviceId + "' "
          + MessageHeader.deviceIdProblem(newDeviceId));
    }
    if (file == null) {
      throw new IllegalArgumentException("file must not be null");
    }
    if (config == null) {
      throw new IllegalArgumentException("config must not be null");
    }
    Path parent = file.toAbsolutePath().getParent();
    try {
      Files.createDirectories(parent);
    } catch (IOException e) {
      throw new EdgeStoreException("cannot create the data folder " + parent + ": " + e.getMessage(), e);
    }
    boolean existed = Files.exists(file);
    Optional<Path> movedTo = Optional.empty();
    String corruption = "";
    Connection connection = null;
    try {
      connection = connect(file, config);
      String problem = quickCheck(connection);
      if (!problem.isEmpty()) {
        throw new CorruptDatabase(problem);
      }
      SqliteSchema.migrate(connection);
    } catch (SQLException | CorruptDatabase e) {
      closeQuietly(connection, e);
      if (!isCorruption(e)) {
        throw new EdgeStoreException("cannot open the edge database " + file + ": " + e.getMessage(), e);
      }
      corruption = e.getMessage();
      try {
        movedTo = Optional.of(CorruptFiles.moveAside(file, System.currentTimeMillis()));
      } catch (IOException moveFailure) {
        EdgeStoreException failure = new EdgeStoreException("the edge database " + file + " is corrupt ("
            + corruption + ") and cannot be moved aside: " + moveFailure.getMessage(), moveFailure);
        failure.addSuppressed(e);
        throw failure;
      }
      LOG.error("edge database {} is corrupt ({}): moved it aside to {}; starting a fresh database, every agent "
          + "restarts from its prior D and the device gets a new identity", file, corruption, movedTo.get());
      try {
        connection = connect(file, config);
        SqliteSchema.migrate(connection);
      } catch (SQLException fresh) {
        closeQuietly(connection, fresh);
        throw new EdgeStoreException("cannot create a fresh edge database " + file + ": " + fresh.getMessage(), fresh);
      }
    }
    try {
      connection.setAutoCommit(false);
      return new EdgeStateStore(file, config, connection,
          new EdgeStoreOpening(!existed || movedTo.isPresent(), movedTo, corruption), newDeviceId);
    } catch (SQLException e) {
      closeQuietly(connection, e);
      throw new EdgeStoreException("cannot read the edge database " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * SQLite's {@code PRAGMA integrity_check} of a database file, opened read-only: an empty list when the file is
   * sound, otherwise SQLite's messages.
   *
   * @throws EdgeStoreException when the file cannot be opened at all (which also means it is not sound)
   */
  public static List<String> integrityCheck(Path file) throws EdgeStoreException {
    SQLiteConfig readOnly = new SQLiteConfig();
    readOnly.setReadOnly(true);
    try (Connection connection = readOnly.createConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
      return integrityProblems(connection, "integrity_check");
    } catch (SQLException e) {
      throw new EdgeStoreException("cannot check the edge database " + file + ": " + e.getMessage(), e);
    }
  }

  /** {@link #integrityCheck(Path)} on this store's open connection. */
  public List<String> integrityCheck() throws EdgeStoreException {
    ensureOpen();
    try {
      startFresh();
      List<String> problems = integrityProblems(connection, "integrity_check");
      connection.commit();
      return problems;
    } catch (SQLException e) {
      throw new EdgeStoreException("integrity check of " + file + " failed: " + e.getMessage(), e);
    }
  }

  public Path file() {
    return file;
  }

  public EdgeStoreConfig config() {
    return config;
  }

  /** How the store came up: created now, or recovered from a corrupt file. */
  public EdgeStoreOpening opening() {
    return opening;
  }

  /** The device's identity, generated and stored when the database was created. */
  public String deviceId() {
    return deviceId;
  }

  /** The number of the last committed tick, {@code -1} when none was committed yet. */
  public long lastCommittedTick() {
    return lastTick;
  }

  /** How a tick was committed: completely, or with less because the storage was full. */
  public enum CommitMode {
    /** Checkpoints, history and outbox messages. */
    COMPLETE,
    /** Complete, after dropping the oldest lowest-priority outbox messages to free space. */
    OUTBOX_TRIMMED,
    /** Checkpoints and the tick number only: the storage stayed full, the tick's messages were dropped. */
    CHECKPOINTS_ONLY
  }

  /**
   * Commits one tick in one transaction: every update becomes its agent's checkpoint and a history entry (the
   * oldest of the agent's {@code historyLength} entries is overwritten), and adds one to the agent's step count
   * (the runtime steps an agent exactly once per update, so the count is the population's {@code stepCount} of
   * the agent at its checkpoint); every outgoing message joins the outbox
   * (dropping the oldest lowest-priority message, or the new one when it has a lower priority than everything
   * waiting, when the outbox is full; drops are counted) and the tick becomes the last committed one.
   *
   * <p>When the storage is full ({@code SQLITE_FULL}: the disk, or the database's size limit) the transaction is
   * rolled back and retried after dropping the oldest lowest-priority outbox messages, then, if still full, as
   * checkpoints only (no history, the tick's messages dropped); every dropped message is counted in
   * {@code outbox_dropped} and a WARN line says what happened ({@link CommitMode}). When even that fails, or SQLite
   * reports an I/O error, the tick is rolled back and an {@link EdgeStoreException} with
   * {@link EdgeStoreException#isTransient()} is thrown; the store then keeps the tick's updates in memory and
   * writes them (the newest checkpoint of every agent, with the step counts of all its uncommitted updates) with
   * the next successful commit, which also counts the failed ticks' messages as dropped. A failed tick's history
   * entries are not kept. Whenever it throws, nothing of the tick is in the database.
   *
   * @throws IllegalArgumentException when the tick is not after the last committed one
   * @throws EdgeStoreException when the database cannot be written (the transaction is rolled back)
   */
  public CommitMode commitTick(EdgeTickCommit commit) throws EdgeStoreException {
    ensureOpen();
    if (commit == null) {
      throw new IllegalArgumentException("commit must not be null");
    }
    if (commit.tick() <= lastTick) {
      throw new IllegalArgumentException("tick " + commit.tick() + " is not after the last committed tick " + lastTick);
    }
    SQLException failure;
    try {
      return committed(commit, retryingStaleSnapshot(() -> writeTick(commit, true)), CommitMode.COMPLETE);
    } catch (SQLException e) {
      failure = e;
      rolledBackOrThrow(commit.tick(), e);
    }
    EdgeStoreException.Kind kind = kindOf(failure);
    if (kind == EdgeStoreException.Kind.FAILURE) {
      throw new EdgeStoreException("commit of tick " + commit.tick() + " failed in " + file + ": "
          + failure.getMessage(), failure);
    }
    if (kind == EdgeStoreException.Kind.STORAGE_FULL) {
      long freed;
      try {
        SQLException full = failure;
        freed = retryingStaleSnapshot(() -> freeOutboxSpace(commit.tick(), full));
      } catch (SQLException e) {
        rolledBackOrThrow(commit.tick(), e);
        LOG.warn("edge database {} is full ({}) at tick {} and dropping outbox messages failed too ({}): "
            + "committing checkpoints only", file, describe(failure), commit.tick(), describe(e));
        freed = 0;
      }
      if (freed > 0) {
        try {
          return committed(commit, retryingStaleSnapshot(() -> writeTick(commit, true)),
              CommitMode.OUTBOX_TRIMMED);
        } catch (SQLException e) {
          failure = e;
          rolledBackOrThrow(commit.tick(), e);
        }
      }
      if (kindOf(failure) == EdgeStoreException.Kind.STORAGE_FULL) {
        try {
          Map<Integer, Long> none = retryingStaleSnapshot(() -> writeTick(commit, false));
          LOG.warn("edge database {} is still full ({}): committed tick {} as checkpoints only, without history, "
              + "its {} outbox messages dropped (counted in outbox_dropped); ticks go on", file,
              describe(failure), commit.tick(), commit.outgoing().size());
          return committed(commit, none, CommitMode.CHECKPOINTS_ONLY);
        } catch (SQLException e) {
          failure = e;
          rolledBackOrThrow(commit.tick(), e);
        }
      }
      kind = kindOf(failure);
      if (kind == EdgeStoreException.Kind.FAILURE) {
        throw new EdgeStoreException("commit of tick " + commit.tick() + " failed in " + file + " after the "
            + "storage was full: " + failure.getMessage(), failure);
      }
    }
    keepUnsaved(commit);
    throw new EdgeStoreException("commit of tick " + commit.tick() + " failed in " + file + " ("
        + describe(failure) + "), rolled back: the last committed tick " + lastTick + " is intact; " + unsaved.size()
        + " agents' checkpoints are kept in memory for the next commit (" + failedCommits + " failed in a row)",
        failure, kind);
  }

  /** Tick commits that failed in a row (storage full or failing) since the last successful one. */
  public int failedCommitsInARow() {
    return failedCommits;
  }

  /** Agents whose newest update is only in memory because the commits since it failed. */
  public int unsavedAgents() {
    return unsaved.size();
  }

  /**
   * Caps the database at {@code pages} pages ({@code PRAGMA max_page_count}, for this connection; SQLite never
   * sets it below the current size) and returns the cap in force: lets tests fill the database like a full disk.
   */
  long limitPageCount(long pages) throws EdgeStoreException {
    ensureOpen();
    try {
      startFresh();
      long cap = queryLong(connection, "PRAGMA max_page_count = " + pages, -1);
      connection.commit();
      return cap;
    } catch (SQLException e) {
      throw rollback("setting max_page_count", e);
    }
  }

  /**
   * Writes the tick (with the updates of failed ticks) in the open transaction and commits it; {@code complete}
   * adds history and outbox, otherwise the tick's messages are counted as dropped. Returns the history slots used.
   */
  private Map<Integer, Long> writeTick(EdgeTickCommit commit, boolean complete) throws SQLException {
    Map<Integer, Long> counted = new HashMap<>();
    // After a reset the updates of failed ticks belong to the previous model: they are not written.
    Map<Integer, Unsaved> latest = commit.resetAgents() ? new TreeMap<>() : new TreeMap<>(unsaved);
    if (commit.resetAgents()) {
      try (Statement statement = connection.createStatement()) {
        statement.executeUpdate("DELETE FROM checkpoint");
        statement.executeUpdate("DELETE FROM history");
      }
    }
    for (EdgeAgentUpdate update : commit.updates()) {
      Unsaved earlier = latest.get(update.agent());
      latest.put(update.agent(), new Unsaved(commit.tick(), update, (earlier == null ? 0 : earlier.steps()) + 1));
    }
    for (Unsaved checkpoint : latest.values()) {
      EdgeAgentUpdate update = checkpoint.update();
      upsertCheckpoint.setInt(1, update.agent());
      upsertCheckpoint.setLong(2, checkpoint.tick());
      upsertCheckpoint.setBytes(3, BlobCodec.encodeBeliefs(update.beliefs()));
      upsertCheckpoint.setBytes(4, BlobCodec.encodeInts(update.action()));
      upsertCheckpoint.setLong(5, checkpoint.steps());
      upsertCheckpoint.addBatch();
    }
    if (complete) {
      for (EdgeAgentUpdate update : commit.updates()) {
        long updates = counted.containsKey(update.agent()) ? counted.get(update.agent())
            : commit.resetAgents() ? 0L : updateCounts.getOrDefault(update.agent(), 0L);
        upsertHistory.setInt(1, update.agent());
        upsertHistory.setLong(2, updates % config.historyLength());
        upsertHistory.setLong(3, commit.tick());
        upsertHistory.setBytes(4, BlobCodec.encodeInts(update.observation()));
        upsertHistory.setBytes(5, BlobCodec.encodeInts(update.action()));
        upsertHistory.addBatch();
        counted.put(update.agent(), updates + 1);
      }
    }
    try {
      if (!latest.isEmpty()) {
        upsertCheckpoint.executeBatch();
      }
      if (!counted.isEmpty()) {
        upsertHistory.executeBatch();
      }
    } finally {
      upsertCheckpoint.clearBatch();
      upsertHistory.clearBatch();
    }
    List<Long> ids = complete ? spool(commit.outgoing(), commit.tick()) : notSpooled(commit.outgoing().size());
    countDropped(unsavedMessages + (complete ? 0 : commit.outgoing().size()));
    Map<String, long[]> ledger = new TreeMap<>();
    unsavedKinds.forEach((kind, count) -> ledgerRow(ledger, kind)[REFUSED] += count);
    if (!complete) {
      commit.outgoing().forEach(message -> ledgerRow(ledger, message.topic())[REFUSED]++);
    }
    addToLedger(ledger);
    writeState(commit.stateWrites());
    writeCommands(commit.commands(), commit.tick());
    setTick.setLong(1, commit.tick());
    setTick.executeUpdate();
    connection.commit();
    lastSpooled = ids;
    return counted;
  }

  private static List<Long> notSpooled(int count) {
    List<Long> ids = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ids.add(-1L);
    }
    return ids;
  }

  private void writeState(List<EdgeStateWrite> writes) throws SQLException {
    if (writes.isEmpty()) {
      return;
    }
    try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO sync_state (name, value) VALUES (?, ?) "
            + "ON CONFLICT (name) DO UPDATE SET value = excluded.value");
        PreparedStatement delete = connection.prepareStatement("DELETE FROM sync_state WHERE name = ?")) {
      for (EdgeStateWrite write : writes) {
        byte[] value = write.value();
        if (value == null) {
          delete.setString(1, write.name());
          delete.executeUpdate();
        } else {
          upsert.setString(1, write.name());
          upsert.setBytes(2, value);
          upsert.executeUpdate();
        }
      }
    }
  }

  private void writeCommands(List<EdgeCommandRecord> commands, long tick) throws SQLException {
    if (commands.isEmpty()) {
      return;
    }
    try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO command (id, status, detail, action, "
        + "tick, updated_at_ms) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET status = excluded.status, "
        + "detail = excluded.detail, tick = excluded.tick, updated_at_ms = excluded.updated_at_ms")) {
      for (EdgeCommandRecord command : commands) {
        upsert.setLong(1, command.commandId());
        upsert.setString(2, command.status().name());
        upsert.setString(3, command.detail());
        upsert.setString(4, command.action());
        upsert.setLong(5, tick);
        upsert.setLong(6, System.currentTimeMillis());
        upsert.executeUpdate();
      }
    }
  }

  private CommitMode committed(EdgeTickCommit commit, Map<Integer, Long> historySlots, CommitMode mode) {
    if (failedCommits > 0) {
      LOG.info("edge database {} writable again: tick {} committed after {} failed commits, with the newest "
          + "checkpoints of {} agents; {} messages of the failed ticks counted as dropped", file, commit.tick(),
          failedCommits, Math.max(unsaved.size(), commit.updates().size()), unsavedMessages);
    }
    updateCounts.putAll(historySlots);
    lastTick = commit.tick();
    unsaved.clear();
    unsavedMessages = 0;
    unsavedKinds.clear();
    failedCommits = 0;
    if (commit.resetAgents()) {
      updateCounts.clear();
      updateCounts.putAll(historySlots);
    }
    return mode;
  }

  private void keepUnsaved(EdgeTickCommit commit) {
    for (EdgeAgentUpdate update : commit.updates()) {
      Unsaved earlier = unsaved.get(update.agent());
      unsaved.put(update.agent(), new Unsaved(commit.tick(), update, (earlier == null ? 0 : earlier.steps()) + 1));
    }
    unsavedMessages += commit.outgoing().size();
    commit.outgoing().forEach(message -> unsavedKinds.merge(message.topic(), 1L, Long::sum));
    lastSpooled = List.of();
    failedCommits++;
  }

  /**
   * Drops the oldest lowest-priority outbox messages (an eighth of the outbox, at least {@value #FREE_AT_LEAST}) in
   * their own transaction, counted in {@code outbox_dropped}; returns how many (0 when nothing could be dropped).
   */
  private long freeOutboxSpace(long tick, SQLException full) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox WHERE id IN (SELECT id FROM "
        + "outbox ORDER BY priority ASC, id ASC LIMIT ?) RETURNING priority, topic")) {
      long depth = queryLong(connection, "SELECT COUNT(*) FROM outbox", 0);
      delete.setLong(1, Math.max(FREE_AT_LEAST, depth / 8));
      long dropped = 0;
      int highest = -1;
      Map<String, long[]> ledger = new TreeMap<>();
      try (ResultSet rows = delete.executeQuery()) {
        while (rows.next()) {
          dropped++;
          highest = Math.max(highest, rows.getInt(1));
          ledgerRow(ledger, rows.getString(2))[EVICTED]++;
        }
      }
      countDropped(dropped);
      addToLedger(ledger);
      connection.commit();
      if (dropped > 0) {
        LOG.warn("edge database {} is full ({}) at tick {}: dropped the {} oldest outbox messages of the lowest "
            + "priorities (up to {}) to free space, counted in outbox_dropped; retrying the tick", file,
            describe(full), tick, dropped, highest);
      }
      return dropped;
    }
  }

  private void countDropped(long dropped) throws SQLException {
    if (dropped > 0) {
      try (PreparedStatement count = connection.prepareStatement(
          "UPDATE counter SET value = value + ? WHERE name = '" + DROPPED + "'")) {
        count.setLong(1, dropped);
        count.executeUpdate();
      }
    }
  }

  /** After a failed tick write: rolls back, or throws when the connection's transaction state is unknown. */
  private void rolledBackOrThrow(long tick, SQLException e) throws EdgeStoreException {
    if (!rollbackAfter(e)) {
      throw new EdgeStoreException("commit of tick " + tick + " failed in " + file + " (" + describe(e)
          + ") and could not be rolled back", e);
    }
  }

  /**
   * Rolls back after a failed statement and opens the next transaction; returns whether that worked. After a full
   * disk or an I/O error SQLite may already have rolled the transaction back itself: the driver's rollback then
   * fails ("no transaction is active") before it begins the next transaction, and without this the following
   * statements would each commit on their own.
   */
  private boolean rollbackAfter(SQLException cause) {
    try {
      connection.rollback();
      return true;
    } catch (SQLException rollbackFailure) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("BEGIN");
        return true;
      } catch (SQLException stillInTransaction) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("ROLLBACK");
          statement.execute("BEGIN");
          return true;
        } catch (SQLException beginFailure) {
          cause.addSuppressed(rollbackFailure);
          cause.addSuppressed(beginFailure);
          return false;
        }
      }
    }
  }

  private static EdgeStoreException.Kind kindOf(SQLException e) {
    int code = e.getErrorCode() & 0xff;
    if (code == SQLITE_FULL) {
      return EdgeStoreException.Kind.STORAGE_FULL;
    }
    return code == SQLITE_IOERR ? EdgeStoreException.Kind.IO_ERROR : EdgeStoreException.Kind.FAILURE;
  }

  /** SQLite's (extended) result code name and message. */
  private static String describe(SQLException e) {
    String code = e instanceof SQLiteException sqlite ? sqlite.getResultCode().name() : "code " + e.getErrorCode();
    return code + ": " + e.getMessage();
  }

  /** An agent's newest update not yet in the database: its tick and the number of its uncommitted updates. */
  private record Unsaved(long tick, EdgeAgentUpdate update, long steps) {}

  /** Every agent's checkpoint, by agent. */
  public List<EdgeCheckpoint> checkpoints() throws EdgeStoreException {
    ensureOpen();
    List<EdgeCheckpoint> result = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = startFresh(statement).executeQuery(
            "SELECT agent, tick, beliefs, previous_action, steps FROM checkpoint ORDER BY agent")) {
      while (rows.next()) {
        result.add(new EdgeCheckpoint(rows.getInt(1), rows.getLong(2), decodeBeliefs(rows.getBytes(3), rows.getInt(1)),
            decodeInts(rows.getBytes(4), "previous action of agent " + rows.getInt(1)), rows.getLong(5)));
      }
      connection.commit();
    } catch (SQLException e) {
      throw rollback("reading checkpoints", e);
    }
    return result;
  }

  /** The agent's remembered ticks, oldest first (at most {@code historyLength}). */
  public List<EdgeHistoryEntry> history(int agent) throws EdgeStoreException {
    ensureOpen();
    List<EdgeHistoryEntry> result = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT tick, observation, action FROM history WHERE agent = ? ORDER BY tick")) {
      startFresh();
      query.setInt(1, agent);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          result.add(new EdgeHistoryEntry(rows.getLong(1), decodeInts(rows.getBytes(2), "history observation"),
              decodeInts(rows.getBytes(3), "history action")));
        }
      }
      connection.commit();
    } catch (SQLException e) {
      throw rollback("reading the history of agent " + agent, e);
    }
    return result;
  }

  /**
   * Adds messages to the outbox outside a tick, in one transaction, with the same bound as {@link #commitTick};
   * returns their outbox ids in order ({@code -1} for a message refused by the bound).
   */
  public List<Long> enqueue(List<EdgeOutgoing> outgoing) throws EdgeStoreException {
    ensureOpen();
    try {
      return retryingStaleSnapshot(() -> {
        List<Long> ids = spool(outgoing, lastTick);
        connection.commit();
        return ids;
      });
    } catch (SQLException e) {
      throw rollback("enqueueing " + outgoing.size() + " messages", e);
    }
  }

  /** Up to {@code limit} waiting messages in delivery order: highest priority first, oldest first within it. */
  public List<EdgeOutboxMessage> pending(int limit) throws EdgeStoreException {
    ensureOpen();
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative but was " + limit);
    }
    List<EdgeOutboxMessage> result = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement("SELECT id, topic, payload, priority, attempts, tick "
        + "FROM outbox ORDER BY priority DESC, id ASC LIMIT ?")) {
      startFresh();
      query.setInt(1, limit);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          result.add(new EdgeOutboxMessage(rows.getLong(1), rows.getString(2), rows.getBytes(3), rows.getInt(4),
              rows.getInt(5), rows.getLong(6)));
        }
      }
      connection.commit();
    } catch (SQLException e) {
      throw rollback("reading the outbox", e);
    }
    return result;
  }

  /** Removes a delivered message from the outbox; returns whether it was there. */
  public boolean acknowledge(long id) throws EdgeStoreException {
    ensureOpen();
    try (PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox WHERE id = ? RETURNING topic")) {
      return retryingStaleSnapshot(() -> {
        delete.setLong(1, id);
        String kind = null;
        try (ResultSet rows = delete.executeQuery()) {
          if (rows.next()) {
            kind = rows.getString(1);
          }
        }
        if (kind != null) {
          Map<String, long[]> ledger = new TreeMap<>();
          ledgerRow(ledger, kind)[DELIVERED]++;
          addToLedger(ledger);
        }
        connection.commit();
        return kind != null;
      });
    } catch (SQLException e) {
      throw rollback("acknowledging message " + id, e);
    }
  }

  /**
   * Records a failed delivery of a message. After {@code maxAttempts} failures the message is moved to the
   * dead-letter table with {@code reason}; returns whether that happened.
   *
   * @throws IllegalArgumentException when no message has this id or the reason is missing
   */
  public boolean recordFailure(long id, String reason) throws EdgeStoreException {
    ensureOpen();
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("reason must not be blank (message " + id + ")");
    }
    try (PreparedStatement bump = connection.prepareStatement(
            "UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ? RETURNING attempts");
        PreparedStatement move = connection.prepareStatement("INSERT INTO dead_letter (id, topic, payload, "
            + "priority, attempts, tick, reason) SELECT id, topic, payload, priority, attempts, tick, ? FROM outbox "
            + "WHERE id = ?");
        PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox WHERE id = ?")) {
      int attempts = retryingStaleSnapshot(() -> {
        bump.setString(1, reason);
        bump.setLong(2, id);
        int failures;
        try (ResultSet rows = bump.executeQuery()) {
          if (!rows.next()) {
            connection.rollback();
            throw new IllegalArgumentException("no message " + id + " in the outbox");
          }
          failures = rows.getInt(1);
        }
        if (failures >= config.maxAttempts()) {
          move.setString(1, reason);
          move.setLong(2, id);
          move.executeUpdate();
          delete.setLong(1, id);
          delete.executeUpdate();
          Map<String, long[]> ledger = new TreeMap<>();
          ledgerRow(ledger, topicOfDeadLetter(id))[DEAD_LETTERED]++;
          addToLedger(ledger);
        }
        connection.commit();
        return failures;
      });
      boolean poisoned = attempts >= config.maxAttempts();
      if (poisoned) {
        LOG.warn("outbox message {} failed {} times, moved to the dead-letter table: {}", id, attempts, reason);
      }
      return poisoned;
    } catch (SQLException e) {
      throw rollback("recording a failure of message " + id, e);
    }
  }

  /** The dead-letter table, oldest first. */
  public List<EdgeDeadLetter> deadLetters() throws EdgeStoreException {
    ensureOpen();
    List<EdgeDeadLetter> result = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = startFresh(statement).executeQuery(
            "SELECT id, topic, payload, priority, attempts, tick, reason FROM dead_letter ORDER BY id")) {
      while (rows.next()) {
        result.add(new EdgeDeadLetter(new EdgeOutboxMessage(rows.getLong(1), rows.getString(2), rows.getBytes(3),
            rows.getInt(4), rows.getInt(5), rows.getLong(6)), rows.getString(7)));
      }
      connection.commit();
    } catch (SQLException e) {
      throw rollback("reading the dead-letter table", e);
    }
    return result;
  }

  /** Depth of the outbox, messages dropped since the database was created, dead letters. */
  public EdgeOutboxStats outboxStats() throws EdgeStoreException {
    ensureOpen();
    try {
      startFresh();
      EdgeOutboxStats stats = new EdgeOutboxStats((int) queryLong(connection, "SELECT COUNT(*) FROM outbox", 0),
          queryLong(connection, "SELECT value FROM counter WHERE name = '" + DROPPED + "'", 0),
          queryLong(connection, "SELECT COUNT(*) FROM dead_letter", 0));
      connection.commit();
      return stats;
    } catch (SQLException e) {
      throw rollback("reading outbox statistics", e);
    }
  }

  /**
   * The outbox ids of the last committed tick's messages, in the order of its {@code outgoing} ({@code -1} for a
   * message the bound refused, or all of them when the tick was saved as checkpoints only); empty after a failed
   * commit. The sequence of a wire message is its outbox id.
   */
  public List<Long> lastSpooledIds() {
    return lastSpooled;
  }

  /** The outbox ledger per message kind ({@link EdgeLedger}). */
  public EdgeLedger ledger() throws EdgeStoreException {
    ensureOpen();
    Map<String, EdgeLedgerEntry> kinds = new TreeMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = startFresh(statement).executeQuery(
            "SELECT kind, spooled, delivered, evicted, refused, dead_lettered FROM ledger")) {
      while (rows.next()) {
        kinds.put(rows.getString(1), new EdgeLedgerEntry(rows.getString(1), rows.getLong(2), rows.getLong(3),
            rows.getLong(4), rows.getLong(5), rows.getLong(6)));
      }
      connection.commit();
    } catch (SQLException e) {
      throw rollback("reading the ledger", e);
    }
    return new EdgeLedger(kinds);
  }

  /** The sync state entry {@code name} (see {@link EdgeStateWrite}), empty when there is none. */
  public Optional<byte[]> state(String name) throws EdgeStoreException {
    ensureOpen();
    try (PreparedStatement query = connection.prepareStatement("SELECT value FROM sync_state WHERE name = ?")) {
      startFresh();
      query.setString(1, name);
      Optional<byte[]> value;
      try (ResultSet rows = query.executeQuery()) {
        value = rows.next() ? Optional.of(rows.getBytes(1)) : Optional.empty();
      }
      connection.commit();
      return value;
    } catch (SQLException e) {
      throw rollback("reading sync state " + name, e);
    }
  }

  /** The record of command {@code commandId}, empty when it was never received. */
  public Optional<EdgeCommandRecord> command(long commandId) throws EdgeStoreException {
    ensureOpen();
    try (PreparedStatement query = connection.prepareStatement(
        "SELECT status, detail, action FROM command WHERE id = ?")) {
      startFresh();
      query.setLong(1, commandId);
      Optional<EdgeCommandRecord> record;
      try (ResultSet rows = query.executeQuery()) {
        record = rows.next() ? Optional.of(new EdgeCommandRecord(commandId,
            CommandStatus.valueOf(rows.getString(1)), rows.getString(2), rows.getString(3)))
            : Optional.empty();
      }
      connection.commit();
      return record;
    } catch (SQLException e) {
      throw rollback("reading command " + commandId, e);
    } catch (IllegalArgumentException e) {
      throw new EdgeStoreException("command " + commandId + " in " + file + " has an unknown status: "
          + e.getMessage(), e);
    }
  }

  /** Closes the database (the WAL is checkpointed into the main file by SQLite). Idempotent. */
  @Override
  public void close() throws EdgeStoreException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      upsertCheckpoint.close();
      upsertHistory.close();
      setTick.close();
      connection.close();
    } catch (SQLException e) {
      throw new EdgeStoreException("closing the edge database " + file + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Adds messages within the current transaction, dropping the oldest lowest-priority ones beyond capacity; returns
   * the outbox id of every message in order ({@code -1} for one refused), and counts everything in the ledger.
   */
  private List<Long> spool(List<EdgeOutgoing> outgoing, long tick) throws SQLException {
    if (outgoing.isEmpty()) {
      return List.of();
    }
    List<Long> ids = new ArrayList<>(outgoing.size());
    Map<String, long[]> ledger = new TreeMap<>();
    long depth = queryLong(connection, "SELECT COUNT(*) FROM outbox", 0);
    long dropped = 0;
    try (PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO outbox (topic, payload, priority, tick) VALUES (?, ?, ?, ?) RETURNING id");
        PreparedStatement victim = connection.prepareStatement(
            "SELECT id, priority, topic FROM outbox ORDER BY priority ASC, id ASC LIMIT 1");
        PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox WHERE id = ?")) {
      for (EdgeOutgoing message : outgoing) {
        boolean droppedMessage = false;
        // A loop, not an if: the outbox can be above capacity when the capacity was lowered since the last run.
        while (depth >= config.outboxCapacity()) {
          long victimId;
          int victimPriority;
          String victimKind;
          try (ResultSet rows = victim.executeQuery()) {
            rows.next();
            victimId = rows.getLong(1);
            victimPriority = rows.getInt(2);
            victimKind = rows.getString(3);
          }
          dropped++;
          if (message.priority() < victimPriority) {
            droppedMessage = true;
            break;
          }
          delete.setLong(1, victimId);
          delete.executeUpdate();
          ledgerRow(ledger, victimKind)[EVICTED]++;
          depth--;
        }
        if (droppedMessage) {
          ledgerRow(ledger, message.topic())[REFUSED]++;
          ids.add(-1L);
          continue;
        }
        insert.setString(1, message.topic());
        insert.setBytes(2, message.payload());
        insert.setInt(3, message.priority());
        insert.setLong(4, tick);
        try (ResultSet rows = insert.executeQuery()) {
          rows.next();
          ids.add(rows.getLong(1));
        }
        ledgerRow(ledger, message.topic())[SPOOLED]++;
        depth++;
      }
    }
    addToLedger(ledger);
    if (dropped > 0) {
      try (PreparedStatement count = connection.prepareStatement(
          "UPDATE counter SET value = value + ? WHERE name = '" + DROPPED + "'")) {
        count.setLong(1, dropped);
        count.executeUpdate();
      }
    }
    return ids;
  }

  private static final int SPOOLED = 0;
  private static final int DELIVERED = 1;
  private static final int EVICTED = 2;
  private static final int REFUSED = 3;
  private static final int DEAD_LETTERED = 4;

  private static long[] ledgerRow(Map<String, long[]> ledger, String kind) {
    return ledger.computeIfAbsent(kind, k -> new long[5]);
  }

  /** Adds the counts to the ledger within the current transaction. */
  private void addToLedger(Map<String, long[]> ledger) throws SQLException {
    if (ledger.isEmpty()) {
      return;
    }
    try (PreparedStatement add = connection.prepareStatement("INSERT INTO ledger (kind, spooled, delivered, "
        + "evicted, refused, dead_lettered) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (kind) DO UPDATE SET "
        + "spooled = spooled + excluded.spooled, delivered = delivered + excluded.delivered, "
        + "evicted = evicted + excluded.evicted, refused = refused + excluded.refused, "
        + "dead_lettered = dead_lettered + excluded.dead_lettered")) {
      for (Map.Entry<String, long[]> row : ledger.entrySet()) {
        add.setString(1, row.getKey());
        for (int i = 0; i < 5; i++) {
          add.setLong(i + 2, row.getValue()[i]);
        }
        add.executeUpdate();
      }
    }
  }

  private String topicOfDeadLetter(long id) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("SELECT topic FROM dead_letter WHERE id = ?")) {
      query.setLong(1, id);
      try (ResultSet rows = query.executeQuery()) {
        if (!rows.next()) {
          throw new SQLException("dead letter " + id + " vanished within its transaction");
        }
        return rows.getString(1);
      }
    }
  }

  /**
   * Ends the idle transaction the driver keeps open between commits and begins a new one (deferred, as always), so
   * that what follows reads the file as it is now. Without it a read snapshot taken earlier in that idle transaction
   * outlives commits of another connection to the file (the MQTT sync's own store): reads are then stale and the
   * first write fails with {@code SQLITE_BUSY_SNAPSHOT}, which no busy timeout waits out. Nothing was done in the
   * idle transaction, so rolling it back loses nothing.
   */
  private void startFresh() throws SQLException {
    connection.rollback();
  }

  /** {@link #startFresh()} before a query in a resource header; returns the statement. */
  private Statement startFresh(Statement statement) throws SQLException {
    startFresh();
    return statement;
  }

  /**
   * Runs one write transaction from a fresh snapshot ({@link #startFresh()}). A write that first reads can still
   * find its snapshot stale ({@code SQLITE_BUSY_SNAPSHOT}) when another connection commits between that read and
   * the write: the work is then rolled back and run again, at most {@value #STALE_SNAPSHOT_ATTEMPTS} times with a
   * short backoff. Plain {@code SQLITE_BUSY} is not retried here: the busy timeout has already waited for it. The
   * work must commit itself and change nothing outside the database before its commit.
   */
  private <T> T retryingStaleSnapshot(Transaction<T> work) throws SQLException {
    for (int attempt = 1; ; attempt++) {
      startFresh();
      try {
        return work.run();
      } catch (SQLException e) {
        if (!isStaleSnapshot(e) || attempt >= STALE_SNAPSHOT_ATTEMPTS || !rollbackAfter(e)) {
          throw e;
        }
        LOG.debug("edge database {}: another connection wrote since this transaction's snapshot (attempt {} of {}), "
            + "retrying", file, attempt, STALE_SNAPSHOT_ATTEMPTS);
        backOff(attempt, e);
      }
    }
  }

  private static boolean isStaleSnapshot(SQLException e) {
    return e instanceof SQLiteException sqlite && sqlite.getResultCode() == SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT;
  }

  /** Waits a little before the next attempt; when interrupted, keeps the interrupt and gives up with the failure. */
  private static void backOff(int attempt, SQLException failure) throws SQLException {
    try {
      Thread.sleep((long) STALE_SNAPSHOT_BACKOFF_MS * attempt);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      failure.addSuppressed(interrupted);
      throw failure;
    }
  }

  /** One write transaction's work, committed by itself. */
  @FunctionalInterface
  private interface Transaction<T> {
    T run() throws SQLException;
  }

  private EdgeStoreException rollback(String what, SQLException cause) {
    boolean rolledBack = rollbackAfter(cause);
    return new EdgeStoreException(what + " failed in " + file + ": " + describe(cause), cause,
        rolledBack ? kindOf(cause) : EdgeStoreException.Kind.FAILURE);
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the edge state store " + file + " is closed");
    }
  }

  private static Connection connect(Path file, EdgeStoreConfig config) throws SQLException {
    SQLiteConfig sqlite = new SQLiteConfig();
    sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
    sqlite.setSynchronous(config.durability() == EdgeDurability.FULL
        ? SQLiteConfig.SynchronousMode.FULL : SQLiteConfig.SynchronousMode.NORMAL);
    sqlite.setBusyTimeout(5000);
    // The database is small (checkpoints, a short history, a bounded outbox): a 256 KiB page cache instead of
    // SQLite's 2 MiB default keeps the native heap small on a 512 MB board.
    sqlite.setCacheSize(-PAGE_CACHE_KIB);
    // Keeps the WAL file from staying large on flash after a burst of ticks (it is truncated to this at checkpoints).
    sqlite.setJournalSizeLimit(WAL_SIZE_LIMIT_BYTES);
    return sqlite.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
  }

  private static String quickCheck(Connection connection) throws SQLException {
    return String.join("; ", integrityProblems(connection, "quick_check"));
  }

  private static List<String> integrityProblems(Connection connection, String pragma) throws SQLException {
    List<String> problems = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("PRAGMA " + pragma)) {
      while (rows.next()) {
        String line = rows.getString(1);
        if (!"ok".equals(line)) {
          problems.add(line);
        }
      }
    }
    return problems;
  }

  private static boolean isCorruption(Exception e) {
    if (e instanceof CorruptDatabase) {
      return true;
    }
    int code = ((SQLException) e).getErrorCode() & 0xff;
    return code == SQLITE_CORRUPT || code == SQLITE_NOTADB;
  }

  private static String loadOrCreateDeviceId(Connection connection, String newDeviceId) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT device_id FROM device WHERE singleton = 1")) {
      if (rows.next()) {
        String id = rows.getString(1);
        connection.commit();
        return id;
      }
    }
    String id = newDeviceId != null ? newDeviceId : UUID.randomUUID().toString();
    try (PreparedStatement insert = connection.prepareStatement(
        "INSERT INTO device (singleton, device_id, created_at_ms) VALUES (1, ?, ?)")) {
      insert.setString(1, id);
      insert.setLong(2, System.currentTimeMillis());
      insert.executeUpdate();
    }
    connection.commit();
    LOG.info("new device identity {}", id);
    return id;
  }

  private static Map<Integer, Long> loadUpdateCounts(Connection connection, int historyLength) throws SQLException {
    // Slots beyond a history length lowered since the last run go; the next slot of each agent continues after its
    // newest remaining history entry.
    try (PreparedStatement trim = connection.prepareStatement("DELETE FROM history WHERE slot >= ?")) {
      trim.setInt(1, historyLength);
      trim.executeUpdate();
    }
    Map<Integer, Long> counts = new HashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT agent, slot FROM history h WHERE tick = "
            + "(SELECT MAX(tick) FROM history WHERE agent = h.agent)")) {
      while (rows.next()) {
        counts.put(rows.getInt(1), (rows.getLong(2) + 1) % historyLength);
      }
    }
    connection.commit();
    return counts;
  }

  private static long queryLong(Connection connection, String sql, long missing) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      return rows.next() ? rows.getLong(1) : missing;
    }
  }

  private static float[][] decodeBeliefs(byte[] blob, int agent) throws SQLException {
    try {
      return BlobCodec.decodeBeliefs(blob);
    } catch (IllegalArgumentException e) {
      throw new SQLException("checkpoint of agent " + agent + " is unreadable: " + e.getMessage(), e);
    }
  }

  private static int[] decodeInts(byte[] blob, String what) throws SQLException {
    try {
      return BlobCodec.decodeInts(blob);
    } catch (IllegalArgumentException e) {
      throw new SQLException(what + " is unreadable: " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(Connection connection, Exception primary) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        primary.addSuppressed(e);
      }
    }
  }

  /** Raised inside {@link #open} when quick_check reports problems. */
  private static final class CorruptDatabase extends Exception {
    private static final long serialVersionUID = 1L;

    CorruptDatabase(String problems) {
      super("quick_check: " + problems);
    }
  }
}
