package io.freeagentics.model.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.freeagentics.model.GenerativeModel;
import io.freeagentics.model.ModelInputException;
import io.freeagentics.model.ModelValidationException;
import io.freeagentics.model.Tensor;
import io.freeagentics.model.json.internal.ModelJsonReader;
import io.freeagentics.model.json.internal.ModelJsonWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads and writes generative models as JSON ({@code docs/model-format.md}). A file holds either a model object
 * (the {@code model} object of a pymdp trace as it is, plus the optional keys {@code name}, {@code E},
 * {@code policy_len} and {@code control_fac_idx}) or a whole trace, whose {@code model} object is read.
 *
 * <p>Reading reports every problem of a file at once: its JSON decoding problems, each naming its JSON path
 * (for example {@code A[0][3][1]}), and the model's validation problems, in one {@link ModelValidationException}
 * whose message names the file. Writing then reading gives back an identical model.
 */
public final class ModelJson {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private ModelJson() {}

  /**
   * Reads a model file, or the model of a trace file.
   *
   * @throws ModelInputException when the file cannot be read or is not JSON (the message gives line and column)
   * @throws ModelValidationException listing every problem of the model, its source being the file
   */
  public static GenerativeModel read(Path file) throws ModelInputException {
    if (file == null) {
      throw new IllegalArgumentException("file must not be null");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new ModelInputException("model file " + file + " does not exist", e);
    } catch (IOException e) {
      throw new ModelInputException("cannot read model file " + file + ": " + e, e);
    }
    String source = file.toString();
    JsonNode root;
    try {
      root = MAPPER.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw syntaxError(source, e);
    } catch (IOException e) {
      throw new ModelInputException("cannot read model file " + file + ": " + e, e);
    }
    return ModelJsonReader.read(root, source);
  }

  /**
   * Parses a model, or the model of a trace, from JSON text.
   *
   * @param json the text
   * @param sourceName names the text in messages, for example the file it came from
   * @throws ModelInputException when the text is not JSON (the message gives line and column)
   * @throws ModelValidationException listing every problem of the model
   */
  public static GenerativeModel parse(String json, String sourceName) throws ModelInputException {
    if (json == null) {
      throw new IllegalArgumentException("json must not be null");
    }
    String source = sourceName == null || sourceName.isEmpty() ? "model" : sourceName;
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw syntaxError(source, e);
    }
    return ModelJsonReader.read(root, source);
  }

  /**
   * Decodes a model, or the model of a trace, from an already parsed JSON tree (for readers of documents that
   * embed a model).
   *
   * @throws ModelValidationException listing every problem of the model
   */
  public static GenerativeModel fromTree(JsonNode root, String sourceName) throws ModelInputException {
    if (root == null) {
      throw new IllegalArgumentException("root must not be null");
    }
    return ModelJsonReader.read(root, sourceName == null || sourceName.isEmpty() ? "model" : sourceName);
  }

  /**
   * Decodes one array of the format (nested JSON arrays of numbers, the shape read from the nesting) into a
   * tensor, for readers of documents that hold such arrays next to a model (a trace's final Dirichlet counts).
   *
   * @param node the JSON value
   * @param path names the value in messages, for example {@code final.pA[0]}
   * @throws ModelValidationException naming the JSON path of every ragged, empty or non-number part
   */
  public static Tensor tensor(JsonNode node, String path) throws ModelInputException {
    if (node == null) {
      throw new IllegalArgumentException("node must not be null");
    }
    return ModelJsonReader.tensor(node, path == null || path.isEmpty() ? "array" : path);
  }

  /** The model as JSON text in the format {@link #parse} reads, with its name, E, pA, pB and every policy. */
  public static String write(GenerativeModel model) {
    if (model == null) {
      throw new IllegalArgumentException("model must not be null");
    }
    return ModelJsonWriter.write(model);
  }

  private static ModelInputException syntaxError(String source, JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    String where = location == null || location.getLineNr() < 0
        ? ""
        : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    return new ModelInputException(source + ": invalid JSON" + where + ": " + e.getOriginalMessage(), e);
  }
}
