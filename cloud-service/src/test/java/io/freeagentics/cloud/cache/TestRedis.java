package io.freeagentics.cloud.cache;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * The real Redis of the integration tests, and a plain Lettuce connection to look into it: which Redis
 * ({@link #requireUri}), keys, values, channel messages, and cleaning up a test's keys.
 */
public final class TestRedis implements AutoCloseable {
  private final RedisClient client;
  private final StatefulRedisConnection<String, String> connection;
  private StatefulRedisPubSubConnection<String, String> pubsub;

  /** Connects to {@code uri} (5 s timeout). */
  public TestRedis(String uri) {
    RedisURI redisUri = RedisURI.create(uri);
    redisUri.setTimeout(Duration.ofSeconds(5));
    client = RedisClient.create(redisUri);
    try {
      connection = client.connect();
    } catch (RedisException e) {
      client.shutdown();
      throw e;
    }
  }

  /**
   * {@code FA_REDIS_URI} (default {@code redis://127.0.0.1:6379}) when it answers PING; otherwise the test is
   * skipped, or fails when {@code FA_REQUIRE_SERVICES=1}.
   */
  public static String requireUri() {
    String uri = Optional.ofNullable(System.getenv("FA_REDIS_URI")).filter(s -> !s.isBlank())
        .orElse("redis://127.0.0.1:6379");
    try (TestRedis redis = new TestRedis(uri)) {
      redis.commands().ping();
      return uri;
    } catch (RedisException e) {
      String message = "Redis at " + uri + " does not answer (" + e.getMessage() + ")";
      if ("1".equals(System.getenv("FA_REQUIRE_SERVICES"))) {
        fail(message + "; FA_REQUIRE_SERVICES=1 requires it");
      }
      assumeTrue(false, message + ": skipping");
      return uri;
    }
  }

  /** Polls {@code condition} every 20 ms; fails the test naming {@code what} when {@code timeout} passes first. */
  public static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        fail("not within " + timeout + ": " + what);
      }
      Thread.sleep(20);
    }
  }

  /** Deletes every key starting with {@code prefix} in the Redis at {@code uri}. */
  public static void deleteKeys(String uri, String prefix) {
    try (TestRedis redis = new TestRedis(uri)) {
      redis.deleteAll(prefix + "*");
    }
  }

  public RedisCommands<String, String> commands() {
    return connection.sync();
  }

  public boolean exists(String key) {
    return commands().exists(key) == 1;
  }

  public String get(String key) {
    return commands().get(key);
  }

  /** Subscribes to {@code channel}; the returned list fills with its messages as they arrive. */
  public List<String> subscribe(String channel) {
    List<String> messages = new CopyOnWriteArrayList<>();
    pubsub = client.connectPubSub();
    pubsub.addListener(new RedisPubSubAdapter<>() {
      @Override
      public void message(String from, String message) {
        messages.add(message);
      }
    });
    pubsub.sync().subscribe(channel);
    return messages;
  }

  /** Deletes every key matching {@code pattern}. */
  public void deleteAll(String pattern) {
    ScanCursor cursor = ScanCursor.INITIAL;
    do {
      KeyScanCursor<String> page = commands().scan(cursor, ScanArgs.Builder.matches(pattern).limit(500));
      if (!page.getKeys().isEmpty()) {
        commands().del(page.getKeys().toArray(String[]::new));
      }
      cursor = page;
    } while (!cursor.isFinished());
  }

  @Override
  public void close() {
    if (pubsub != null) {
      pubsub.close();
    }
    connection.close();
    client.shutdown();
  }
}
