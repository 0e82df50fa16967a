package io.freeagentics.cloud.twin;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Profile settings as stored: a compact JSON object of strings, keys in order. */
@Singleton
public final class SettingsJson {
  private static final Argument<Map<String, String>> MAP = Argument.mapOf(String.class, String.class);
  private final JsonMapper json;

  SettingsJson(JsonMapper json) {
    this.json = json;
  }

  /** The settings as a JSON object, keys in order (same settings, same text). */
  public String write(Map<String, String> settings) {
    try {
      return json.writeValueAsString(new TreeMap<>(settings));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write settings " + settings, e);
    }
  }

  /** The settings of a JSON object written by {@link #write}. */
  public SortedMap<String, String> read(String text) {
    try {
      Map<String, String> map = json.readValue(text, MAP);
      return new TreeMap<>(map == null ? Map.of() : map);
    } catch (IOException e) {
      throw new IllegalStateException("stored settings are not a JSON object of strings: " + text, e);
    }
  }
}
