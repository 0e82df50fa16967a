package io.freeagentics.demo.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The demo's fleet host processes ({@code fa edge fleet}): host {@code i} runs devices {@code h<i>-0001...} with their
 * databases under {@code <edgeDir>}. A host killed by chaos is started again with the same arguments, and its
 * devices resume from their databases. Each host's last JSON line (its summary) is kept.
 */
public final class FleetHosts implements AutoCloseable {
  /** The edge runtime's command-line entry point. */
  static final String EDGE_MAIN = "io.freeagentics.edge.EdgeMain";

  private final String classpath;
  private final List<String> jvmOptions;
  private final List<List<String>> arguments;
  private final Path logDir;
  private final AtomicReferenceArray<ChildJvm> processes;
  private final AtomicReferenceArray<String> summaries;
  private final int[] starts;

  /**
   * Plans {@code hosts} hosts sharing {@code devices} devices (the first hosts take one more when they do not divide).
   *
   * @param fleetArguments arguments every host gets after {@code fleet --devices N --id-prefix P}
   */
  public FleetHosts(String classpath, List<String> jvmOptions, int hosts, int devices, List<String> fleetArguments,
      Path logDir) {
    if (hosts < 1 || hosts > devices) {
      throw new IllegalArgumentException("hosts must be in 1..devices (" + devices + ") but was " + hosts);
    }
    this.classpath = classpath;
    this.jvmOptions = List.copyOf(jvmOptions);
    this.logDir = logDir;
    this.processes = new AtomicReferenceArray<>(hosts);
    this.summaries = new AtomicReferenceArray<>(hosts);
    this.starts = new int[hosts];
    List<List<String>> plans = new ArrayList<>();
    for (int host = 0; host < hosts; host++) {
      int count = devices / hosts + (host < devices % hosts ? 1 : 0);
      List<String> args = new ArrayList<>(List.of("fleet", "--devices", Integer.toString(count), "--id-prefix",
          hostPrefix(host), "--watch-stdin", "--json"));
      args.addAll(fleetArguments);
      plans.add(List.copyOf(args));
    }
    this.arguments = List.copyOf(plans);
  }

  /** Device ids of host {@code host} start with this. */
  public static String hostPrefix(int host) {
    return "h" + (host + 1) + "-";
  }

  public int size() {
    return arguments.size();
  }

  /** Starts (or starts again) host {@code host}. */
  public synchronized void start(int host) throws IOException {
    ChildJvm running = processes.get(host);
    if (running != null && running.isAlive()) {
      throw new IllegalStateException("fleet host " + (host + 1) + " is already running (pid " + running.pid() + ")");
    }
    starts[host]++;
    ChildJvm child = ChildJvm.start("fleet-host-" + (host + 1), classpath, jvmOptions, EDGE_MAIN,
        arguments.get(host), logDir.resolve("fleet-host-" + (host + 1) + ".log"), line -> {
          if (line.startsWith("{")) {
            summaries.set(host, line);
          }
        });
    processes.set(host, child);
  }

  public void startAll() throws IOException {
    for (int host = 0; host < size(); host++) {
      start(host);
    }
  }

  /** SIGKILL of host {@code host}, as a power cut. */
  public void kill(int host) throws InterruptedException {
    ChildJvm child = processes.get(host);
    if (child != null) {
      child.kill();
    }
  }

  public boolean isAlive(int host) {
    ChildJvm child = processes.get(host);
    return child != null && child.isAlive();
  }

  /** Hosts that are not running (killed and not yet restarted, or exited). */
  public List<Integer> stopped() {
    List<Integer> stopped = new ArrayList<>();
    for (int host = 0; host < size(); host++) {
      if (!isAlive(host)) {
        stopped.add(host);
      }
    }
    return stopped;
  }

  /**
   * Stops every host cleanly (its standard input closes: the devices finish their tick, their sync sends what it
   * can, presence goes offline) and waits for them; returns the hosts that did not exit cleanly in time (then
   * killed).
   */
  public List<Integer> stopAll(long timeoutMillis) throws InterruptedException, IOException {
    for (int host = 0; host < size(); host++) {
      ChildJvm child = processes.get(host);
      if (child != null && child.isAlive()) {
        child.closeInput();
      }
    }
    List<Integer> unclean = new ArrayList<>();
    long deadline = System.currentTimeMillis() + timeoutMillis;
    for (int host = 0; host < size(); host++) {
      ChildJvm child = processes.get(host);
      if (child == null) {
        continue;
      }
      int code = child.await(Math.max(1, deadline - System.currentTimeMillis()));
      if (code != 0) {
        unclean.add(host);
        child.kill();
      }
    }
    return unclean;
  }

  /** The last summary line host {@code host} printed (JSON), or null. */
  public String summary(int host) {
    return summaries.get(host);
  }

  /** How often host {@code host} was started. */
  public synchronized int starts(int host) {
    return starts[host];
  }

  @Override
  public void close() throws InterruptedException {
    for (int host = 0; host < size(); host++) {
      ChildJvm child = processes.get(host);
      if (child != null && child.isAlive()) {
        child.kill();
      }
    }
  }
}
