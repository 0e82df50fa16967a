package io.freeagentics.wire;

import io.freeagentics.wire.internal.WireText;

/**
 * Something that happened on a device that the fleet's operators should see: a sensor or actuator failing, the
 * runtime stopping. It travels as a frame like every other up-link, so its header's {@code (device, sequence)} lets
 * the cloud store it exactly once; {@code kind} says what happened without reading the body, and {@code body} is the
 * device's JSON record of it.
 *
 * @param kind what happened, a token as a device id (e.g. {@code error}, {@code stopped})
 * @param body the details, a JSON object as UTF-8 text of at most {@link #MAX_BODY_BYTES} bytes (the codec does not
 *     parse it; the receiver may)
 */
public record DeviceEvent(MessageHeader header, String kind, String body) implements WireMessage {
  /** The longest body in UTF-8 bytes. */
  public static final int MAX_BODY_BYTES = 8192;

  public DeviceEvent {
    if (header == null || kind == null || body == null) {
      throw new IllegalArgumentException("header, kind and body must not be null");
    }
    String problem = MessageHeader.deviceIdProblem(kind);
    if (problem != null) {
      throw new IllegalArgumentException("kind " + problem);
    }
    byte[] utf8 = WireText.utf8(body);
    if (utf8 == null || utf8.length > MAX_BODY_BYTES) {
      throw new IllegalArgumentException("body must be well-formed text of at most " + MAX_BODY_BYTES
          + " UTF-8 bytes but " + (utf8 == null ? "holds an unpaired surrogate" : "has " + utf8.length));
    }
  }

  @Override
  public MessageType type() {
    return MessageType.DEVICE_EVENT;
  }
}
