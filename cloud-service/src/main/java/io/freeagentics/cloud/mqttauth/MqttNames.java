package io.freeagentics.cloud.mqttauth;

/** Checks of the names that become MQTT topic levels, user names in Mosquitto's files, and passwords. */
final class MqttNames {

  static final int MAX_LENGTH = 64;

  private MqttNames() {}

  /**
   * A topic level that is also safe in Mosquitto's password file ({@code user:hash}) and ACL file ({@code user
   * NAME} lines): 1..64 characters, no {@code / + # :}, no whitespace, no control character.
   */
  static void checkTopicLevel(String what, String value) {
    if (value == null) {
      throw new IllegalArgumentException(what + " must not be null");
    }
    if (value.isEmpty() || value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(what + " must have 1 to " + MAX_LENGTH + " characters, got '" + value
          + "' (" + value.length() + ")");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '/' || c == '+' || c == '#' || c == ':' || Character.isWhitespace(c) || Character.isISOControl(c)) {
        throw new IllegalArgumentException(what + " '" + value + "' has the character " + describe(c)
            + " at index " + i + ": it is an MQTT topic level and a Mosquitto user name, so / + # : whitespace"
            + " and control characters are not allowed");
      }
    }
  }

  static void checkPassword(String what, String password) {
    if (password == null || password.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
  }

  private static String describe(char c) {
    return Character.isISOControl(c) || Character.isWhitespace(c)
        ? String.format("U+%04X", (int) c) : "'" + c + "'";
  }
}
