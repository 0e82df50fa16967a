package io.freeagentics.demo.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP proxy in front of the MQTT broker that can cut connections on demand: the demo's devices connect through it,
 * and chaos drops their broker connections at random moments the way a flaky network does (a reset, not a clean
 * close, so neither side gets to say goodbye).
 *
 * <p>Layout: one selector thread owns every socket. Each accepted client is paired with a connection to the target;
 * a {@link Link} holds the pair and one buffer per direction. A buffer is filled from one side and drained to the
 * other; while it still holds bytes the source is not read (back-pressure), so memory stays at two buffers per
 * connection. Requests from other threads ({@link #drop}) are queued and run on the selector thread.
 */
public final class ChaosProxy implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ChaosProxy.class);
  private static final int BUFFER_BYTES = 32 * 1024;

  private final InetSocketAddress target;
  private final Selector selector;
  private final ServerSocketChannel server;
  private final Thread thread;
  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final List<Link> links = new ArrayList<>();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private volatile boolean running = true;

  private ChaosProxy(InetSocketAddress target) throws IOException {
    this.target = target;
    this.selector = Selector.open();
    this.server = ServerSocketChannel.open();
    server.bind(new InetSocketAddress("127.0.0.1", 0));
    server.configureBlocking(false);
    server.register(selector, SelectionKey.OP_ACCEPT);
    this.thread = new Thread(this::loop, "chaos-proxy");
    this.thread.setDaemon(true);
  }

  /** Listens on a free port of 127.0.0.1 and forwards every connection to {@code targetHost:targetPort}. */
  public static ChaosProxy start(String targetHost, int targetPort) throws IOException {
    if (targetHost == null || targetHost.isBlank()) {
      throw new IllegalArgumentException("targetHost must not be blank");
    }
    if (targetPort < 1 || targetPort > 65535) {
      throw new IllegalArgumentException("targetPort must be in 1..65535 but was " + targetPort);
    }
    ChaosProxy proxy = new ChaosProxy(new InetSocketAddress(targetHost, targetPort));
    proxy.thread.start();
    return proxy;
  }

  public int port() {
    return server.socket().getLocalPort();
  }

  /** Connections accepted so far. */
  public long accepted() {
    return accepted.get();
  }

  /** Connections cut by {@link #drop} so far. */
  public long dropped() {
    return dropped.get();
  }

  /**
   * Resets each open connection with probability {@code fraction} (1 cuts them all), on the proxy's thread.
   * Returns at once; {@link #dropped()} counts the cuts when they are done.
   */
  public void drop(double fraction, Random random) {
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new IllegalArgumentException("fraction must be in [0, 1] but was " + fraction);
    }
    long seed = random.nextLong();
    tasks.add(() -> {
      Random choice = new Random(seed);
      for (Link link : List.copyOf(links)) {
        if (choice.nextDouble() < fraction) {
          link.reset();
          dropped.incrementAndGet();
        }
      }
    });
    selector.wakeup();
  }

  @Override
  public void close() {
    running = false;
    selector.wakeup();
    try {
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void loop() {
    try {
      while (running) {
        selector.select(500);
        Runnable task;
        while ((task = tasks.poll()) != null) {
          task.run();
        }
        for (SelectionKey key : selector.selectedKeys()) {
          if (!key.isValid()) {
            continue;
          }
          if (key.isAcceptable()) {
            accept();
          } else {
            ((Link) key.attachment()).ready(key);
          }
        }
        selector.selectedKeys().clear();
      }
    } catch (IOException | ClosedSelectorException e) {
      if (running) {
        LOG.error("chaos proxy stopped by a failure: {}", e.getMessage(), e);
      }
    } finally {
      for (Link link : List.copyOf(links)) {
        link.close();
      }
      closeQuietly(server);
      try {
        selector.close();
      } catch (IOException e) {
        LOG.debug("closing the selector: {}", e.getMessage());
      }
    }
  }

  private void accept() throws IOException {
    SocketChannel client;
    while ((client = server.accept()) != null) {
      accepted.incrementAndGet();
      client.configureBlocking(false);
      client.setOption(StandardSocketOptions.TCP_NODELAY, true);
      SocketChannel upstream = SocketChannel.open();
      upstream.configureBlocking(false);
      upstream.setOption(StandardSocketOptions.TCP_NODELAY, true);
      Link link = new Link(client, upstream);
      links.add(link);
      try {
        if (upstream.connect(target)) {
          link.connected();
        } else {
          link.upstreamKey = upstream.register(selector, SelectionKey.OP_CONNECT, link);
        }
      } catch (IOException e) {
        LOG.warn("chaos proxy cannot reach {}: {}", target, e.getMessage());
        link.close();
      }
    }
  }

  private static void closeQuietly(java.nio.channels.Channel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      LOG.debug("closing a channel: {}", e.getMessage());
    }
  }

  /** One client connection and its connection to the target, with a buffer per direction. */
  private final class Link {
    private final SocketChannel client;
    private final SocketChannel upstream;
    private final ByteBuffer toUpstream = ByteBuffer.allocate(BUFFER_BYTES);
    private final ByteBuffer toClient = ByteBuffer.allocate(BUFFER_BYTES);
    private SelectionKey clientKey;
    private SelectionKey upstreamKey;
    private boolean closed;

    Link(SocketChannel client, SocketChannel upstream) {
      this.client = client;
      this.upstream = upstream;
    }

    void connected() throws IOException {
      if (upstreamKey == null) {
        upstreamKey = upstream.register(selector, SelectionKey.OP_READ, this);
      } else {
        upstreamKey.interestOps(SelectionKey.OP_READ);
      }
      clientKey = client.register(selector, SelectionKey.OP_READ, this);
    }

    void ready(SelectionKey key) {
      try {
        if (key.isConnectable()) {
          upstream.finishConnect();
          connected();
          return;
        }
        if (key.isReadable()) {
          boolean fromClient = key == clientKey;
          ByteBuffer buffer = fromClient ? toUpstream : toClient;
          int read = (fromClient ? client : upstream).read(buffer);
          if (read < 0) {
            close();
            return;
          }
        }
        flush(toUpstream, upstream);
        flush(toClient, client);
        if (!closed) {
          // Each socket is the source of one buffer and the sink of the other: read from it only while its
          // outgoing buffer is empty (back-pressure), and wait for writability while bytes for it are pending.
          clientKey.interestOps((toUpstream.position() == 0 ? SelectionKey.OP_READ : 0)
              | (toClient.position() > 0 ? SelectionKey.OP_WRITE : 0));
          upstreamKey.interestOps((toClient.position() == 0 ? SelectionKey.OP_READ : 0)
              | (toUpstream.position() > 0 ? SelectionKey.OP_WRITE : 0));
        }
      } catch (IOException e) {
        close();
      }
    }

    /** Writes what {@code buffer} holds to {@code sink}; what does not fit stays at the start of the buffer. */
    private void flush(ByteBuffer buffer, SocketChannel sink) throws IOException {
      if (closed || buffer.position() == 0) {
        return;
      }
      buffer.flip();
      sink.write(buffer);
      buffer.compact();
    }

    /** Cuts both sides with a TCP reset. */
    void reset() {
      try {
        client.setOption(StandardSocketOptions.SO_LINGER, 0);
        if (upstream.isConnected()) {
          upstream.setOption(StandardSocketOptions.SO_LINGER, 0);
        }
      } catch (IOException e) {
        LOG.debug("setting linger for a reset: {}", e.getMessage());
      }
      close();
    }

    void close() {
      if (closed) {
        return;
      }
      closed = true;
      links.remove(this);
      closeQuietly(client);
      closeQuietly(upstream);
    }
  }
}
