package io.freeagentics.cloud.cache;

import java.io.IOException;
import java.util.Objects;

/**
 * How a cached value is stored in Redis: the caller's choice (e.g. JSON bytes through its own ObjectMapper or
 * Micronaut serde), so the cache needs no knowledge of the value type. A value that cannot be decoded (written by
 * an older version, say) is treated as a miss and reloaded.
 *
 * @param <V> the value type
 */
public interface ValueCodec<V> {

  /** The bytes stored for {@code value}. */
  byte[] encode(V value);

  /**
   * The value stored as {@code bytes}.
   *
   * @throws IOException when the bytes are not a value of this codec
   */
  V decode(byte[] bytes) throws IOException;

  /** A codec from two functions; {@code decoder} may throw {@link IOException}. */
  static <V> ValueCodec<V> of(java.util.function.Function<V, byte[]> encoder, Decoder<V> decoder) {
    Objects.requireNonNull(encoder, "encoder");
    Objects.requireNonNull(decoder, "decoder");
    return new ValueCodec<>() {
      @Override
      public byte[] encode(V value) {
        return encoder.apply(value);
      }

      @Override
      public V decode(byte[] bytes) throws IOException {
        return decoder.decode(bytes);
      }
    };
  }

  /** The decoding half of {@link #of}. */
  @FunctionalInterface
  interface Decoder<V> {

    /** The value stored as {@code bytes}. */
    V decode(byte[] bytes) throws IOException;
  }
}
