package io.freeagentics.cloud.mqttauth.internal;

import io.freeagentics.cloud.mqttauth.CloudCredentials;
import io.freeagentics.cloud.mqttauth.DeviceCredentials;
import io.freeagentics.cloud.mqttauth.DeviceTopics;
import java.util.List;

/**
 * The text of a Mosquitto ACL file: one {@code user} block per login, exact topics for devices (no wildcard, no
 * pattern substitution, so a device id can never widen its rights), {@code +} wildcards for the cloud. Mosquitto
 * checks {@code read} when it delivers a message (also one matched by a {@code $share/GROUP/...} subscription),
 * {@code write} when it receives one; a denied publish is dropped.
 */
public final class MosquittoAclText {

  private MosquittoAclText() {}

  /** The ACL for the cloud user and the devices, in the order given. */
  public static String render(CloudCredentials cloud, List<DeviceCredentials> devices) {
    StringBuilder text = new StringBuilder(256 + devices.size() * 320);
    text.append("# Mosquitto ACL written by io.freeagentics.cloud.mqttauth.MosquittoAuthFiles: edits are overwritten.\n")
        .append("# Cloud: reads every device's up-links (also through $share/GROUP/...), writes every down-link.\n")
        .append("user ").append(cloud.username()).append('\n');
    for (String kind : DeviceTopics.UPLINK_KINDS) {
      text.append("topic read ").append(DeviceTopics.ROOT).append("+/+/").append(kind).append('\n');
    }
    for (String kind : DeviceTopics.DOWNLINK_KINDS) {
      text.append("topic write ").append(DeviceTopics.ROOT).append("+/+/").append(kind).append('\n');
    }
    text.append("\n# Devices: each writes its own up-links and reads its own down-links, nothing else.\n");
    for (DeviceCredentials device : devices) {
      text.append("user ").append(device.username()).append('\n');
      for (String kind : DeviceTopics.UPLINK_KINDS) {
        text.append("topic write ").append(device.topicPrefix()).append(kind).append('\n');
      }
      for (String kind : DeviceTopics.DOWNLINK_KINDS) {
        text.append("topic read ").append(device.topicPrefix()).append(kind).append('\n');
      }
      text.append('\n');
    }
    return text.toString();
  }
}
