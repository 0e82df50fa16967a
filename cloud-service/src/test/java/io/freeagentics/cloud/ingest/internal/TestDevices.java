package io.freeagentics.cloud.ingest.internal;

import io.freeagentics.wire.Acknowledgement;
import io.freeagentics.wire.WireCodec;
import io.freeagentics.wire.WireMessage;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A test publisher playing devices of one fleet: publishes at QoS 1 and collects the cloud's acknowledgements. */
final class TestDevices implements AutoCloseable {
  final String fleet;
  final Map<String, Set<Long>> acks = new ConcurrentHashMap<>();
  final java.util.List<io.freeagentics.wire.Command> commands = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final MqttClient client;

  TestDevices(String uri, String fleet) throws MqttException {
    this.fleet = fleet;
    client = new MqttClient(uri, "fa-it-devices-" + fleet, new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    options.setMaxInflight(1000);
    client.connect(options);
    client.subscribe("fa/v1/" + fleet + "/+/ack", 1, (topic, message) -> {
      WireMessage decoded = WireCodec.decode(message.getPayload());
      String device = topic.split("/")[3];
      acks.computeIfAbsent(device, d -> ConcurrentHashMap.newKeySet())
          .add(((Acknowledgement) decoded).acknowledgedSequence());
    });
    client.subscribe("fa/v1/" + fleet + "/+/command", 1,
        (topic, message) -> commands.add((io.freeagentics.wire.Command) WireCodec.decode(message.getPayload())));
  }

  void publish(String device, String kind, byte[] payload) throws MqttException {
    MqttMessage message = new MqttMessage(payload);
    message.setQos(1);
    client.publish("fa/v1/" + fleet + "/" + device + "/" + kind, message);
  }

  boolean acked(String device, long sequence) {
    return acks.getOrDefault(device, Set.of()).contains(sequence);
  }

  long ackCount() {
    return acks.values().stream().mapToLong(Set::size).sum();
  }

  @Override
  public void close() throws MqttException {
    client.disconnect();
    client.close();
  }
}
