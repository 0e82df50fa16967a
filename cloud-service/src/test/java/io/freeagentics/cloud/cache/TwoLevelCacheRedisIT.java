package io.freeagentics.cloud.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two-level cache against the REAL Redis (FA_REDIS_URI, default redis://127.0.0.1:6379; keys under a prefix
 * unique to this run, deleted afterwards), against a port where nothing listens, and against a Redis of its own
 * that is stopped and started again.
 */
class TwoLevelCacheRedisIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final ValueCodec<String> UTF8 = ValueCodec.of(
      value -> value.getBytes(StandardCharsets.UTF_8), bytes -> new String(bytes, StandardCharsets.UTF_8));

  private final String prefix = "fa:test:" + UUID.randomUUID() + ":";
  private final CacheConfig config = CacheConfig.defaults().withKeyPrefix(prefix);
  private final Map<String, String> database = new ConcurrentHashMap<>(Map.of("f1/d1", "v1"));
  private final AtomicInteger loads = new AtomicInteger();
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @TempDir
  Path folder;

  @AfterEach
  void closeAll() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  private String load(String key) {
    loads.incrementAndGet();
    return database.get(key);
  }

  private TwoLevelCaches instance(String redisUri) {
    TwoLevelCaches caches = TwoLevelCaches.open(config, Optional.of(redisUri));
    toClose.add(caches);
    return caches;
  }

  @Test
  void twoInstancesShareRedisAndAnInvalidationReachesTheOther() throws Exception {
    String uri = requireRedis();
    TwoLevelCaches instanceA = instance(uri);
    TwoLevelCaches instanceB = instance(uri);
    TestRedis.await("both instances connected", WAIT, () -> instanceA.l2Available() && instanceB.l2Available());
    TwoLevelCache<String, String> a = instanceA.create("twins", key -> key, UTF8);
    TwoLevelCache<String, String> b = instanceB.create("twins", key -> key, UTF8);

    assertThat(a.get("f1/d1", this::load)).isEqualTo("v1");
    assertThat(b.get("f1/d1", this::load)).as("from Redis").isEqualTo("v1");
    assertThat(loads).hasValue(1);
    assertThat(b.stats().l2Hits()).isEqualTo(1);
    try (TestRedis raw = new TestRedis(uri)) {
      assertThat(raw.commands().get(prefix + "v:twins:f1/d1")).isEqualTo("v1");
      Long ttl = raw.commands().pttl(prefix + "v:twins:f1/d1");
      assertThat(ttl).isPositive().isLessThanOrEqualTo(config.l2Ttl().toMillis());
    }

    database.put("f1/d1", "v2");
    a.invalidate("f1/d1");

    TestRedis.await("b dropped its L1 entry", WAIT, () -> b.getIfPresent("f1/d1") == null);
    assertThat(b.get("f1/d1", this::load)).isEqualTo("v2");
    assertThat(a.get("f1/d1", this::load)).isEqualTo("v2");
    assertThat(b.stats().invalidationsReceived()).isEqualTo(1);
    assertThat(loads).hasValue(2);
  }

  @Test
  void unreachableRedisLeavesL1AndTheLoader() throws Exception {
    int closedPort;
    try (ServerSocket probe = new ServerSocket(0)) {
      closedPort = probe.getLocalPort();
    }
    TwoLevelCaches caches = instance("redis://127.0.0.1:" + closedPort);
    TwoLevelCache<String, String> cache = caches.create("twins", key -> key, UTF8);

    assertThat(cache.get("f1/d1", this::load)).isEqualTo("v1");
    assertThat(cache.get("f1/d1", this::load)).isEqualTo("v1");
    database.put("f1/d1", "v2");
    cache.invalidate("f1/d1");
    assertThat(cache.get("f1/d1", this::load)).isEqualTo("v2");

    assertThat(loads).hasValue(2);
    TwoLevelCacheStats stats = cache.stats();
    assertThat(stats.l2Available()).isFalse();
    assertThat(stats.l1Hits()).isEqualTo(1);
    assertThat(stats.pendingInvalidations()).isEqualTo(1);
    assertThat(caches.l2Available()).isFalse();
  }

  @Test
  void afterARedisRestartTheCacheReconnectsAndReplaysItsInvalidations() throws Exception {
    SeparateRedis redis = SeparateRedis.start(folder);
    toClose.add(redis);
    TwoLevelCaches instanceA = instance(redis.uri());
    TwoLevelCaches instanceB = instance(redis.uri());
    TestRedis.await("both instances connected", WAIT, () -> instanceA.l2Available() && instanceB.l2Available());
    TwoLevelCache<String, String> a = instanceA.create("twins", key -> key, UTF8);
    TwoLevelCache<String, String> b = instanceB.create("twins", key -> key, UTF8);
    a.get("f1/d1", this::load);
    b.get("f1/d1", this::load);

    redis.stop();
    TestRedis.await("a noticed the outage", WAIT, () -> !a.stats().l2Available());
    database.put("f1/d1", "v2");
    a.invalidate("f1/d1");
    assertThat(a.stats().pendingInvalidations()).isEqualTo(1);
    assertThat(a.get("f1/d1", this::load)).isEqualTo("v2");

    redis.startAgain();
    TestRedis.await("both reconnected", WAIT, () -> a.stats().l2Available() && b.stats().l2Available());
    TestRedis.await("a replayed its invalidation", WAIT, () -> a.stats().pendingInvalidations() == 0);
    TestRedis.await("b's L1 cleared", WAIT, () -> b.getIfPresent("f1/d1") == null);
    try (TestRedis raw = new TestRedis(redis.uri())) {
      assertThat(raw.commands().exists(prefix + "v:twins:f1/d1")).as("the stale value left Redis").isZero();
    }
    assertThat(b.get("f1/d1", this::load)).as("b loads the new value, not Redis's old one").isEqualTo("v2");
  }

  /** A redis-server of the test's own on a free port, with an append-only file so that data survives a restart. */
  private static final class SeparateRedis implements AutoCloseable {
    private final Path binary;
    private final Path dir;
    private final int port;
    private Process process;

    private SeparateRedis(Path binary, Path dir, int port) {
      this.binary = binary;
      this.dir = dir;
      this.port = port;
    }

    static SeparateRedis start(Path folder) throws IOException, InterruptedException {
      Path binary = findBinary();
      int port;
      try (ServerSocket probe = new ServerSocket(0)) {
        port = probe.getLocalPort();
      }
      SeparateRedis redis = new SeparateRedis(binary, Files.createDirectories(folder.resolve("redis")), port);
      redis.startAgain();
      return redis;
    }

    String uri() {
      return "redis://127.0.0.1:" + port;
    }

    void startAgain() throws IOException, InterruptedException {
      process = new ProcessBuilder(binary.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
          "--dir", dir.toString(), "--appendonly", "yes", "--appendfsync", "always", "--save", "",
          "--daemonize", "no")
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis.log").toFile()))
          .start();
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          fail("redis-server exited: " + Files.readString(dir.resolve("redis.log")));
        }
        try (Socket socket = new Socket()) {
          socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
          return;
        } catch (IOException notYet) {
          Thread.sleep(20);
        }
      }
      fail("redis-server did not listen on " + port);
    }

    /** SIGTERM: Redis writes its append-only file and exits. */
    void stop() {
      process.destroy();
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }

    @Override
    public void close() {
      if (process != null && process.isAlive()) {
        stop();
      }
    }

    private static Path findBinary() {
      for (String folder : (System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/bin"
          + File.pathSeparator + "/usr/local/bin").split(File.pathSeparator)) {
        Path candidate = Path.of(folder, "redis-server");
        if (!folder.isEmpty() && Files.isExecutable(candidate)) {
          return candidate;
        }
      }
      String message = "redis-server is not on PATH (apt-get install redis-server)";
      if ("1".equals(System.getenv("FA_REQUIRE_SERVICES"))) {
        fail(message + "; FA_REQUIRE_SERVICES=1 requires it");
      }
      assumeTrue(false, message + ": skipping the restart test");
      throw new AssertionError("unreachable");
    }
  }

  /** The integration Redis ({@link TestRedis#requireUri}); this test's keys are deleted afterwards. */
  private String requireRedis() {
    String uri = TestRedis.requireUri();
    toClose.add(() -> TestRedis.deleteKeys(uri, prefix));
    return uri;
  }
}
