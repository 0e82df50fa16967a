package io.freeagentics.demo.internal;

import java.io.IOException;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Strikes the demo's fleet at random moments (seeded, so a run can be repeated): every 3 to 8 seconds it either
 * kills a fleet host with SIGKILL and starts it again 1 to 3 seconds later, or cuts a random share (20–100 %) of
 * the devices' broker connections at the {@link ChaosProxy}. Each strike is reported as a line.
 */
public final class ChaosMonkey implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ChaosMonkey.class);

  private final FleetHosts hosts;
  private final ChaosProxy proxy;
  private final Random random;
  private final Consumer<String> report;
  private final Thread thread;
  private final AtomicInteger kills = new AtomicInteger();
  private volatile boolean running = true;

  private ChaosMonkey(FleetHosts hosts, ChaosProxy proxy, long seed, Consumer<String> report) {
    this.hosts = hosts;
    this.proxy = proxy;
    this.random = new Random(seed);
    this.report = report;
    this.thread = new Thread(this::loop, "chaos");
    this.thread.setDaemon(true);
  }

  public static ChaosMonkey start(FleetHosts hosts, ChaosProxy proxy, long seed, Consumer<String> report) {
    ChaosMonkey monkey = new ChaosMonkey(hosts, proxy, seed, report);
    monkey.thread.start();
    return monkey;
  }

  /** Fleet hosts killed so far. */
  public int kills() {
    return kills.get();
  }

  /** Stops striking; a host killed last is started again before this returns. */
  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.interrupt();
    thread.join(10_000);
  }

  private void loop() {
    int pendingRestart = -1;
    long restartAt = 0;
    long nextStrike = System.currentTimeMillis() + 3000 + random.nextInt(5000);
    try {
      while (running) {
        long now = System.currentTimeMillis();
        if (pendingRestart >= 0 && now >= restartAt) {
          restart(pendingRestart);
          pendingRestart = -1;
        }
        if (now >= nextStrike) {
          if (pendingRestart < 0 && random.nextBoolean()) {
            int host = random.nextInt(hosts.size());
            hosts.kill(host);
            kills.incrementAndGet();
            report.accept("chaos: killed fleet host " + (host + 1) + " (SIGKILL)");
            pendingRestart = host;
            restartAt = now + 1000 + random.nextInt(2000);
          } else {
            double share = 0.2 + 0.8 * random.nextDouble();
            long before = proxy.dropped();
            proxy.drop(share, random);
            report.accept(String.format("chaos: cutting %.0f %% of the devices' broker connections (%d cut so far)",
                share * 100, before));
          }
          nextStrike = now + 3000 + random.nextInt(5000);
        }
        Thread.sleep(100);
      }
    } catch (InterruptedException e) {
      // close() interrupts the wait: stop striking, then restore the fleet below.
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      LOG.error("chaos could not restart a fleet host: {}", e.getMessage(), e);
      report.accept("chaos: stopped, a fleet host could not be started again: " + e.getMessage());
    } finally {
      if (pendingRestart >= 0) {
        try {
          restart(pendingRestart);
        } catch (IOException e) {
          LOG.error("chaos could not restart fleet host {}: {}", pendingRestart + 1, e.getMessage(), e);
        }
      }
    }
  }

  private void restart(int host) throws IOException {
    hosts.start(host);
    report.accept("chaos: started fleet host " + (host + 1) + " again (its devices resume from their databases)");
  }
}
