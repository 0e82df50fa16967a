package io.freeagentics.cloud.mqttauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated password and ACL files in the REAL Mosquitto (a separate instance on a free port): devices reach
 * only their own topics, the cloud reads up-links through shared subscriptions and writes down-links, wrong
 * credentials are refused. "Not delivered" is shown without waiting: a marker sent after the forbidden message on
 * the same path arrives alone (Mosquitto handles one connection's packets in order).
 */
class MosquittoAuthIT {

  private static final long WAIT_SECONDS = 20;
  private static final CloudCredentials CLOUD = new CloudCredentials("fa-cloud", "cloud-secret");
  private static final DeviceCredentials D1 = new DeviceCredentials("f1", "d1", "d1-secret");
  private static final DeviceCredentials D2 = new DeviceCredentials("f1", "d2", "d2-secret");

  @TempDir
  static Path folder;

  private static SeparateMosquitto mosquitto;
  private final List<MqttClient> clients = new ArrayList<>();

  @BeforeAll
  static void startMosquitto() throws Exception {
    MosquittoAuthPaths auth = MosquittoAuthFiles.write(folder.resolve("auth"), CLOUD, D1, D2);
    mosquitto = SeparateMosquitto.start(folder, auth);
  }

  @AfterAll
  static void stopMosquitto() {
    if (mosquitto != null) {
      mosquitto.close();
    }
  }

  @AfterEach
  void disconnect() throws MqttException {
    for (MqttClient client : clients) {
      if (client.isConnected()) {
        client.disconnect();
      }
      client.close();
    }
  }

  @Test
  void deviceUplinksReachTheCloudThroughItsSharedSubscriptions() throws Exception {
    BlockingQueue<String> cloud = new LinkedBlockingQueue<>();
    MqttClient cloudClient = connect("cloud-shared", CLOUD.username(), CLOUD.password(), cloud);
    for (String kind : DeviceTopics.UPLINK_KINDS) {
      cloudClient.subscribe("$share/fa-cloud/fa/v1/+/+/" + kind, 1);
    }
    MqttClient device = connect("d1-up", D1.username(), D1.password(), new LinkedBlockingQueue<>());

    for (String kind : DeviceTopics.UPLINK_KINDS) {
      device.publish(D1.topicPrefix() + kind, bytes(kind), 1, false);
    }

    List<String> received = take(cloud, DeviceTopics.UPLINK_KINDS.size());
    assertThat(received).containsExactlyInAnyOrder(DeviceTopics.UPLINK_KINDS.stream()
        .map(kind -> D1.topicPrefix() + kind + " " + kind).toArray(String[]::new));
  }

  @Test
  void cloudDownlinksReachTheirDevice() throws Exception {
    BlockingQueue<String> d1 = new LinkedBlockingQueue<>();
    MqttClient device = connect("d1-down", D1.username(), D1.password(), d1);
    device.subscribe(new String[] {D1.topicPrefix() + "command", D1.topicPrefix() + "ack"}, new int[] {1, 1});
    MqttClient cloud = connect("cloud-down", CLOUD.username(), CLOUD.password(), new LinkedBlockingQueue<>());

    cloud.publish(D1.topicPrefix() + "command", bytes("cmd"), 1, false);
    cloud.publish(D1.topicPrefix() + "ack", bytes("ack"), 1, false);

    assertThat(take(d1, 2)).containsExactly(D1.topicPrefix() + "command cmd", D1.topicPrefix() + "ack ack");
  }

  @Test
  void deviceCannotPublishToAnotherDevicesTopics() throws Exception {
    BlockingQueue<String> cloud = new LinkedBlockingQueue<>();
    MqttClient cloudClient = connect("cloud-watch", CLOUD.username(), CLOUD.password(), cloud);
    cloudClient.subscribe(D2.topicPrefix() + "beliefs", 1);
    MqttClient intruder = connect("d1-intruder", D1.username(), D1.password(), new LinkedBlockingQueue<>());
    MqttClient owner = connect("d2-owner", D2.username(), D2.password(), new LinkedBlockingQueue<>());

    // Mosquitto acknowledges a denied MQTT 3.1.1 publish and drops it.
    intruder.publish(D2.topicPrefix() + "beliefs", bytes("forged"), 1, false);
    owner.publish(D2.topicPrefix() + "beliefs", bytes("genuine"), 1, false);

    assertThat(take(cloud, 1)).containsExactly(D2.topicPrefix() + "beliefs genuine");
    assertThat(cloud).as("nothing but the owner's message").isEmpty();
  }

  @Test
  void deviceCannotPublishDownlinksToItself() throws Exception {
    BlockingQueue<String> d1 = new LinkedBlockingQueue<>();
    MqttClient device = connect("d1-self", D1.username(), D1.password(), d1);
    device.subscribe(D1.topicPrefix() + "command", 1);
    MqttClient cloud = connect("cloud-self", CLOUD.username(), CLOUD.password(), new LinkedBlockingQueue<>());

    device.publish(D1.topicPrefix() + "command", bytes("self-made"), 1, false);
    cloud.publish(D1.topicPrefix() + "command", bytes("from-cloud"), 1, false);

    assertThat(take(d1, 1)).containsExactly(D1.topicPrefix() + "command from-cloud");
    assertThat(d1).isEmpty();
  }

  @Test
  void deviceDoesNotReceiveAnotherDevicesDownlinks() throws Exception {
    BlockingQueue<String> d1 = new LinkedBlockingQueue<>();
    BlockingQueue<String> d2 = new LinkedBlockingQueue<>();
    MqttClient spy = connect("d1-spy", D1.username(), D1.password(), d1);
    subscribeIfGranted(spy, D2.topicPrefix() + "command");
    subscribeIfGranted(spy, "fa/v1/#");
    spy.subscribe(D1.topicPrefix() + "command", 1);
    MqttClient owner = connect("d2-listener", D2.username(), D2.password(), d2);
    owner.subscribe(D2.topicPrefix() + "command", 1);
    MqttClient cloud = connect("cloud-cmd", CLOUD.username(), CLOUD.password(), new LinkedBlockingQueue<>());

    cloud.publish(D2.topicPrefix() + "command", bytes("for-d2"), 1, false);
    cloud.publish(D1.topicPrefix() + "command", bytes("for-d1"), 1, false);

    assertThat(take(d2, 1)).containsExactly(D2.topicPrefix() + "command for-d2");
    // Whatever subscriptions d1 holds, only its own command reaches it (possibly once per matching filter).
    assertThat(take(d1, 1)).containsExactly(D1.topicPrefix() + "command for-d1");
    assertThat(d1).allMatch(message -> message.equals(D1.topicPrefix() + "command for-d1"));
  }

  @Test
  void wrongPasswordUnknownUserAndAnonymousClientsAreRefused() {
    assertRefused("bad-pw", D1.username(), "not-the-password");
    assertRefused("unknown", "f1/d99", "whatever");
    assertRefused("cloud-bad", CLOUD.username(), D1.password());
    assertRefused("anonymous", null, null);
  }

  private void assertRefused(String clientId, String username, String password) {
    assertThatThrownBy(() -> connect(clientId, username, password, new LinkedBlockingQueue<>()))
        .as("connect as %s", username)
        .isInstanceOf(MqttSecurityException.class)
        .satisfies(e -> assertThat(((MqttException) e).getReasonCode())
            .isIn((int) MqttException.REASON_CODE_FAILED_AUTHENTICATION, (int) MqttException.REASON_CODE_NOT_AUTHORIZED));
  }

  /** Mosquitto 2.0 grants subscriptions and filters on delivery; later versions may refuse them (SUBACK 0x80). */
  private static void subscribeIfGranted(MqttClient client, String filter) throws MqttException {
    try {
      client.subscribe(filter, 1);
    } catch (MqttException e) {
      assertThat(e.getReasonCode()).as("refused subscription to " + filter).isEqualTo(128);
    }
  }

  private static List<String> take(BlockingQueue<String> queue, int count) throws InterruptedException {
    List<String> taken = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String message = queue.poll(WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(message).as("message %d of %d (got %s)", i + 1, count, taken).isNotNull();
      taken.add(message);
    }
    return taken;
  }

  private MqttClient connect(String clientId, String username, String password, BlockingQueue<String> sink)
      throws MqttException {
    MqttClient client = new MqttClient(mosquitto.uri(), clientId, new MemoryPersistence());
    client.setTimeToWait(WAIT_SECONDS * 1000);
    client.setCallback(new MqttCallback() {
      @Override
      public void connectionLost(Throwable cause) {
        sink.add("connection lost: " + cause);
      }

      @Override
      public void messageArrived(String topic, MqttMessage message) {
        sink.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8));
      }

      @Override
      public void deliveryComplete(IMqttDeliveryToken token) {
        // MqttClient.publish returns once the QoS 1 publish is acknowledged.
      }
    });
    MqttConnectOptions options = new MqttConnectOptions();
    options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    options.setCleanSession(true);
    options.setConnectionTimeout((int) WAIT_SECONDS);
    if (username != null) {
      options.setUserName(username);
      options.setPassword(password.toCharArray());
    }
    try {
      client.connect(options);
    } catch (MqttException e) {
      client.close();
      throw e;
    }
    clients.add(client);
    return client;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
