package io.freeagentics.edge.internal;

/**
 * Writes the small flat JSON objects the runtime spools (numbers, booleans and short strings only), without
 * loading a JSON library on the device. Strings are escaped per RFC 8259.
 */
public final class JsonText {
  private final StringBuilder out = new StringBuilder(96).append('{');

  public JsonText number(String key, long value) {
    key(key).append(value);
    return this;
  }

  public JsonText number(String key, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("JSON cannot hold " + value + " (key " + key + ")");
    }
    key(key).append(value);
    return this;
  }

  public JsonText text(String key, String value) {
    key(key);
    quote(value);
    return this;
  }

  /** The finished object. */
  public String build() {
    return out.toString() + '}';
  }

  private StringBuilder key(String key) {
    if (out.length() > 1) {
      out.append(',');
    }
    quote(key);
    return out.append(':');
  }

  private void quote(String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
