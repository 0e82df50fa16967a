package io.freeagentics.cloud.mqttauth;

import java.util.Objects;

/**
 * The MQTT login of one device: user name {@code FLEET/DEVICE} and its password (kept only in memory; the files
 * hold a salted hash). Fleet and device are topic levels of {@code fa/v1/{fleet}/{device}/{kind}}, so they are
 * checked as such: 1 to 64 characters, none of {@code / + # :}, no whitespace or control character.
 *
 * @param fleet    the fleet id, e.g. {@code f1}
 * @param device   the device id within the fleet, e.g. {@code pi-0042}
 * @param password the device's MQTT password, not empty
 */
public record DeviceCredentials(String fleet, String device, String password) {

  /** Checks the ids and the password; messages name the argument and its value (never the password). */
  public DeviceCredentials {
    MqttNames.checkTopicLevel("fleet", fleet);
    MqttNames.checkTopicLevel("device", device);
    MqttNames.checkPassword("password of device " + fleet + "/" + device, password);
  }

  /** The MQTT user name: {@code FLEET/DEVICE}. */
  public String username() {
    return fleet + "/" + device;
  }

  /** The device's topic prefix {@code fa/v1/FLEET/DEVICE/}. */
  public String topicPrefix() {
    return DeviceTopics.ROOT + fleet + "/" + device + "/";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DeviceCredentials that && fleet.equals(that.fleet) && device.equals(that.device)
        && password.equals(that.password);
  }

  @Override
  public int hashCode() {
    return Objects.hash(fleet, device, password);
  }

  /** Never shows the password. */
  @Override
  public String toString() {
    return "DeviceCredentials[" + username() + "]";
  }
}
