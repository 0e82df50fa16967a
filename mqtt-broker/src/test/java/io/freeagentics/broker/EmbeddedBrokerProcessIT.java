package io.freeagentics.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded broker as the cloud and the demo use it: a child JVM started through {@link EmbeddedBrokerProcess}
 * on a free port, checked with the Paho MQTT 3.1.1 client the edge and the cloud ingest use.
 */
class EmbeddedBrokerProcessIT {

  private static final long WAIT_SECONDS = 20;

  @TempDir
  static Path shared;

  private static EmbeddedBrokerProcess broker;
  private final List<MqttClient> clients = new ArrayList<>();

  @BeforeAll
  static void startBroker() throws BrokerStartException {
    System.out.println("EmbeddedBrokerProcessIT: starting the broker process (HiveMQ CE, several seconds)...");
    broker = EmbeddedBrokerProcess.start(0, shared.resolve("data"), shared.resolve("broker.log"));
    System.out.println("EmbeddedBrokerProcessIT: broker ready at " + broker.uri());
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  @AfterEach
  void disconnectClients() throws MqttException {
    for (MqttClient client : clients) {
      if (client.isConnected()) {
        client.disconnect();
      }
      client.close();
    }
  }

  @Test
  void readyBrokerListensOnTheChosenPortAndLogsToTheFile() throws Exception {
    assertThat(broker.uri().toString()).startsWith("tcp://127.0.0.1:");
    assertThat(broker.port()).isPositive();
    assertThat(broker.isAlive()).isTrue();
    assertThat(Files.readString(shared.resolve("broker.log"))).contains("fa-broker ready " + broker.uri());
  }

  @Test
  void qos1MessageReachesTheSubscriberAtQos1() throws Exception {
    BlockingQueue<MqttMessage> received = new LinkedBlockingQueue<>();
    MqttClient subscriber = connect("qos1-sub", received);
    subscriber.subscribe("fa/v1/f1/d1/command", 1);
    MqttClient publisher = connect("qos1-pub", (topic, message) -> { });

    publisher.publish("fa/v1/f1/d1/command", bytes("do it"), 1, false);

    MqttMessage message = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(message).as("QoS 1 message delivered").isNotNull();
    assertThat(message.getQos()).isEqualTo(1);
    assertThat(text(message)).isEqualTo("do it");
  }

  @Test
  void retainedMessageReachesALateSubscriberWithTheRetainFlag() throws Exception {
    MqttClient publisher = connect("retain-pub", (topic, message) -> { });
    publisher.publish("fa/v1/f1/d2/presence", bytes("online"), 1, true);

    BlockingQueue<MqttMessage> received = new LinkedBlockingQueue<>();
    MqttClient late = connect("retain-late", received);
    late.subscribe("fa/v1/f1/d2/presence", 1);

    MqttMessage message = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(message).as("retained message for a late subscriber").isNotNull();
    assertThat(message.isRetained()).isTrue();
    assertThat(text(message)).isEqualTo("online");
  }

  @Test
  void lastWillIsPublishedWhenAClientDropsWithoutDisconnecting() throws Exception {
    BlockingQueue<MqttMessage> received = new LinkedBlockingQueue<>();
    MqttClient watcher = connect("will-watcher", received);
    watcher.subscribe("fa/v1/f1/d3/presence", 1);

    MqttAsyncClient device = new MqttAsyncClient(broker.uri().toString(), "will-device", new MemoryPersistence());
    MqttConnectOptions options = options();
    options.setWill("fa/v1/f1/d3/presence", bytes("offline"), 1, false);
    device.connect(options).waitForCompletion(WAIT_SECONDS * 1000);
    // Drops the TCP connection without a DISCONNECT packet, as a device losing power does.
    device.disconnectForcibly(0, 0, false);
    device.close();

    MqttMessage will = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    assertThat(will).as("last will after an abrupt disconnect").isNotNull();
    assertThat(text(will)).isEqualTo("offline");
  }

  @Test
  void sharedSubscriptionGivesEachMessageToExactlyOneMqtt311Subscriber() throws Exception {
    Map<String, String> receiverOf = new ConcurrentHashMap<>();
    AtomicInteger duplicates = new AtomicInteger();
    Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    MqttClient device = connect("shared-pub", (topic, message) -> { });
    // Which member gets a message is the broker's choice (it favours members with room in their in-flight
    // window), so the split is made deterministic by membership: ingest-0 alone, then both, then ingest-1 alone.
    MqttClient first = joinGroup("ingest-0", receiverOf, duplicates, counts);
    int sent = publishBeliefs(device, 0, 20);
    awaitReceived(receiverOf, sent);
    MqttClient second = joinGroup("ingest-1", receiverOf, duplicates, counts);
    sent = publishBeliefs(device, sent, 100);
    awaitReceived(receiverOf, sent);
    System.out.println("EmbeddedBrokerProcessIT: 100 messages with both members: ingest-0 "
        + (counts.get("ingest-0").get() - 20) + ", ingest-1 " + counts.get("ingest-1").get());
    first.disconnect();
    sent = publishBeliefs(device, sent, 20);
    awaitReceived(receiverOf, sent);
    // Late duplicates would arrive right after the originals: a last message through the same path flushes them.
    device.publish("fa/v1/f1/dev0/beliefs", bytes("flush"), 1, false);
    awaitReceived(receiverOf, sent + 1);

    assertThat(duplicates.get()).as("messages received by both members of the group").isZero();
    assertThat(counts.get("ingest-0").get()).as("messages to ingest-0").isGreaterThanOrEqualTo(20);
    assertThat(counts.get("ingest-1").get()).as("messages to ingest-1").isGreaterThanOrEqualTo(20);
    assertThat(counts.get("ingest-0").get() + counts.get("ingest-1").get()).as("deliveries").isEqualTo(sent + 1);
    for (int i = 0; i < 20; i++) {
      assertThat(receiverOf.get("m" + i)).as("while alone").isEqualTo("ingest-0");
      assertThat(receiverOf.get("m" + (120 + i))).as("after ingest-0 left").isEqualTo("ingest-1");
    }
  }

  private MqttClient joinGroup(String name, Map<String, String> receiverOf, AtomicInteger duplicates,
                               Map<String, AtomicInteger> counts) throws MqttException {
    counts.put(name, new AtomicInteger());
    // A connection-wide callback: Paho's per-subscription listeners never match "$share/..." filters.
    MqttClient member = connect(name, (topic, message) -> {
      counts.get(name).incrementAndGet();
      if (receiverOf.putIfAbsent(text(message), name) != null) {
        duplicates.incrementAndGet();
      }
    });
    member.subscribe("$share/fa-cloud/fa/v1/+/+/beliefs", 1);
    return member;
  }

  private static int publishBeliefs(MqttClient device, int from, int count) throws MqttException {
    for (int i = from; i < from + count; i++) {
      device.publish("fa/v1/f1/dev" + (i % 5) + "/beliefs", bytes("m" + i), 1, false);
    }
    return from + count;
  }

  private static void awaitReceived(Map<String, String> receiverOf, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
    while (receiverOf.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(receiverOf).as("messages received").hasSize(count);
  }

  @Test
  void retainedMessagesSurviveARestartOnTheSameDataFolder(@TempDir Path folder) throws Exception {
    Path data = folder.resolve("data");
    Path log = folder.resolve("broker.log");
    try (EmbeddedBrokerProcess first = EmbeddedBrokerProcess.start(0, data, log)) {
      MqttClient publisher = connect(first, "persist-pub", (topic, message) -> { });
      publisher.publish("fa/v1/f1/d4/presence", bytes("kept"), 1, true);
      publisher.disconnect();
    }
    EmbeddedBrokerProcess second = EmbeddedBrokerProcess.start(0, data, log);
    try {
      BlockingQueue<MqttMessage> received = new LinkedBlockingQueue<>();
      MqttClient subscriber = connect(second, "persist-sub", received);
      subscriber.subscribe("fa/v1/f1/d4/presence", 1);
      MqttMessage message = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(message).as("retained message after a restart").isNotNull();
      assertThat(text(message)).isEqualTo("kept");
      subscriber.disconnect();
      assertThat(second.isAlive()).isTrue();
    } finally {
      second.close();
    }
    assertThat(second.isAlive()).as("stopped by close()").isFalse();
    assertThat(Files.readString(log)).contains("fa-broker stopped");
  }

  @Test
  void memoryPersistenceForgetsRetainedMessagesAtStop(@TempDir Path folder) throws Exception {
    EmbeddedBrokerSettings settings = EmbeddedBrokerSettings.of(0, folder.resolve("data"), folder.resolve("b.log"))
        .withPersistence(BrokerPersistence.MEMORY);
    try (EmbeddedBrokerProcess first = EmbeddedBrokerProcess.start(settings)) {
      MqttClient publisher = connect(first, "memory-pub", (topic, message) -> { });
      publisher.publish("fa/v1/f1/d5/presence", bytes("gone"), 1, true);
      publisher.publish("fa/v1/f1/d5/telemetry", bytes("still-here"), 1, true);
      BlockingQueue<MqttMessage> before = new LinkedBlockingQueue<>();
      MqttClient check = connect(first, "memory-check", before);
      check.subscribe("fa/v1/f1/d5/telemetry", 1);
      assertThat(before.poll(WAIT_SECONDS, TimeUnit.SECONDS)).as("retained while running").isNotNull();
      check.disconnect();
      publisher.disconnect();
    }
    assertThat(Files.readString(folder.resolve("b.log"))).contains("memory persistence");
    try (EmbeddedBrokerProcess second = EmbeddedBrokerProcess.start(settings)) {
      BlockingQueue<MqttMessage> received = new LinkedBlockingQueue<>();
      MqttClient subscriber = connect(second, "memory-sub", received);
      subscriber.subscribe(new String[] {"fa/v1/f1/d5/presence", "fa/v1/f1/d5/marker"}, new int[] {1, 1});
      // A retained message would be delivered on SUBSCRIBE, before this marker published afterwards.
      MqttClient marker = connect(second, "memory-marker", (topic, message) -> { });
      marker.publish("fa/v1/f1/d5/marker", bytes("marker"), 1, false);
      MqttMessage first = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(first).isNotNull();
      assertThat(text(first)).as("no retained message survived the restart").isEqualTo("marker");
      subscriber.disconnect();
      marker.disconnect();
    }
  }

  @Test
  void aTakenPortFailsTheStartNamingThePort(@TempDir Path folder) throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      assertThatThrownBy(() -> EmbeddedBrokerProcess.start(port, folder.resolve("data"), folder.resolve("b.log")))
          .isInstanceOf(BrokerStartException.class)
          .hasMessageContaining("127.0.0.1:" + port)
          .hasMessageContaining("--port");
    }
  }

  private interface Receiver {
    void accept(String topic, MqttMessage message) throws Exception;
  }

  private MqttClient connect(String clientId, BlockingQueue<MqttMessage> sink) throws MqttException {
    return connect(clientId, (topic, message) -> sink.add(message));
  }

  private MqttClient connect(String clientId, Receiver receiver) throws MqttException {
    return connect(broker, clientId, receiver);
  }

  private MqttClient connect(EmbeddedBrokerProcess target, String clientId, BlockingQueue<MqttMessage> sink)
      throws MqttException {
    return connect(target, clientId, (topic, message) -> sink.add(message));
  }

  private MqttClient connect(EmbeddedBrokerProcess target, String clientId, Receiver receiver)
      throws MqttException {
    MqttClient client = new MqttClient(target.uri().toString(), clientId, new MemoryPersistence());
    client.setTimeToWait(WAIT_SECONDS * 1000);
    client.setCallback(new MqttCallback() {
      @Override
      public void connectionLost(Throwable cause) {
        System.out.println(clientId + ": connection lost: " + cause);
      }

      @Override
      public void messageArrived(String topic, MqttMessage message) throws Exception {
        receiver.accept(topic, message);
      }

      @Override
      public void deliveryComplete(IMqttDeliveryToken token) {
        // QoS 1 publishes are confirmed by MqttClient.publish returning.
      }
    });
    client.connect(options());
    clients.add(client);
    return client;
  }

  private static MqttConnectOptions options() {
    MqttConnectOptions options = new MqttConnectOptions();
    options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    options.setCleanSession(true);
    options.setConnectionTimeout((int) WAIT_SECONDS);
    return options;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(MqttMessage message) {
    return new String(message.getPayload(), StandardCharsets.UTF_8);
  }
}
