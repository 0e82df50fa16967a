package io.freeagentics.cloud.cache.internal;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link L2Store} on Redis through Lettuce: one command connection ({@code String} keys, {@code byte[]} values),
 * one pub/sub connection on the invalidation channel. Lettuce reconnects both by itself after Redis went away and
 * re-subscribes; while disconnected, commands are rejected at once (no queueing) and time out after the command
 * timeout otherwise. If Redis is down when the store opens, a background task keeps trying to connect.
 *
 * <p>Keys: value of entry E = {@code PREFIX v:E}, its generation = {@code PREFIX g:E}; channel = {@code PREFIX
 * invalidate}. A health check every {@code checkEvery} turns connection state changes into
 * {@link Listener#onAvailable()} / {@link Listener#onUnavailable(String)} on the events thread.
 */
public final class RedisL2Store implements L2Store {

  private static final Logger LOG = LoggerFactory.getLogger(RedisL2Store.class);

  /** Store the value only if the generation did not move since the load began. */
  private static final String PUT_IF_GENERATION = """
      local g = redis.call('GET', KEYS[2])
      if (g or '0') == ARGV[1] then
        redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
        return 1
      end
      return 0""";

  /** Bump the generation (with a TTL) and drop the value, atomically. */
  private static final String INVALIDATE = """
      redis.call('INCR', KEYS[2])
      redis.call('PEXPIRE', KEYS[2], ARGV[1])
      redis.call('DEL', KEYS[1])
      return 1""";

  /**
   * {@link #INVALIDATE} for each pair of keys (value, generation), then one PUBLISH: a batch of invalidations in
   * one round trip, and the message goes out only after every key was dropped.
   */
  private static final String INVALIDATE_AND_PUBLISH = """
      for i = 1, #KEYS, 2 do
        redis.call('INCR', KEYS[i + 1])
        redis.call('PEXPIRE', KEYS[i + 1], ARGV[1])
        redis.call('DEL', KEYS[i])
      end
      redis.call('PUBLISH', ARGV[2], ARGV[3])
      return #KEYS / 2""";

  private final RedisClient client;
  private final String uriForLogs;
  private final String prefix;
  private final String channel;
  private final ScheduledExecutorService connector;
  private final ExecutorService events;
  private volatile StatefulRedisConnection<String, byte[]> connection;
  private volatile StatefulRedisPubSubConnection<String, String> pubsub;
  private volatile Listener listener = L2Store.messagesOnly(message -> { });
  private volatile boolean reportedAvailable;
  private volatile boolean everReported;
  /** Set whenever anyone saw the connection down, however briefly: broadcasts may have been lost then. */
  private volatile boolean outageSeen;
  private volatile boolean closed;

  private RedisL2Store(RedisClient client, String uriForLogs, String prefix) {
    this.client = client;
    this.uriForLogs = uriForLogs;
    this.prefix = prefix;
    this.channel = prefix + "invalidate";
    this.connector = Executors.newSingleThreadScheduledExecutor(daemon("fa-cache-redis"));
    this.events = Executors.newSingleThreadExecutor(daemon("fa-cache-events"));
  }

  /**
   * Opens the store on {@code redisUri} (e.g. {@code redis://127.0.0.1:6379}) and returns at once; the connection
   * is made in the background (first attempt immediately, then every {@code checkEvery} until it succeeds).
   *
   * @throws IllegalArgumentException when the URI cannot be parsed (the message names it)
   */
  public static RedisL2Store open(String redisUri, String keyPrefix, Duration commandTimeout, Duration checkEvery) {
    Objects.requireNonNull(redisUri, "redisUri");
    RedisURI uri;
    try {
      uri = RedisURI.create(redisUri);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("fa.redis.uri '" + redisUri + "' is not a Redis URI: " + e.getMessage(), e);
    }
    uri.setTimeout(commandTimeout);
    RedisClient client = RedisClient.create(uri);
    client.setOptions(ClientOptions.builder()
        .autoReconnect(true)
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .socketOptions(SocketOptions.builder().connectTimeout(commandTimeout.multipliedBy(2)).build())
        .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
        .build());
    RedisL2Store store = new RedisL2Store(client, uri.getHost() + ":" + uri.getPort(), keyPrefix);
    client.addListener(new RedisConnectionStateListener() {
      @Override
      public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
        store.outageSeen = true;
        store.checkSoon();
      }

      @Override
      public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
        store.checkSoon();
      }
    });
    long every = Math.max(10, checkEvery.toMillis());
    store.connector.scheduleWithFixedDelay(store::connectOrCheck, 0, every, TimeUnit.MILLISECONDS);
    return store;
  }

  /** Runs a state check on the connector thread (not on Lettuce's event loop); nothing once closed. */
  private void checkSoon() {
    if (closed) {
      return;
    }
    try {
      connector.execute(() -> checkTransition(null));
    } catch (RejectedExecutionException closing) {
      // close() shut the connector down between the check above and here: no more transitions to report.
      LOG.trace("cache L2: state check after close ignored");
    }
  }

  /** Hands a listener call to the events thread; dropped once the store is closed. */
  private void fire(Runnable call) {
    try {
      events.execute(call);
    } catch (RejectedExecutionException closing) {
      LOG.trace("cache L2: listener call after close ignored");
    }
  }

  private void connectOrCheck() {
    if (closed) {
      return;
    }
    if (connection == null) {
      try {
        StatefulRedisConnection<String, byte[]> commands =
            client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        StatefulRedisPubSubConnection<String, String> subscriber;
        try {
          subscriber = client.connectPubSub(StringCodec.UTF8);
          subscriber.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String from, String message) {
              if (channel.equals(from)) {
                fire(() -> listener.onMessage(message));
              }
            }
          });
          subscriber.sync().subscribe(channel);
        } catch (RedisException e) {
          commands.close();
          throw e;
        }
        pubsub = subscriber;
        connection = commands;
        LOG.info("cache L2: connected to Redis {} (channel {})", uriForLogs, channel);
      } catch (RedisException e) {
        if (!everReported) {
          everReported = true;
          reportedAvailable = false;
          String reason = describe(e);
          fire(() -> listener.onUnavailable(reason));
        }
        return;
      }
    }
    checkTransition(null);
  }

  /**
   * Reports a change of availability to the listener (on the events thread): unavailable when the connection is
   * down, available again when it is up after any outage seen meanwhile (even one shorter than the check period,
   * which the disconnect callback or a failed command recorded). {@code reason} may be null.
   */
  private synchronized void checkTransition(String reason) {
    boolean now = available();
    if (closed) {
      return;
    }
    if (now && (!everReported || !reportedAvailable || outageSeen)) {
      everReported = true;
      reportedAvailable = true;
      outageSeen = false;
      fire(() -> listener.onAvailable());
    } else if (!now && (!everReported || reportedAvailable)) {
      everReported = true;
      reportedAvailable = false;
      String why = reason != null ? reason : "connection to " + uriForLogs + " lost (Lettuce reconnects)";
      fire(() -> listener.onUnavailable(why));
    }
  }

  @Override
  public byte[] get(String key) throws L2UnavailableException {
    try {
      return commands("GET").sync().get(valueKey(key));
    } catch (RedisException e) {
      throw failed("GET", e);
    }
  }

  @Override
  public long generation(String key) throws L2UnavailableException {
    byte[] bytes;
    try {
      bytes = commands("GET").sync().get(generationKey(key));
    } catch (RedisException e) {
      throw failed("GET generation", e);
    }
    if (bytes == null) {
      return 0;
    }
    String text = new String(bytes, StandardCharsets.US_ASCII);
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new L2UnavailableException("generation of " + key + " in Redis is not a number: '" + text + "'", e);
    }
  }

  @Override
  public boolean putIfGeneration(String key, long generation, byte[] value, Duration ttl)
      throws L2UnavailableException {
    try {
      Long stored = commands("EVAL put").sync().eval(PUT_IF_GENERATION, ScriptOutputType.INTEGER,
          new String[] {valueKey(key), generationKey(key)}, ascii(Long.toString(generation)), value,
          ascii(Long.toString(Math.max(1, ttl.toMillis()))));
      return stored != null && stored == 1L;
    } catch (RedisException e) {
      throw failed("EVAL put-if-generation", e);
    }
  }

  @Override
  public void invalidate(String key, Duration generationTtl) throws L2UnavailableException {
    try {
      commands("EVAL invalidate").sync().eval(INVALIDATE, ScriptOutputType.INTEGER,
          new String[] {valueKey(key), generationKey(key)}, ascii(Long.toString(Math.max(1, generationTtl.toMillis()))));
    } catch (RedisException e) {
      throw failed("EVAL invalidate", e);
    }
  }

  @Override
  public void invalidateAndPublish(List<String> keys, Duration generationTtl, String message)
      throws L2UnavailableException {
    String[] redisKeys = new String[keys.size() * 2];
    for (int i = 0; i < keys.size(); i++) {
      redisKeys[2 * i] = valueKey(keys.get(i));
      redisKeys[2 * i + 1] = generationKey(keys.get(i));
    }
    try {
      commands("EVAL invalidate-and-publish").sync().eval(INVALIDATE_AND_PUBLISH, ScriptOutputType.INTEGER, redisKeys,
          ascii(Long.toString(Math.max(1, generationTtl.toMillis()))), channel.getBytes(StandardCharsets.UTF_8),
          message.getBytes(StandardCharsets.UTF_8));
    } catch (RedisException e) {
      throw failed("EVAL invalidate-and-publish of " + keys.size() + " keys", e);
    }
  }

  @Override
  public void invalidatePrefix(String entryPrefix) throws L2UnavailableException {
    String pattern = valueKey(entryPrefix) + "*";
    try {
      var sync = commands("SCAN").sync();
      ScanCursor cursor = ScanCursor.INITIAL;
      do {
        KeyScanCursor<String> page = sync.scan(cursor, ScanArgs.Builder.matches(pattern).limit(500));
        List<String> keys = page.getKeys();
        if (!keys.isEmpty()) {
          sync.del(keys.toArray(String[]::new));
        }
        cursor = page;
      } while (!cursor.isFinished());
    } catch (RedisException e) {
      throw failed("SCAN/DEL " + pattern, e);
    }
  }

  @Override
  public void publish(String message) throws L2UnavailableException {
    try {
      commands("PUBLISH").sync().publish(channel, message.getBytes(StandardCharsets.UTF_8));
    } catch (RedisException e) {
      throw failed("PUBLISH", e);
    }
  }

  @Override
  public boolean available() {
    StatefulRedisConnection<String, byte[]> commands = connection;
    StatefulRedisPubSubConnection<String, String> subscriber = pubsub;
    boolean up = !closed && commands != null && commands.isOpen() && subscriber != null && subscriber.isOpen();
    if (!up && commands != null) {
      outageSeen = true;
    }
    return up;
  }

  @Override
  public void listen(Listener newListener) {
    this.listener = Objects.requireNonNull(newListener, "listener");
  }

  @Override
  public void close() {
    closed = true;
    connector.shutdownNow();
    events.shutdown();
    StatefulRedisPubSubConnection<String, String> subscriber = pubsub;
    StatefulRedisConnection<String, byte[]> commands = connection;
    if (subscriber != null) {
      subscriber.close();
    }
    if (commands != null) {
      commands.close();
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }

  private StatefulRedisConnection<String, byte[]> commands(String operation) throws L2UnavailableException {
    StatefulRedisConnection<String, byte[]> commands = connection;
    if (commands == null || closed) {
      throw new L2UnavailableException(operation + ": not connected to Redis " + uriForLogs, null);
    }
    return commands;
  }

  private L2UnavailableException failed(String operation, RedisException e) {
    checkTransition(describe(e));
    return new L2UnavailableException(operation + " on Redis " + uriForLogs + " failed: " + describe(e), e);
  }

  private String describe(RedisException e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root.getMessage() + ")";
  }

  private String valueKey(String entry) {
    return prefix + "v:" + entry;
  }

  private String generationKey(String entry) {
    return prefix + "g:" + entry;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }
}
