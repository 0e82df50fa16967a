package io.freeagentics.wire;

/**
 * What every message carries: the device it comes from or goes to, the sender's sequence number (the cloud drops a
 * second message with the same device and sequence) and the sender's clock in milliseconds since the epoch.
 *
 * @param deviceId 1 to {@value #MAX_DEVICE_ID_LENGTH} characters from {@code [A-Za-z0-9._-]}, so it is also a valid
 *     MQTT topic level
 */
public record MessageHeader(String deviceId, long sequence, long timestampMillis) {
  /** The longest device id. */
  public static final int MAX_DEVICE_ID_LENGTH = 64;

  public MessageHeader {
    String problem = deviceIdProblem(deviceId);
    if (problem != null) {
      throw new IllegalArgumentException("deviceId " + problem);
    }
    if (sequence < 0) {
      throw new IllegalArgumentException("sequence must not be negative but was " + sequence);
    }
    if (timestampMillis < 0) {
      throw new IllegalArgumentException("timestampMillis must not be negative but was " + timestampMillis);
    }
  }

  /** Why {@code id} is not a valid device id, or null when it is. */
  public static String deviceIdProblem(String id) {
    if (id == null) {
      return "must not be null";
    }
    if (id.isEmpty() || id.length() > MAX_DEVICE_ID_LENGTH) {
      return "must have 1 to " + MAX_DEVICE_ID_LENGTH + " characters but has " + id.length();
    }
    for (int i = 0; i < id.length(); i++) {
      if (!isIdCharacter(id.charAt(i))) {
        return "may only hold A-Z, a-z, 0-9, '.', '_' and '-' but has '" + id.charAt(i) + "' at " + i;
      }
    }
    return null;
  }

  /** Whether {@code c} may appear in a device id (and in the other identifier tokens of the format). */
  public static boolean isIdCharacter(int c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
        || c == '-';
  }
}
