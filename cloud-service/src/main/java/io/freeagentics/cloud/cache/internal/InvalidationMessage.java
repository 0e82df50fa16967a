package io.freeagentics.cloud.cache.internal;

import java.util.Objects;

/**
 * What travels on the invalidation channel: {@code K|origin|cache|key} (drop one key) or {@code A|origin|cache|}
 * (drop the whole cache). The origin is the sending instance's id, so it can skip its own messages; the key is
 * the rest of the message and may hold any character.
 *
 * @param all    true to drop every entry of the cache
 * @param origin the sending instance's id (no '|')
 * @param cache  the cache name (no '|')
 * @param key    the formatted key; empty when {@code all}
 */
public record InvalidationMessage(boolean all, String origin, String cache, String key) {

  /** Checks the parts. */
  public InvalidationMessage {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(cache, "cache");
    Objects.requireNonNull(key, "key");
    if (origin.indexOf('|') >= 0 || cache.indexOf('|') >= 0) {
      throw new IllegalArgumentException("origin and cache must not contain '|': " + origin + ", " + cache);
    }
  }

  /** The wire text. */
  public String encode() {
    return (all ? "A|" : "K|") + origin + "|" + cache + "|" + key;
  }

  /** Parses the wire text; null when it is not an invalidation message (logged by the caller). */
  public static InvalidationMessage decode(String text) {
    if (text == null || text.length() < 2 || text.charAt(1) != '|') {
      return null;
    }
    boolean all;
    switch (text.charAt(0)) {
      case 'A' -> all = true;
      case 'K' -> all = false;
      default -> {
        return null;
      }
    }
    String[] parts = text.substring(2).split("\\|", 3);
    if (parts.length != 3) {
      return null;
    }
    return new InvalidationMessage(all, parts[0], parts[1], parts[2]);
  }
}
