package io.freeagentics.edge.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link SyncLink} in memory: records publishes (and the thread that subscribed), tracks how many publishes are
 * outstanding, and can refuse connects, refuse topics or drop the connection after a number of publishes.
 */
public final class FakeSyncLink implements SyncLink {
  /** One publish as the broker would have seen it. */
  public record Published(String topic, byte[] payload, boolean retained) {}

  private final List<Published> published = new ArrayList<>();
  private final List<String> subscriptions = new ArrayList<>();
  private final List<String> subscribingThreads = new ArrayList<>();
  private int connectFailuresLeft;
  private int publishesBeforeDrop = Integer.MAX_VALUE;
  private String refusedTopicPart = null;
  private boolean connected;
  private int outstanding;
  private int maxOutstanding;
  private int connects;
  private byte[] will;

  public synchronized FakeSyncLink failConnects(int count) {
    connectFailuresLeft = count;
    return this;
  }

  public synchronized FakeSyncLink dropAfter(int publishes) {
    publishesBeforeDrop = publishes;
    return this;
  }

  public synchronized FakeSyncLink refuseTopicsContaining(String part) {
    refusedTopicPart = part;
    return this;
  }

  @Override
  public synchronized void connect(String willTopic, byte[] willPayload) throws SyncLinkException {
    if (connectFailuresLeft > 0) {
      connectFailuresLeft--;
      throw new SyncLinkException("connection refused", true, null);
    }
    connected = true;
    connects++;
    outstanding = 0;
    will = willPayload.clone();
  }

  @Override
  public synchronized boolean isConnected() {
    return connected;
  }

  @Override
  public synchronized Delivery publish(String topic, byte[] payload, boolean retained) throws SyncLinkException {
    if (!connected) {
      throw new SyncLinkException("not connected", true, null);
    }
    if (refusedTopicPart != null && topic.contains(refusedTopicPart)) {
      throw new SyncLinkException("refused topic " + topic, false, null);
    }
    if (publishesBeforeDrop-- <= 0) {
      publishesBeforeDrop = Integer.MAX_VALUE;
      connected = false;
      throw new SyncLinkException("connection lost", true, null);
    }
    outstanding++;
    maxOutstanding = Math.max(maxOutstanding, outstanding);
    published.add(new Published(topic, payload.clone(), retained));
    int connection = connects;
    return timeout -> {
      synchronized (FakeSyncLink.this) {
        if (connection != connects || !connected) {
          throw new SyncLinkException("connection lost before the acknowledgement", true, null);
        }
        outstanding--;
      }
    };
  }

  @Override
  public synchronized void subscribe(String filter) throws SyncLinkException {
    if (!connected) {
      throw new SyncLinkException("not connected", true, null);
    }
    subscriptions.add(filter);
    subscribingThreads.add(Thread.currentThread().getName());
  }

  @Override
  public synchronized void reset() {
    connected = false;
    outstanding = 0;
  }

  @Override
  public synchronized void close() {
    connected = false;
  }

  public synchronized List<Published> published() {
    return List.copyOf(published);
  }

  public synchronized List<String> subscriptions() {
    return List.copyOf(subscriptions);
  }

  public synchronized List<String> subscribingThreads() {
    return List.copyOf(subscribingThreads);
  }

  public synchronized int maxOutstanding() {
    return maxOutstanding;
  }

  public synchronized int connects() {
    return connects;
  }

  public synchronized byte[] will() {
    return will == null ? null : will.clone();
  }
}
