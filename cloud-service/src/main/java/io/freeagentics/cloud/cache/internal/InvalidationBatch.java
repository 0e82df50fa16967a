package io.freeagentics.cloud.cache.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Several keys of one cache dropped with one message on the invalidation channel (one PUBLISH for a whole batch
 * of writes): {@code M|origin|cache|} followed by each key as {@code <length>:<key>}, the length in UTF-16 chars.
 * Keys may hold any character, separators included, since each is read by its length.
 *
 * @param origin the sending instance's id (no '|')
 * @param cache  the cache name (no '|')
 * @param keys   the formatted keys (at least one)
 */
public record InvalidationBatch(String origin, String cache, List<String> keys) {

  /** Checks the parts and copies the keys. */
  public InvalidationBatch {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(cache, "cache");
    keys = List.copyOf(Objects.requireNonNull(keys, "keys"));
    if (origin.indexOf('|') >= 0 || cache.indexOf('|') >= 0) {
      throw new IllegalArgumentException("origin and cache must not contain '|': " + origin + ", " + cache);
    }
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("keys must not be empty");
    }
  }

  /** The wire text. */
  public String encode() {
    StringBuilder text = new StringBuilder(16 + origin.length() + cache.length() + keys.size() * 24);
    text.append("M|").append(origin).append('|').append(cache).append('|');
    for (String key : keys) {
      text.append(key.length()).append(':').append(key);
    }
    return text.toString();
  }

  /** Parses the wire text; null when it is not a batch message (the caller logs it). Never throws. */
  public static InvalidationBatch decode(String text) {
    if (text == null || !text.startsWith("M|")) {
      return null;
    }
    int originEnd = text.indexOf('|', 2);
    if (originEnd < 0) {
      return null;
    }
    int cacheEnd = text.indexOf('|', originEnd + 1);
    if (cacheEnd < 0) {
      return null;
    }
    List<String> keys = new ArrayList<>();
    int position = cacheEnd + 1;
    while (position < text.length()) {
      int colon = text.indexOf(':', position);
      if (colon <= position || colon - position > 9) {
        return null;
      }
      int length = 0;
      for (int i = position; i < colon; i++) {
        char digit = text.charAt(i);
        if (digit < '0' || digit > '9') {
          return null;
        }
        length = length * 10 + (digit - '0');
      }
      if (String.valueOf(length).length() != colon - position || length > text.length() - colon - 1) {
        return null;
      }
      keys.add(text.substring(colon + 1, colon + 1 + length));
      position = colon + 1 + length;
    }
    if (keys.isEmpty()) {
      return null;
    }
    return new InvalidationBatch(text.substring(2, originEnd), text.substring(originEnd + 1, cacheEnd), keys);
  }
}
